import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('OpenAPI document', () => {
  it('describes the firm, users, catalogue and terms routes with French summaries and the shape of their answers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const { paths } = response.json() as {
      paths: Record<
        string,
        Record<string, { summary?: string; tags?: string[]; responses?: Record<string, unknown> }>
      >;
    };
    const expected: [string, string, string][] = [
      ['/api/v1/firm', 'get', 'Cabinet'],
      ['/api/v1/firm', 'patch', 'Cabinet'],
      ['/api/v1/users', 'get', 'Utilisateurs'],
      ['/api/v1/users', 'post', 'Utilisateurs'],
      ['/api/v1/users/{id}', 'patch', 'Utilisateurs'],
      ['/api/v1/services', 'get', 'Catalogue'],
      ['/api/v1/services', 'post', 'Catalogue'],
      ['/api/v1/services/{id}', 'get', 'Catalogue'],
      ['/api/v1/services/{id}', 'patch', 'Catalogue'],
      ['/api/v1/services/{id}/archive', 'post', 'Catalogue'],
      ['/api/v1/services/{id}/unarchive', 'post', 'Catalogue'],
      ['/api/v1/services/revalue', 'post', 'Catalogue'],
      ['/api/v1/terms', 'get', 'Conditions générales'],
      ['/api/v1/terms', 'post', 'Conditions générales'],
      ['/api/v1/terms/current', 'get', 'Conditions générales'],
      ['/api/v1/terms/{id}', 'get', 'Conditions générales'],
    ];
    for (const [path, method, tag] of expected) {
      const operation = paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.tags).toEqual([tag]);
      expect(operation?.summary).toMatch(/^[A-ZÉ][a-zéèêàç’' ]+/);
      const answer =
        operation?.responses?.[method === 'post' && !path.includes('/services/') ? '201' : '200'];
      expect(answer, `${method} ${path} answer`).toHaveProperty('content.application/json.schema');
    }
  });
});
