import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FirmScope, Store } from '../../../src/application/ports/index.ts';
import { createApp } from '../../../src/http/create-app.ts';
import { apiAs } from '../../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../../support/test-app.ts';
import { aServiceBody, expectInvalidField, expectProblem } from './builders.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
afterEach(() => ctx.clock.set('2026-11-29T09:00:00Z'));

/** A firm whose catalogue holds the services of the worked examples (DOMAIN.md E). */
const aFirmWithCatalogue = async () => {
  const firm = await aFirmWithUsers(ctx);
  const api = apiAs(ctx, firm.users.associe.headers);
  const create = async (body: Record<string, unknown>) =>
    (await api.post('/services', aServiceBody(body))).body;
  const services = {
    annualAccounts: await create({ code: 'COMPTES', recurrence: 'yearly', priceCents: 120000 }),
    payslip: await create({ code: 'PAIE', pricingMode: 'unit', unitLabel: 'bulletin', priceCents: 2500 }),
    situation: await create({ code: 'SITUATION', recurrence: 'quarterly', priceCents: 3333 }),
    debours: await create({
      code: 'DEBOURS',
      recurrence: 'one_off',
      pricingMode: 'at_cost',
      priceCents: 5000,
    }),
  };
  // A later instant (sessions last 14 days): the new prices follow the creation prices in history.
  ctx.clock.set('2026-12-01T08:00:00Z');
  return { firm, api, services };
};

const priceOf = async (api: ReturnType<typeof apiAs>, id: string): Promise<number> =>
  (await api.get(`/services/${id}`)).body.service.priceCents;

describe('POST /services/revalue', () => {
  it('R-D4 revalues every active service by 1.03: 1 200,00 € → 1 236,00 €, payslip 25,00 € → 25,75 €', async () => {
    const { api, services } = await aFirmWithCatalogue();
    const response = await api.post('/services/revalue', { coefficient: 1.03, rounding: 'cent' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ coefficient: '1.03', rounding: 'cent', dryRun: false });
    const revalued = Object.fromEntries(
      (response.body.revalued as { code: string; beforeCents: number; afterCents: number }[]).map((r) => [
        r.code,
        [r.beforeCents, r.afterCents],
      ]),
    );
    expect(revalued).toEqual({ COMPTES: [120000, 123600], PAIE: [2500, 2575], SITUATION: [3333, 3433] });
    expect(await priceOf(api, services.annualAccounts.id)).toBe(123600);
    expect(await priceOf(api, services.payslip.id)).toBe(2575);
  });

  it('R-D4 rounds half-up to the cent: 33,33 € × 1,025 = 34,16 €', async () => {
    const { api, services } = await aFirmWithCatalogue();
    const response = await api.post('/services/revalue', { coefficient: '1,025' });
    expect(response.body.revalued).toContainEqual(
      expect.objectContaining({
        code: 'SITUATION',
        beforeCents: 3333,
        afterCents: 3416,
        changePercent: '2.49',
      }),
    );
    expect(await priceOf(api, services.situation.id)).toBe(3416);
  });

  it('R-D4 rounds to the euro on demand', async () => {
    const { api, services } = await aFirmWithCatalogue();
    await api.post('/services/revalue', { coefficient: '1.025', rounding: 'euro' });
    expect(await priceOf(api, services.situation.id)).toBe(3400);
    expect(await priceOf(api, services.payslip.id)).toBe(2600);
  });

  it('R-D4 keeps the old price in history, with the coefficient and a French reason', async () => {
    const { api, services } = await aFirmWithCatalogue();
    await api.post('/services/revalue', { coefficient: 1.03 });
    const { body } = await api.get(`/services/${services.annualAccounts.id}`);
    expect(body.priceHistory).toEqual([
      expect.objectContaining({
        priceCents: 123600,
        coefficient: '1.03',
        reason: 'Réévaluation du catalogue : coefficient 1,03',
        validFrom: '2026-12-01T08:00:00.000Z',
      }),
      expect.objectContaining({ priceCents: 120000, reason: 'Création', coefficient: null }),
    ]);
    expect(body.service.version).toBe(2);
  });

  it('R-D4 refuses 1.6 without confirmation (REVALUATION.CONFIRMATION_REQUIRED), applies it when confirmed', async () => {
    const { api, services } = await aFirmWithCatalogue();
    expectProblem(
      await api.post('/services/revalue', { coefficient: 1.6 }),
      422,
      'REVALUATION.CONFIRMATION_REQUIRED',
    );
    expect(await priceOf(api, services.annualAccounts.id)).toBe(120000);
    const confirmed = await api.post('/services/revalue', { coefficient: 1.6, confirm: true });
    expect(confirmed.status).toBe(200);
    expect(await priceOf(api, services.annualAccounts.id)).toBe(192000);
  });

  it('R-D4 asks a confirmation to lower prices too', async () => {
    const { api } = await aFirmWithCatalogue();
    expectProblem(
      await api.post('/services/revalue', { coefficient: 0.95 }),
      422,
      'REVALUATION.CONFIRMATION_REQUIRED',
    );
  });

  it('R-D4 refuses a zero coefficient (REVALUATION.INVALID_COEFFICIENT) and a non-number (400)', async () => {
    const { api } = await aFirmWithCatalogue();
    expectProblem(
      await api.post('/services/revalue', { coefficient: 0, confirm: true }),
      422,
      'REVALUATION.INVALID_COEFFICIENT',
    );
    expect(
      expectInvalidField(await api.post('/services/revalue', { coefficient: 'trois' }), 'body.coefficient'),
    ).toMatch(/Coefficient invalide/);
    expectInvalidField(
      await api.post('/services/revalue', { coefficient: 1.03, rounding: 'dixieme' }),
      'body.rounding',
    );
  });

  it('R-D4 leaves excluded, archived and at-cost services at their price', async () => {
    const { api, services } = await aFirmWithCatalogue();
    await api.post(`/services/${services.situation.id}/archive`);
    const response = await api.post('/services/revalue', {
      coefficient: 1.03,
      excludedServiceIds: [services.payslip.id],
    });
    expect(response.body.revalued.map((r: { code: string }) => r.code)).toEqual(['COMPTES']);
    expect(response.body.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'PAIE', reason: 'excluded', priceCents: 2500 }),
        expect.objectContaining({ code: 'DEBOURS', reason: 'at_cost', priceCents: 5000 }),
      ]),
    );
    expect(await priceOf(api, services.payslip.id)).toBe(2500);
    expect(await priceOf(api, services.situation.id)).toBe(3333);
    expect(await priceOf(api, services.debours.id)).toBe(5000);
  });

  it('R-D4 previews the new tariff without writing it (dryRun)', async () => {
    const { api, services } = await aFirmWithCatalogue();
    const response = await api.post('/services/revalue', { coefficient: 1.03, dryRun: true });
    expect(response.body).toMatchObject({ dryRun: true, appliedAt: null });
    expect(response.body.revalued).toContainEqual(
      expect.objectContaining({ code: 'COMPTES', afterCents: 123600 }),
    );
    expect(await priceOf(api, services.annualAccounts.id)).toBe(120000);
  });

  it('R-D4 applies a tariff once per Idempotency-Key', async () => {
    const { api, services } = await aFirmWithCatalogue();
    const headers = { 'idempotency-key': 'tarif-2027' };
    const first = await api.post('/services/revalue', { coefficient: 1.03 }, headers);
    const replay = await api.post('/services/revalue', { coefficient: 1.03 }, headers);
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.revalued).toEqual(first.body.revalued);
    expect(await priceOf(api, services.annualAccounts.id)).toBe(123600);
  });

  it('R-D4 makes earlier reads stale: an edit based on the old version gets 409', async () => {
    const { api, services } = await aFirmWithCatalogue();
    await api.post('/services/revalue', { coefficient: 1.03 });
    expectProblem(
      await api.patch(`/services/${services.annualAccounts.id}`, { version: 1, priceCents: 100 }),
      409,
      'EDIT.STALE_VERSION',
    );
  });

  it('R-D4 changes every price or none: one transaction', async () => {
    const { firm, api, services } = await aFirmWithCatalogue();
    const store = ctx.deps.store;
    // A store whose second price write fails: the first one must be rolled back with it.
    const failing: Store = {
      ...store,
      transaction: (firmId, fn) =>
        store.transaction(firmId, (scope) => {
          let writes = 0;
          const services: FirmScope['services'] = {
            ...scope.services,
            setPrice: async (id, input) => {
              writes += 1;
              if (writes === 2) throw new Error('disk full');
              return scope.services.setPrice(id, input);
            },
          };
          return fn({ ...scope, services });
        }),
    };
    const app = await createApp({ ...ctx.deps, store: failing });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/services/revalue',
        headers: firm.users.associe.headers,
        payload: { coefficient: 1.03 },
      });
      expect(response.statusCode).toBe(500);
    } finally {
      await app.close();
    }
    for (const service of [services.annualAccounts, services.payslip, services.situation]) {
      const { body } = await api.get(`/services/${service.id}`);
      expect(body.service.priceCents).toBe(service.priceCents);
      expect(body.priceHistory).toHaveLength(1);
    }
  });

  it('R-D4 answers 404 for an excluded id of another firm, and changes nothing', async () => {
    const { api, services } = await aFirmWithCatalogue();
    const other = await aFirmWithUsers(ctx);
    const foreign = await apiAs(ctx, other.users.associe.headers).post('/services', aServiceBody());
    expectProblem(
      await api.post('/services/revalue', { coefficient: 1.03, excludedServiceIds: [foreign.body.id] }),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expect(await priceOf(api, services.annualAccounts.id)).toBe(120000);
  });

  it('R-D4 revalues only the caller’s catalogue', async () => {
    const { api } = await aFirmWithCatalogue();
    const other = await aFirmWithUsers(ctx);
    const otherApi = apiAs(ctx, other.users.associe.headers);
    const foreign = await otherApi.post('/services', aServiceBody({ priceCents: 10000 }));
    await api.post('/services/revalue', { coefficient: 1.03 });
    expect(await priceOf(otherApi, foreign.body.id)).toBe(10000);
  });

  it.each(['collaborateur', 'lecture'] as const)('R-D4 refuses a %s with 403', async (role) => {
    const { firm } = await aFirmWithCatalogue();
    expectProblem(
      await apiAs(ctx, firm.users[role].headers).post('/services/revalue', { coefficient: 1.03 }),
      403,
      'AUTH.FORBIDDEN',
    );
  });
});
