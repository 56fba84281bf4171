import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp } from '../../src/http/web-app.ts';

/** A built app of our own, so the test does not depend on web/dist being there. */
const aBuild = () => {
  const dist = mkdtempSync(join(tmpdir(), 'lettrine-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="fr"><div id="root"></div></html>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("lettrine")');
  writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log("lettrine")'));
  return dist;
};

describe('the web app served by Fastify', () => {
  const app = Fastify();
  beforeAll(async () => {
    await app.register(webApp(aBuild()));
    app.get('/api/v1/ping', () => ({ ok: true }));
  });
  afterAll(() => app.close());

  it('answers index.html, never cached, at / and at every page of the app (a reload keeps the page)', async () => {
    for (const url of [
      '/',
      '/login',
      '/engagements',
      '/engagements/1f0c',
      '/documents/2a',
      '/catalogue',
      '/users',
      '/courriels',
      '/signer/Zm9vYmFyYmF6cXV4cXV1eA',
      '/verifier',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      // A signer's page, reached by a personal link, is not even kept for revalidation.
      expect(response.headers['cache-control']).toBe(url.startsWith('/signer/') ? 'no-store' : 'no-cache');
      // A signing link's token is in its address: the page never passes it on as a referrer.
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('answers index.html at every route of web/src/app.tsx (a reload of « Échéancier » was a 404)', async () => {
    const routes = [...readFileSync('web/src/app.tsx', 'utf8').matchAll(/<Route[^>]*\spath="([^"*]+)"/g)].map(
      ([, path]) => (path?.startsWith('/') ? path : `/${path}`).replace(/:\w+/g, 'x1'),
    );
    expect(routes).toContain('/echeancier');
    for (const url of routes) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
    }
  });

  it('serves the hashed assets with a year of immutable cache', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('sends the compressed copy the build wrote to a browser that accepts it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe('console.log("lettrine")');
  });

  it('leaves every other path to the API: no page catches /api or an unknown address', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ ok: true });
    expect((await app.inject({ method: 'GET', url: '/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });
});
