import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/http/create-app.ts';
import { SWAGGER_LOGO_STYLE } from '../../src/http/security-headers.ts';
import { hasWebBuild } from '../../src/http/web-app.ts';
import { aDraft, aProspect } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { aSentProposalInOutbox } from '../support/outbox-signing.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

type Headers = Record<string, unknown>;

const SWAGGER_PRESET = createRequire(import.meta.url).resolve(
  '@fastify/swagger-ui/static/swagger-ui-standalone-preset.js',
);

/** The CSP's directives, by name. */
const cspOf = (headers: Headers): Map<string, string[]> =>
  new Map(
    String(headers['content-security-policy'] ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  );

/** What every answer carries, whatever it is. */
const expectBaseHeaders = (headers: Headers) => {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['content-security-policy']).toBeTruthy();
  expect(headers['x-powered-by']).toBeUndefined();
  // HSTS only in production: on a development server over HTTP it would pin the browser to HTTPS.
  expect(headers['strict-transport-security']).toBeUndefined();
};

/** Inline scripts a page carries: a strict script-src would block them. */
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;

/**
 * Issue 20, item 17 (and 18's caching): security headers on every answer, a Content-Security-Policy
 * per kind of page, no-store on the firm's and the signers' data.
 */
describe(`security headers (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let production: App;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
    production = await createApp(ctx.deps, { production: true, apiDocsPublic: true });
  });
  afterAll(async () => {
    await production.close();
    await ctx.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url, headers });

  it.runIf(hasWebBuild())(
    'the web app: scripts from the server only, styles inline for Mantine, framed by nobody',
    async () => {
      const page = await get('/login');
      expect(page.headers['content-type']).toContain('text/html');
      expectBaseHeaders(page.headers);
      const csp = cspOf(page.headers);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['cache-control']).toBe('no-cache');
      // The policy allows no inline script: the built page must have none.
      expect(inlineScripts(page.body)).toBe(0);
      // The assets carry the headers too.
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] ?? '';
      const asset = await get(script);
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it.runIf(hasWebBuild())(
    'the signing page: the app, no referrer (its token is in the address), never stored, may frame its PDF',
    async () => {
      const page = await get('/signer/Zm9vYmFyYmF6cXV4cXV1eA-abcdefgh');
      expectBaseHeaders(page.headers);
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['cache-control']).toBe('no-store');
      const csp = cspOf(page.headers);
      expect(csp.get('frame-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    },
  );

  it('the home page without a web build has the app policy as well', async () => {
    const page = await get('/');
    expect(page.headers['content-type']).toContain('text/html');
    expectBaseHeaders(page.headers);
    expect(cspOf(page.headers).get('script-src')).toEqual(["'self'"]);
  });

  it('JSON: loads nothing, framed by nobody, never stored; problems too', async () => {
    const me = await get('/api/v1/auth/me', firm.users.lecture.headers);
    expect(me.statusCode).toBe(200);
    expectBaseHeaders(me.headers);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(cspOf(me.headers).get('default-src')).toEqual(["'none'"]);
    expect(cspOf(me.headers).get('frame-ancestors')).toEqual(["'none'"]);
    const anonymous = await get('/api/v1/engagements');
    expect(anonymous.statusCode).toBe(401);
    expectBaseHeaders(anonymous.headers);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const openapi = await get('/openapi.json');
    expect(cspOf(openapi.headers).get('default-src')).toEqual(["'none'"]);
  });

  it('PDF: no default-src (the browser viewer would go blank), framed by our own pages only, never stored', async () => {
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const sent = await aSentProposalInOutbox(ctx, firm);
    const prospect = await aProspect(collab);
    const draft = await aDraft(collab, prospect.id, sent.serviceId);
    const preview = await collab.download(`/documents/${draft.id}/pdf`);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toContain('application/pdf');
    expectBaseHeaders(preview.headers);
    expect(cspOf(preview.headers)).toEqual(new Map([['frame-ancestors', ["'self'"]]]));
    expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(preview.headers['cache-control']).toBe('no-store');
    // The signer's copy, public by its link: the same.
    const signerPdf = await get(`/api/v1/public/signing/${sent.token}/pdf`);
    expect(signerPdf.statusCode).toBe(200);
    expect(cspOf(signerPdf.headers).get('frame-ancestors')).toEqual(["'self'"]);
    expect(signerPdf.headers['cache-control']).toBe('no-store');
    const frozen = await collab.download(`/documents/${sent.documentId}/pdf`);
    expect(frozen.headers['cache-control']).toBe('no-store');
  });

  it('/docs: swagger-ui under its own policy, no inline script, one inline style (its logo’s)', async () => {
    const page = await get('/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expectBaseHeaders(page.headers);
    const csp = cspOf(page.headers);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    // One inline style, by its hash: the <style> of swagger-ui's logo, still in the installed bundle.
    const logoHash = `'sha256-${createHash('sha256').update(SWAGGER_LOGO_STYLE).digest('base64')}'`;
    expect(csp.get('style-src')).toEqual(["'self'", logoHash]);
    expect(readFileSync(SWAGGER_PRESET, 'utf8')).toContain(SWAGGER_LOGO_STYLE);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(inlineScripts(page.body)).toBe(0);
    expect(page.body).not.toMatch(/<style|style="/);
  });

  it('in production: HSTS, and insecure requests upgraded', async () => {
    const page = await production.inject({ method: 'GET', url: '/' });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(cspOf(page.headers).has('upgrade-insecure-requests')).toBe(true);
    const json = await production.inject({ method: 'GET', url: '/openapi.json' });
    expect(json.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
