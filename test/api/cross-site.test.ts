import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService } from '../builders/catalogue.ts';
import { aDraft, aProspect } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 20, item 8: another site's page made the signed-in browser act (a `text/plain` POST needs no
 * preflight, and the routes without a body read none). A write carried by the session cookie is
 * refused when the browser says it comes from another site.
 */
describe(`cross-site writes with the session cookie (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let draftId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const service = await aService(ctx, firm.firmId, firm.users.associe.id);
    draftId = (await aDraft(collab, (await aProspect(collab)).id, service.id)).id;
  });
  afterAll(() => ctx.close());

  const documents = async () =>
    (await apiAs(ctx, firm.users.collaborateur.headers).get(`/documents?pageSize=100`)).body.total as number;

  const duplicateFrom = (headers: Record<string, string>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${draftId}/duplicate`,
      headers: { ...firm.users.collaborateur.headers, 'content-type': 'text/plain', ...headers },
    });

  it('refuses a bodiless POST from another site’s page (Origin), and does nothing', async () => {
    const before = await documents();
    const res = await duplicateFrom({ origin: 'https://attaquant.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'AUTH.CROSS_SITE_REQUEST' });
    expect(await documents()).toBe(before);
  });

  it('refuses what the browser marks cross-site or same-site (Sec-Fetch-Site), and an unreadable Origin', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
    ] as Record<string, string>[]) {
      expect((await duplicateFrom(headers)).statusCode, JSON.stringify(headers)).toBe(403);
    }
  });

  it('refuses a login posted from another site, so it cannot sign a browser in to its own account', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://attaquant.example', 'content-type': 'application/json' },
      payload: { email: firm.users.associe.email, password: 'secret-pass' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH.CROSS_SITE_REQUEST');
  });

  it('lets the app’s own pages write (same Origin, same-origin fetch), and reads from anywhere', async () => {
    const sameOrigin = await duplicateFrom({
      origin: 'http://localhost:80',
      host: 'localhost:80',
      'sec-fetch-site': 'same-origin',
    });
    expect(sameOrigin.statusCode, sameOrigin.body).toBe(201);
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${draftId}`,
      headers: { ...firm.users.collaborateur.headers, origin: 'https://attaquant.example' },
    });
    expect(read.statusCode).toBe(200);
  });

  it('lets an API token write from anywhere: a browser never adds it by itself', async () => {
    const token = (await apiAs(ctx, firm.users.associe.headers).post('/api-tokens', { name: 'Script' })).body
      .token as string;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/documents/${draftId}/duplicate`,
      headers: { authorization: `Bearer ${token}`, origin: 'https://ailleurs.example' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
