import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDraft, aProspect } from '../../builders/through-api.ts';
import { apiAs } from '../../support/api-client.ts';
import { createTestContext, loginHeaders, type TestContext } from '../../support/test-app.ts';
import { databaseKind } from '../../support/test-database.ts';
import { type AllFirmData, aFirmWithAllData } from './firm-data.ts';
import { bodyCases, findFailures, paramCases, queryCases, rawCases, sampleCases } from './fuzz.ts';
import { documentedRoutes, type Route, routeKey, validRequests } from './routes.ts';

/**
 * Every documented route, fed garbage: no 500 anywhere, and every refusal a problem+json of the
 * catalogue. `npm test` sends a fixed-seed sample; `npm run test:slow` sends every case.
 */
describe(`fuzz: no 500 anywhere (${databaseKind}, ${process.env.LETTRINE_FUZZ === 'all' ? 'every case' : 'sample'})`, () => {
  let ctx: TestContext;
  let data: AllFirmData;
  let routes: Route[];

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    data = await aFirmWithAllData(ctx, 'Cabinet Mercier');
    routes = await documentedRoutes(ctx);
  });
  afterAll(() => ctx.close());

  const collab = () => data.collab;

  /**
   * Logging out would end the fuzzing session: that route is fuzzed with a session of its own. A
   * password change could change the associé's password: it is fuzzed by a user of its own.
   */
  let throwawayUsers = 0;
  const headersToFuzz = async (route: Route) => {
    if (routeKey(route) === 'POST /auth/logout') return loginHeaders(ctx, data.firm.users.associe.email);
    if (routeKey(route) !== 'POST /auth/password') return data.firm.users.associe.headers;
    throwawayUsers += 1;
    const email = `fuzz-${throwawayUsers}-${data.firm.firmId.slice(0, 8)}@cabinet.test`;
    const created = await apiAs(ctx, data.firm.users.associe.headers).post('/users', {
      email,
      name: `Utilisateur de passage ${throwawayUsers}`,
      role: 'collaborateur',
      password: 'secret-pass',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return loginHeaders(ctx, email);
  };
  const fuzzAll = async (cases: typeof bodyCases) => {
    const requests = validRequests(data);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const request = requests[routeKey(route)] ?? {};
      const fuzz = sampleCases(cases(route, request), `${cases.name} ${routeKey(route)}`);
      sent += fuzz.length;
      failures.push(...(await findFailures(ctx, route, fuzz, await headersToFuzz(route))));
      const me = await apiAs(ctx, data.firm.users.associe.headers).get('/auth/me');
      expect(me.status, `the fuzzing session ended after ${routeKey(route)}`).toBe(200);
    }
    return { failures, sent };
  };

  it('garbage bodies and every field of each valid body replaced by an extreme value', async () => {
    const { failures, sent } = await fuzzAll(bodyCases);
    expect(failures).toEqual([]);
    // Every case is over 1 000; the fixed-seed sample about a fifth of them.
    expect(sent).toBeGreaterThan(process.env.LETTRINE_FUZZ === 'all' ? 1_000 : 200);
  }, 300_000);

  it('garbage ids in the path', async () => {
    const { failures } = await fuzzAll(paramCases);
    expect(failures).toEqual([]);
  }, 120_000);

  it('garbage query strings', async () => {
    const { failures } = await fuzzAll(queryCases);
    expect(failures).toEqual([]);
  }, 120_000);

  it('broken JSON, other media types, absurd idempotency keys', async () => {
    const { failures } = await fuzzAll(rawCases);
    expect(failures).toEqual([]);
  }, 120_000);

  it('a prospect and its draft are still readable after all this', async () => {
    const prospect = await aProspect(collab(), 'Dernière entreprise');
    const draft = await aDraft(collab(), prospect.id, data.services.bookkeeping.id);
    expect((await collab().get(`/documents/${draft.id}`)).status).toBe(200);
  });
});
