import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFirmWithUsers, createTestContext, type TestContext } from '../support/test-app.ts';

describe('what the server publishes', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('describes the API in OpenAPI, with the answers of the main routes', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/engagements',
      '/api/v1/documents/{id}/send',
      '/api/v1/engagements/{id}/scope',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    const read = spec.paths['/api/v1/documents/{id}'].get;
    expect(read.responses['200'].content['application/json'].schema.properties).toHaveProperty('document');
  });

  it('serves browsable docs at /docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('answers / with a short French page that links the docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('lang="fr"');
    expect(response.body).toContain('href="/docs"');
    expect(response.body).toMatch(/cabinets d’expertise comptable/);
  });

  it('names no firm on / : an anonymous visitor learns that Lettrine runs, not who uses it', async () => {
    await aFirmWithUsers(ctx, 'Cabinet Discret & Fils');
    const response = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Lettrine fonctionne.');
    expect(response.body).not.toContain('Discret');
    expect(response.body).not.toMatch(/ pour /);
  });
});
