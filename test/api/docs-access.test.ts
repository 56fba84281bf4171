import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/http/create-app.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const DOCS_URLS = ['/docs', '/docs/json', '/docs/yaml', '/openapi.json'];

/**
 * Issue 20, item 18: in production the API's description (every route, every field) is for the
 * firm's users, unless the operator opens it (API_DOCS_PUBLIC=true); in development and tests it
 * stays open.
 */
describe(`who reads /docs and /openapi.json (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let closed: App;
  let opened: App;
  let apiToken: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
    closed = await createApp(ctx.deps, { production: true });
    opened = await createApp(ctx.deps, { production: true, apiDocsPublic: true });
    const created = await apiAs(ctx, firm.users.associe.headers).post('/api-tokens', { name: 'Doc' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    apiToken = created.body.token;
  });
  afterAll(async () => {
    await closed.close();
    await opened.close();
    await ctx.close();
  });

  const statusOf = async (app: App, url: string, headers: Record<string, string> = {}) =>
    (await app.inject({ method: 'GET', url, headers })).statusCode;

  it('in development and tests, anyone reads them', async () => {
    for (const url of DOCS_URLS) expect(await statusOf(ctx.app, url), url).toBe(200);
  });

  it('in production, an anonymous caller gets 401, a signed-in user or an API token reads them', async () => {
    for (const url of DOCS_URLS) {
      const anonymous = await closed.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(await statusOf(closed, url, firm.users.lecture.headers), url).toBe(200);
      expect(await statusOf(closed, url, { authorization: `Bearer ${apiToken}` }), url).toBe(200);
    }
    // swagger-ui's own scripts and styles are the same for everyone: they stay public.
    expect(await statusOf(closed, '/docs/static/swagger-ui-bundle.js')).toBe(200);
  });

  it('in production with API_DOCS_PUBLIC=true, anyone reads them', async () => {
    for (const url of DOCS_URLS) expect(await statusOf(opened, url), url).toBe(200);
  });
});
