import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/application/app-error.ts';
import { apiAs } from '../../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../../support/test-app.ts';
import { aTermsBody, expectInvalidField, expectProblem } from './builders.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
afterEach(() => ctx.clock.set('2026-11-29T09:00:00Z'));

const associeApi = async () => {
  const firm = await aFirmWithUsers(ctx);
  return { firm, api: apiAs(ctx, firm.users.associe.headers) };
};

describe('POST /terms', () => {
  it('R-D6 numbers the versions on the server: 1, 2, 3', async () => {
    const { api } = await associeApi();
    const versions = [];
    for (const effectiveFrom of ['2025-01-01', '2026-01-01', '2027-01-01']) {
      const response = await api.post('/terms', aTermsBody({ effectiveFrom }));
      expect(response.status).toBe(201);
      versions.push(response.body.version);
    }
    expect(versions).toEqual([1, 2, 3]);
  });

  it('R-D6 keeps the long text as written', async () => {
    const { api } = await associeApi();
    const body = `Article 1 — Objet\n\n${'Le cabinet s’engage à… '.repeat(5000)}`;
    const created = await api.post('/terms', aTermsBody({ body }));
    expect((await api.get(`/terms/${created.body.id}`)).body.body).toBe(body.trim());
  });

  it('R-D6 numbers each firm on its own', async () => {
    const a = await associeApi();
    const b = await associeApi();
    await a.api.post('/terms', aTermsBody());
    expect((await b.api.post('/terms', aTermsBody())).body.version).toBe(1);
  });

  it('R-D6 refuses a version that would take effect before the previous one', async () => {
    const { api } = await associeApi();
    await api.post('/terms', aTermsBody({ effectiveFrom: '2026-06-01' }));
    expectProblem(
      await api.post('/terms', aTermsBody({ effectiveFrom: '2026-05-31' })),
      422,
      'TERMS.EFFECTIVE_DATE_BEFORE_PREVIOUS',
    );
    expect((await api.post('/terms', aTermsBody({ effectiveFrom: '2026-06-01' }))).status).toBe(201);
  });

  it('R-D6 lets one of two concurrent publications take a number, the other gets 409 or the next number', async () => {
    const { api } = await associeApi();
    const responses = await Promise.all([api.post('/terms', aTermsBody()), api.post('/terms', aTermsBody())]);
    const created = responses.filter((r) => r.status === 201).map((r) => r.body.version);
    for (const refused of responses.filter((r) => r.status !== 201)) {
      expectProblem(refused, 409, 'TERMS.VERSION_TAKEN');
    }
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created).size).toBe(created.length);
  });

  it('R-D6 refuses a duplicate version number at the unique key with TERMS.VERSION_TAKEN', async () => {
    const { firm, api } = await associeApi();
    const first = (await api.post('/terms', aTermsBody())).body;
    const duplicate = ctx.deps.store.transaction(firm.firmId, (scope) =>
      scope.terms.insert({ ...first, id: ctx.deps.ids.uuid(), createdAt: new Date(first.createdAt) }),
    );
    await expect(duplicate).rejects.toEqual(new AppError('TERMS.VERSION_TAKEN'));
    expect((await api.get('/terms')).body).toMatchObject({ items: [expect.anything()], total: 1 });
  });

  it.each(['collaborateur', 'lecture'] as const)('R-D6 refuses a %s with 403', async (role) => {
    const firm = await aFirmWithUsers(ctx);
    expectProblem(
      await apiAs(ctx, firm.users[role].headers).post('/terms', aTermsBody()),
      403,
      'AUTH.FORBIDDEN',
    );
  });

  it.each([
    ['effectiveFrom', { effectiveFrom: '2026-02-30' }, /Date invalide/],
    ['effectiveFrom', { effectiveFrom: undefined }, /Date attendue/],
    ['title', { title: '' }, /obligatoire/],
    ['body', { body: '   ' }, /obligatoire/],
  ])('R-D6 refuses an invalid %s with 400 and a French message', async (field, override, message) => {
    const { api } = await associeApi();
    expect(expectInvalidField(await api.post('/terms', aTermsBody(override)), `body.${field}`)).toMatch(
      message,
    );
  });

  it('R-D6 never lets the client choose the version number', async () => {
    const { api } = await associeApi();
    const response = await api.post('/terms', aTermsBody({ version: 7 }));
    expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
    expect(JSON.stringify(response.body.details)).toContain('Champ inconnu\u00a0: version.');
  });
});

describe('GET /terms, /terms/current, /terms/:id', () => {
  it('R-D6 lists newest first, without the long text, marking the version in force today', async () => {
    const { firm, api } = await associeApi();
    await api.post('/terms', aTermsBody({ effectiveFrom: '2025-01-01' }));
    await api.post('/terms', aTermsBody({ effectiveFrom: '2026-01-01' }));
    await api.post('/terms', aTermsBody({ effectiveFrom: '2027-01-01' }));
    const response = await apiAs(ctx, firm.users.lecture.headers).get('/terms');
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((t: { version: number; isCurrent: boolean }) => [t.version, t.isCurrent]),
    ).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
    expect(response.body.items[0]).not.toHaveProperty('body');
  });

  it('R-D6 answers the version in force on the Paris date, to any user', async () => {
    const { firm, api } = await associeApi();
    await api.post('/terms', aTermsBody({ effectiveFrom: '2026-01-01', title: 'CG 2026' }));
    await api.post('/terms', aTermsBody({ effectiveFrom: '2026-12-01', title: 'CG décembre' }));
    const reader = apiAs(ctx, firm.users.collaborateur.headers);
    ctx.clock.set('2026-11-30T22:59:59Z');
    expect((await reader.get('/terms/current')).body).toMatchObject({ version: 1, title: 'CG 2026' });
    // 23:00 UTC on 30 November is already 1 December in Paris.
    ctx.clock.set('2026-11-30T23:00:00Z');
    const current = await reader.get('/terms/current');
    expect(current.body).toMatchObject({ version: 2, title: 'CG décembre', effectiveFrom: '2026-12-01' });
    expect(current.body.body).toContain('Article 1');
  });

  it('R-D6 answers TERMS.NONE_CURRENT when no version is in force yet', async () => {
    const { api } = await associeApi();
    expectProblem(await api.get('/terms/current'), 422, 'TERMS.NONE_CURRENT');
    await api.post('/terms', aTermsBody({ effectiveFrom: '2027-01-01' }));
    expectProblem(await api.get('/terms/current'), 422, 'TERMS.NONE_CURRENT');
  });

  it('R-D6 reads one version; another firm’s id answers 404', async () => {
    const { api } = await associeApi();
    const other = await associeApi();
    const mine = await api.post('/terms', aTermsBody({ title: 'CG du cabinet' }));
    const foreign = await other.api.post('/terms', aTermsBody());
    expect((await api.get(`/terms/${mine.body.id}`)).body).toMatchObject({
      title: 'CG du cabinet',
      version: 1,
    });
    expectProblem(await api.get(`/terms/${foreign.body.id}`), 404, 'RESOURCE.NOT_FOUND');
    expectInvalidField(await api.get('/terms/12'), 'params.id');
  });
});
