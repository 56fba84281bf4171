import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../../support/test-app.ts';
import { aServiceBody, expectInvalidField, expectProblem } from './builders.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
afterEach(() => ctx.clock.set('2026-11-29T09:00:00Z'));

const annualAccounts = {
  label: 'Révision et établissement des comptes annuels',
  description: 'Présentation des comptes annuels, bilan, compte de résultat et annexe.',
  domain: 'comptable',
  recurrence: 'yearly',
  pricingMode: 'fixed',
  priceCents: 120000,
  vatRateBp: 2000,
  professionalStandard: 'Norme professionnelle de présentation des comptes annuels',
  exclusions: 'La mission n’est ni un audit ni un examen limité.',
  taskSplit: [
    { task: 'Transmettre les pièces comptables', who: 'client', frequency: 'mensuelle' },
    { task: 'Saisir et réviser les écritures', who: 'firm', frequency: 'mensuelle' },
  ],
};

const associeApi = async () => {
  const firm = await aFirmWithUsers(ctx);
  return { firm, api: apiAs(ctx, firm.users.associe.headers) };
};

describe('POST /services', () => {
  it('lets an associé add a service with its standard, exclusions and task split', async () => {
    const { api } = await associeApi();
    const response = await api.post('/services', { code: 'comptes-annuels', ...annualAccounts });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      ...annualAccounts,
      code: 'COMPTES-ANNUELS',
      archivedAt: null,
      version: 1,
    });
    const read = await api.get(`/services/${response.body.id}`);
    expect(read.body.service).toEqual(response.body);
    expect(read.body.priceHistory).toEqual([
      expect.objectContaining({ priceCents: 120000, reason: 'Création', coefficient: null }),
    ]);
  });

  it('defaults VAT to 0 % for disbursements and 20 % otherwise, and the unit of an hourly rate', async () => {
    const { api } = await associeApi();
    const debours = await api.post('/services', aServiceBody({ pricingMode: 'at_cost', priceCents: 0 }));
    expect(debours.body).toMatchObject({ vatRateBp: 0, unitLabel: null });
    const conseil = await api.post('/services', aServiceBody({ pricingMode: 'hourly', priceCents: 15000 }));
    expect(conseil.body).toMatchObject({ vatRateBp: 2000, unitLabel: 'heure' });
  });

  it('asks the unit of a unit price', async () => {
    const { api } = await associeApi();
    const response = await api.post('/services', aServiceBody({ pricingMode: 'unit' }));
    expect(expectInvalidField(response, 'body.unitLabel')).toMatch(/Unité obligatoire/);
    const payslip = await api.post('/services', aServiceBody({ pricingMode: 'unit', unitLabel: 'bulletin' }));
    expect(payslip.status).toBe(201);
  });

  it.each(['collaborateur', 'lecture'] as const)('refuses a %s with 403', async (role) => {
    const firm = await aFirmWithUsers(ctx);
    expectProblem(
      await apiAs(ctx, firm.users[role].headers).post('/services', aServiceBody()),
      403,
      'AUTH.FORBIDDEN',
    );
  });

  it('refuses a code already in the catalogue, archived services included, with 409', async () => {
    const { api } = await associeApi();
    const first = await api.post('/services', aServiceBody({ code: 'PAIE' }));
    await api.post(`/services/${first.body.id}/archive`);
    expectProblem(await api.post('/services', aServiceBody({ code: 'paie' })), 409, 'SERVICE.CODE_TAKEN');
  });

  it('lets only one of two concurrent requests take a code', async () => {
    const { api } = await associeApi();
    const responses = await Promise.all([
      api.post('/services', aServiceBody({ code: 'TVA-CA3' })),
      api.post('/services', aServiceBody({ code: 'TVA-CA3' })),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('accepts a code used by another firm', async () => {
    const a = await associeApi();
    const b = await associeApi();
    expect((await a.api.post('/services', aServiceBody({ code: 'COMMUN' }))).status).toBe(201);
    expect((await b.api.post('/services', aServiceBody({ code: 'COMMUN' }))).status).toBe(201);
  });

  it.each([
    ['domain', { domain: 'informatique' }, /comptable, fiscal, social, juridique, conseil, autre/],
    ['recurrence', { recurrence: 'weekly' }, /monthly, quarterly, yearly, one_off/],
    ['pricingMode', { pricingMode: 'free' }, /fixed, unit, hourly, at_cost/],
    ['priceCents', { priceCents: 12.5 }, /centimes entiers/],
    ['priceCents', { priceCents: -1 }, /négatif/],
    ['vatRateBp', { vatRateBp: 20.5 }, /points de base/],
    ['code', { code: 'code avec espaces' }, /Code invalide/],
    [
      'taskSplit.0.who',
      { taskSplit: [{ task: 'Saisie', who: 'nobody', frequency: 'mensuelle' }] },
      /firm, client/,
    ],
  ])('refuses an invalid %s with 400 and a French message', async (field, override, message) => {
    const { api } = await associeApi();
    expect(expectInvalidField(await api.post('/services', aServiceBody(override)), `body.${field}`)).toMatch(
      message,
    );
  });
});

describe('GET /services', () => {
  it('lists the active services to any user; archived ones on demand', async () => {
    const { firm, api } = await associeApi();
    const kept = await api.post('/services', aServiceBody());
    const archived = await api.post('/services', aServiceBody());
    await api.post(`/services/${archived.body.id}/archive`);
    const reader = apiAs(ctx, firm.users.lecture.headers);
    const active = await reader.get('/services');
    expect(active.status).toBe(200);
    expect(active.body.items.map((s: { id: string }) => s.id)).toEqual([kept.body.id]);
    const all = await reader.get('/services?includeArchived=true');
    expect(all.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [kept.body.id, archived.body.id].sort(),
    );
    // A list takes page and pageSize like every other (it used to refuse them).
    const second = await reader.get('/services?includeArchived=true&pageSize=1&page=2');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(second.body.items).toHaveLength(1);
  });

  it('refuses an includeArchived that is not true or false with 400', async () => {
    const { api } = await associeApi();
    expectInvalidField(await api.get('/services?includeArchived=oui'), 'querystring.includeArchived');
  });

  it('answers 404 for another firm’s service', async () => {
    const { api } = await associeApi();
    const other = await associeApi();
    const foreign = await other.api.post('/services', aServiceBody());
    expectProblem(await api.get(`/services/${foreign.body.id}`), 404, 'RESOURCE.NOT_FOUND');
  });
});

describe('PATCH /services/:id', () => {
  it('lets an associé change a service; a new price keeps the old one in history', async () => {
    const { api } = await associeApi();
    const created = await api.post('/services', aServiceBody({ priceCents: 15000 }));
    const url = `/services/${created.body.id}`;
    ctx.clock.set('2026-12-01T10:00:00Z');
    const response = await api.patch(url, { version: 1, label: 'Tenue mensuelle', priceCents: 18000 });
    expect(response.body).toMatchObject({ label: 'Tenue mensuelle', priceCents: 18000, version: 2 });
    expect((await api.get(url)).body.priceHistory).toEqual([
      expect.objectContaining({ priceCents: 18000, validFrom: '2026-12-01T10:00:00.000Z' }),
      expect.objectContaining({
        priceCents: 15000,
        validFrom: '2026-11-29T09:00:00.000Z',
        reason: 'Création',
      }),
    ]);
  });

  it('asks the unit when the pricing mode becomes a unit price', async () => {
    const { api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    const url = `/services/${created.body.id}`;
    expectInvalidField(await api.patch(url, { version: 1, pricingMode: 'unit' }), 'body.unitLabel');
    const hourly = await api.patch(url, { version: 1, pricingMode: 'hourly' });
    expect(hourly.body).toMatchObject({ pricingMode: 'hourly', unitLabel: 'heure' });
  });

  it('refuses a code taken by another service with 409', async () => {
    const { api } = await associeApi();
    await api.post('/services', aServiceBody({ code: 'BILAN' }));
    const other = await api.post('/services', aServiceBody());
    expectProblem(
      await api.patch(`/services/${other.body.id}`, { version: 1, code: 'BILAN' }),
      409,
      'SERVICE.CODE_TAKEN',
    );
  });

  it.each(['collaborateur', 'lecture'] as const)('refuses a %s with 403', async (role) => {
    const { firm, api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    const response = await apiAs(ctx, firm.users[role].headers).patch(`/services/${created.body.id}`, {
      version: 1,
      label: 'Autre',
    });
    expectProblem(response, 403, 'AUTH.FORBIDDEN');
  });

  it('refuses a stale version with 409', async () => {
    const { api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    const url = `/services/${created.body.id}`;
    await api.patch(url, { version: 1, label: 'Premier' });
    expectProblem(await api.patch(url, { version: 1, label: 'Second' }), 409, 'EDIT.STALE_VERSION');
  });

  it('answers 404 for another firm’s service', async () => {
    const { api } = await associeApi();
    const other = await associeApi();
    const foreign = await other.api.post('/services', aServiceBody());
    expectProblem(
      await api.patch(`/services/${foreign.body.id}`, { version: 1, label: 'Intrus' }),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expect((await other.api.get(`/services/${foreign.body.id}`)).body.label).not.toBe('Intrus');
  });

  it('refuses an empty label or a missing version with 400', async () => {
    const { api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    const url = `/services/${created.body.id}`;
    expectInvalidField(await api.patch(url, { version: 1, label: '' }), 'body.label');
    expectInvalidField(await api.patch(url, { label: 'Sans version' }), 'body.version');
  });
});

describe('POST /services/:id/archive and /unarchive', () => {
  it('archives a service (never deletes it) and restores it', async () => {
    const { api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    const archived = await api.post(`/services/${created.body.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archivedAt: '2026-11-29T09:00:00.000Z', version: 2 });
    expect((await api.get(`/services/${created.body.id}`)).status).toBe(200);
    const again = await api.post(`/services/${created.body.id}/archive`);
    expect(again.body.version).toBe(2);
    const restored = await api.post(`/services/${created.body.id}/unarchive`, { version: 2 });
    expect(restored.body).toMatchObject({ archivedAt: null, version: 3 });
  });

  it('refuses a stale version with 409', async () => {
    const { api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    await api.patch(`/services/${created.body.id}`, { version: 1, label: 'Modifiée' });
    expectProblem(
      await api.post(`/services/${created.body.id}/archive`, { version: 1 }),
      409,
      'EDIT.STALE_VERSION',
    );
  });

  it.each(['collaborateur', 'lecture'] as const)('refuses a %s with 403', async (role) => {
    const { firm, api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    const other = apiAs(ctx, firm.users[role].headers);
    expectProblem(await other.post(`/services/${created.body.id}/archive`), 403, 'AUTH.FORBIDDEN');
    expectProblem(await other.post(`/services/${created.body.id}/unarchive`), 403, 'AUTH.FORBIDDEN');
  });

  it('answers 404 for another firm’s service', async () => {
    const { api } = await associeApi();
    const other = await associeApi();
    const foreign = await other.api.post('/services', aServiceBody());
    expectProblem(await api.post(`/services/${foreign.body.id}/archive`), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await api.post(`/services/${foreign.body.id}/unarchive`), 404, 'RESOURCE.NOT_FOUND');
  });

  it('refuses an unknown field with 400', async () => {
    const { api } = await associeApi();
    const created = await api.post('/services', aServiceBody());
    const response = await api.post(`/services/${created.body.id}/archive`, { reason: 'obsolète' });
    expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
  });
});
