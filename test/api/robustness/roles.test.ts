import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../builders/through-api.ts';
import { apiAs } from '../../support/api-client.ts';
import { createTestContext, loginHeaders, type TestContext } from '../../support/test-app.ts';
import { databaseKind } from '../../support/test-database.ts';
import { type AllFirmData, aFirmWithAllData } from './firm-data.ts';
import {
  documentedRoutes,
  isPublic,
  isWrite,
  type Route,
  routeKey,
  sendRoute,
  snapshotOf,
  validRequests,
} from './routes.ts';

/** Signing in and out, and « Mot de passe oublié ? », are the writes of the firm's API that need no session. */
const OPEN_ROUTES = [
  'POST /auth/login',
  'POST /auth/logout',
  'POST /auth/password-reset',
  'POST /auth/password-reset/confirm',
  'GET /auth/session',
];
/**
 * The signer's side of e-signature, the verification of a PDF and the installation's setup need no session either: they sit
 * outside the auth hooks (signing.routes.ts, under /api/v1/public), a personal link stands for the
 * signer. They are exempt from the session and role checks below, and checked on their own.
 */
const PUBLIC_ROUTES = [
  'GET /public/signing/{token}',
  'GET /public/signing/{token}/pdf',
  'GET /public/signing/{token}/signed-copy',
  'POST /public/signing/{token}/code',
  'POST /public/signing/{token}/code/verify',
  'POST /public/signing/{token}/sign',
  'POST /public/signing/{token}/refuse',
  'POST /public/verification',
  // « Créer votre cabinet »: the setup link of an empty installation stands for its holder.
  'POST /public/installation',
];
const isOpen = (route: Route) => OPEN_ROUTES.includes(routeKey(route)) || isPublic(route);
/** Writes to one's own account, which lecture may make too (test/api/password.test.ts). */
const OWN_ACCOUNT_ROUTES = ['POST /auth/password', 'POST /notifications/read'];

/**
 * Roles: lecture reads and writes nothing; nobody unauthenticated gets anything but 401; API tokens
 * act as the associé who made them until revoked; logging out ends the session.
 */
describe(`roles and authentication through the API (${databaseKind})`, () => {
  let ctx: TestContext;
  let data: AllFirmData;
  let routes: Route[];

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-03-02T09:00:00Z' });
    data = await aFirmWithAllData(ctx, 'Cabinet Lefèvre');
    routes = await documentedRoutes(ctx);
  });
  afterAll(() => ctx.close());

  const users = () => data.firm.users;
  const writeRoutes = () =>
    routes.filter((r) => isWrite(r) && !isOpen(r) && !OWN_ACCOUNT_ROUTES.includes(routeKey(r)));
  const snapshot = () => snapshotOf(ctx, routes, validRequests(data), users().associe.headers);

  it('lecture can read every GET route', async () => {
    const requests = validRequests(data);
    const refused: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const res = await sendRoute(ctx, route, requests[routeKey(route)] ?? {}, users().lecture.headers);
      if (res.status !== 200) refused.push(`${routeKey(route)} → ${res.status} ${res.body?.code ?? ''}`);
    }
    // Managing API tokens and webhooks is the associé's: reading them is refused to everyone else
    // (manage-webhooks.ts); the catalogue of webhook events is anyone's.
    expect(refused).toEqual([
      'GET /api-tokens → 403 AUTH.FORBIDDEN',
      'GET /webhooks → 403 AUTH.FORBIDDEN',
      'GET /webhooks/{id}/deliveries → 403 AUTH.FORBIDDEN',
      'GET /webhook-deliveries → 403 AUTH.FORBIDDEN',
      // R-F6: an LCB-FT file is read by the associés and the engagement's responsible user only.
      'GET /engagements/{id}/vigilance → 403 AUTH.FORBIDDEN',
      'GET /vigilance/evidence/{id}/file → 403 AUTH.FORBIDDEN',
      // R-F5, R-F7: the register's state and the purge list are the associés'.
      'GET /vigilance/register → 403 AUTH.FORBIDDEN',
      'GET /vigilance/purge → 403 AUTH.FORBIDDEN',
      'GET /vigilance/matches → 403 AUTH.FORBIDDEN',
      // The firm's link is still open: it has no signed copy yet (e-signature-trail.test.ts gets one).
      'GET /public/signing/{token}/signed-copy → 409 SIGNING.COPY_NOT_READY',
    ]);
  });

  it('lecture gets AUTH.FORBIDDEN on every write route, and nothing changes', async () => {
    const requests = validRequests(data);
    const before = await snapshot();
    const answers: string[] = [];
    for (const route of writeRoutes()) {
      const res = await sendRoute(ctx, route, requests[routeKey(route)] ?? {}, users().lecture.headers);
      if (res.status !== 403 || res.body?.code !== 'AUTH.FORBIDDEN') {
        answers.push(`${routeKey(route)} → ${res.status} ${res.body?.code ?? ''}`);
      }
    }
    expect(answers).toEqual([]);
    expect(writeRoutes().length).toBeGreaterThanOrEqual(15);
    expect(await snapshot()).toEqual(before);
  });

  it('lecture is refused with an Idempotency-Key too, and the key stays free', async () => {
    const body = { company: { name: 'Madame Durand', isIndividual: true } };
    const lecture = apiAs(ctx, users().lecture.headers);
    const key = { 'idempotency-key': 'lecture-essai-1' };
    expectProblem(await lecture.post('/engagements', body, key), 403, 'AUTH.FORBIDDEN');
    expectProblem(await lecture.post('/engagements', body, key), 403, 'AUTH.FORBIDDEN');
  });

  it('a collaborateur cannot manage API tokens (associé only)', async () => {
    const collab = apiAs(ctx, users().collaborateur.headers);
    expectProblem(await collab.post('/api-tokens', { name: 'Essai' }), 403, 'AUTH.FORBIDDEN');
    expectProblem(await collab.delete(`/api-tokens/${data.token.id}`), 403, 'AUTH.FORBIDDEN');
  });

  it('a collaborateur cannot see or manage webhooks (associé only), and nothing changes', async () => {
    const requests = validRequests(data);
    const before = await snapshot();
    const answers: string[] = [];
    const webhookRoutes = routes.filter(
      (r) => /^\/webhook/.test(r.path) && routeKey(r) !== 'GET /webhook-event-types',
    );
    for (const route of webhookRoutes) {
      const res = await sendRoute(ctx, route, requests[routeKey(route)] ?? {}, users().collaborateur.headers);
      if (res.status !== 403 || res.body?.code !== 'AUTH.FORBIDDEN') {
        answers.push(`${routeKey(route)} → ${res.status} ${res.body?.code ?? ''}`);
      }
    }
    expect(answers).toEqual([]);
    expect(webhookRoutes).toHaveLength(7);
    expect(await snapshot()).toEqual(before);
  });

  it('without a session every route but login, logout and the public ones answers AUTH.UNAUTHENTICATED', async () => {
    const requests = validRequests(data);
    const before = await snapshot();
    const answers: string[] = [];
    const callers: Record<string, string>[] = [
      {},
      { cookie: 'lettrine_session=inconnu' },
      { authorization: 'Bearer lt_inconnu' },
    ];
    for (const headers of callers) {
      for (const route of routes.filter((r) => !isOpen(r))) {
        const res = await sendRoute(ctx, route, requests[routeKey(route)] ?? {}, headers);
        if (res.status !== 401 || res.body?.code !== 'AUTH.UNAUTHENTICATED') {
          answers.push(
            `${JSON.stringify(headers)} ${routeKey(route)} → ${res.status} ${res.body?.code ?? ''}`,
          );
        }
      }
    }
    expect(answers).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('the public routes are exactly the signer’s, verification’s and installation’s, and answer without any session', async () => {
    expect(routes.filter(isPublic).map(routeKey)).toEqual(PUBLIC_ROUTES);
    const requests = validRequests(data);
    const randomToken = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
    const answers: string[] = [];
    const callers: Record<string, string>[] = [
      {},
      { cookie: 'lettrine_session=inconnu' },
      { authorization: 'Bearer lt_inconnu' },
      users().lecture.headers,
    ];
    for (const headers of callers) {
      for (const route of routes.filter(isPublic)) {
        const request = requests[routeKey(route)] ?? {};
        // An unknown link, whoever asks: the link's own refusal, never a 401 or 403.
        const params: Record<string, string> = route.path.includes('{token}') ? { token: randomToken() } : {};
        const res = await sendRoute(ctx, route, request, headers, params);
        answers.push(`${routeKey(route)} → ${res.status} ${res.body?.code ?? ''}`.trim());
      }
    }
    const expected = [
      'GET /public/signing/{token} → 404 SIGNING.LINK_INVALID',
      'GET /public/signing/{token}/pdf → 404 SIGNING.LINK_INVALID',
      'GET /public/signing/{token}/signed-copy → 404 SIGNING.LINK_INVALID',
      'POST /public/signing/{token}/code → 404 SIGNING.LINK_INVALID',
      'POST /public/signing/{token}/code/verify → 404 SIGNING.LINK_INVALID',
      'POST /public/signing/{token}/sign → 404 SIGNING.LINK_INVALID',
      'POST /public/signing/{token}/refuse → 404 SIGNING.LINK_INVALID',
      // Anyone may check a PDF of Lettrine: the firm's sealed copy is found without a session.
      'POST /public/verification → 200',
      // A token no start printed creates no firm, whoever sends it.
      'POST /public/installation → 404 SETUP.LINK_INVALID',
    ];
    expect(answers).toEqual([...expected, ...expected, ...expected, ...expected]);
    // And the firm's real link opens without a session.
    const view = await sendRoute(
      ctx,
      routes.find((r) => routeKey(r) === PUBLIC_ROUTES[0]) as Route,
      requests[PUBLIC_ROUTES[0] as string] ?? {},
      {},
    );
    expect(view.status, JSON.stringify(view.body)).toBe(200);
  });

  it('an expired session answers AUTH.UNAUTHENTICATED', async () => {
    const headers = await loginHeaders(ctx, users().collaborateur.email);
    ctx.clock.advanceDays(15);
    try {
      expectProblem(await apiAs(ctx, headers).get('/auth/me'), 401, 'AUTH.UNAUTHENTICATED');
    } finally {
      ctx.clock.advanceDays(-15);
    }
    expect((await apiAs(ctx, headers).get('/auth/me')).status).toBe(200);
  });

  it('a wrong password and an unknown e-mail get the same AUTH.INVALID_CREDENTIALS', async () => {
    const anonymous = apiAs(ctx);
    const wrong = await anonymous.post('/auth/login', { email: users().associe.email, password: 'mauvais' });
    const unknown = await anonymous.post('/auth/login', {
      email: 'personne@nulle.part',
      password: 'mauvais',
    });
    expectProblem(wrong, 401, 'AUTH.INVALID_CREDENTIALS');
    expect({ ...unknown.body, instance: null }).toEqual({ ...wrong.body, instance: null });
  });

  describe('API tokens', () => {
    it('a token made by an associé works as Bearer and acts as that associé', async () => {
      const created = await apiAs(ctx, users().associe.headers).post('/api-tokens', {
        name: 'Logiciel de paie',
      });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^lt_/);
      const bearer = apiAs(ctx, { authorization: `Bearer ${created.body.token}` });
      const me = await bearer.get('/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: users().associe.id,
        role: 'associe',
        firmId: data.firm.firmId,
      });
      const company = await bearer.post('/companies', { name: 'Monsieur Blanc', isIndividual: true });
      expect(company.status).toBe(201);
      const listed = (await apiAs(ctx, users().associe.headers).get('/api-tokens')).body.items;
      expect(JSON.stringify(listed)).not.toContain(created.body.token);
      expect(listed.map((t: { id: string }) => t.id)).toContain(created.body.id);
    });

    it('a revoked token gets AUTH.UNAUTHENTICATED, and revoking it twice is RESOURCE.NOT_FOUND', async () => {
      const associe = apiAs(ctx, users().associe.headers);
      const created = (await associe.post('/api-tokens', { name: 'Éphémère' })).body;
      const bearer = apiAs(ctx, { authorization: `Bearer ${created.token}` });
      expect((await bearer.get('/engagements')).status).toBe(200);
      expect((await associe.delete(`/api-tokens/${created.id}`)).status).toBe(204);
      expectProblem(await bearer.get('/engagements'), 401, 'AUTH.UNAUTHENTICATED');
      expectProblem(
        await bearer.post('/companies', { name: 'Madame Noir', isIndividual: true }),
        401,
        'AUTH.UNAUTHENTICATED',
      );
      expectProblem(await associe.delete(`/api-tokens/${created.id}`), 404, 'RESOURCE.NOT_FOUND');
      const listed = (await associe.get('/api-tokens')).body.items.map((t: { id: string }) => t.id);
      expect(listed).not.toContain(created.id);
    });

    it('a token of an associé who is made lecture loses the right to write', async () => {
      const associe = apiAs(ctx, users().associe.headers);
      const user = await associe.post('/users', {
        email: 'futur-lecteur@cabinet.test',
        name: 'Futur lecteur',
        role: 'associe',
        password: 'secret-pass',
      });
      expect(user.status).toBe(201);
      const own = apiAs(ctx, await loginHeaders(ctx, 'futur-lecteur@cabinet.test'));
      const token = (await own.post('/api-tokens', { name: 'Script' })).body.token as string;
      const demoted = await associe.patch(`/users/${user.body.id}`, {
        version: user.body.version,
        role: 'lecture',
      });
      expect(demoted.status).toBe(200);
      const bearer = apiAs(ctx, { authorization: `Bearer ${token}` });
      expect((await bearer.get('/engagements')).status).toBe(200);
      expectProblem(
        await bearer.post('/companies', { name: 'Monsieur Vert', isIndividual: true }),
        403,
        'AUTH.FORBIDDEN',
      );
    });
  });

  describe('sessions', () => {
    it('logout ends this session only: the cookie is refused afterwards, another session lives on', async () => {
      const first = await loginHeaders(ctx, users().collaborateur.email);
      const second = await loginHeaders(ctx, users().collaborateur.email);
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: first });
      expect(res.statusCode).toBe(204);
      expect(res.cookies.find((c) => c.name === 'lettrine_session')?.value).toBe('');
      expectProblem(await apiAs(ctx, first).get('/auth/me'), 401, 'AUTH.UNAUTHENTICATED');
      expectProblem(
        await apiAs(ctx, first).post('/companies', { name: 'Madame Rose', isIndividual: true }),
        401,
        'AUTH.UNAUTHENTICATED',
      );
      expect((await apiAs(ctx, second).get('/auth/me')).status).toBe(200);
    });

    it('logout without a session is harmless', async () => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
      expect(res.statusCode).toBe(204);
    });

    it('a deactivated user’s session and tokens stop working', async () => {
      const associe = apiAs(ctx, users().associe.headers);
      const user = (
        await associe.post('/users', {
          email: 'bientot-parti@cabinet.test',
          name: 'Bientôt parti',
          role: 'associe',
          password: 'secret-pass',
        })
      ).body;
      const session = await loginHeaders(ctx, 'bientot-parti@cabinet.test');
      const token = (await apiAs(ctx, session).post('/api-tokens', { name: 'Script' })).body.token as string;
      const off = await associe.patch(`/users/${user.id}`, { version: user.version, isActive: false });
      expect(off.status).toBe(200);
      expectProblem(await apiAs(ctx, session).get('/auth/me'), 401, 'AUTH.UNAUTHENTICATED');
      expectProblem(
        await apiAs(ctx, { authorization: `Bearer ${token}` }).get('/auth/me'),
        401,
        'AUTH.UNAUTHENTICATED',
      );
    });
  });
});
