import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Every route of the API says what it answers (docs/api.md): a JSON answer has its zod schema in a
 * `*.schemas.ts`, which both filters what leaves the server and describes it in /openapi.json. A
 * route added without one fails here, unless it answers no JSON and is listed below, with why.
 */
type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[] };
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = {
  responses?: Record<string, Response>;
  parameters?: { in: string; name: string }[];
};
type Spec = { paths: Record<string, Record<string, Operation>> };

/** Routes whose success is not a JSON body: what they answer instead, and why. */
const NOT_JSON: Record<string, { answers: 'no body' | 'file' | 'stream'; why: string }> = {
  'POST /api/v1/auth/logout': { answers: 'no body', why: '204 : la session est fermée, rien à dire' },
  'POST /api/v1/auth/password': { answers: 'no body', why: '204 : le mot de passe est changé' },
  'POST /api/v1/auth/password-reset/confirm': {
    answers: 'no body',
    why: '204 : le mot de passe est changé par le lien reçu',
  },
  'DELETE /api/v1/api-tokens/{id}': { answers: 'no body', why: '204 : le jeton est révoqué' },
  'DELETE /api/v1/firm/logo': { answers: 'no body', why: '204 : le logo est retiré' },
  'POST /api/v1/users/{id}/password': { answers: 'no body', why: '204 : le mot de passe est réinitialisé' },
  'DELETE /api/v1/webhooks/{id}': { answers: 'no body', why: '204 : le webhook est supprimé' },
  'POST /api/v1/documents/{id}/signing/seal': {
    answers: 'no body',
    why: '202 : le scellement est remis en file, son issue se lit sur GET …/signing',
  },
  'GET /api/v1/documents/{id}/pdf': { answers: 'file', why: 'le PDF du document (application/pdf)' },
  'GET /api/v1/documents/{id}/signed-pdf': { answers: 'file', why: 'le PDF signé et scellé' },
  'GET /api/v1/documents/{id}/signatures/{signatureId}/scan': {
    answers: 'file',
    why: 'le scan d’une signature papier, PDF, PNG ou JPEG tel qu’il a été déposé',
  },
  'GET /api/v1/firm/logo': { answers: 'file', why: 'l’image du logo, PNG ou JPEG' },
  'GET /api/v1/vigilance/evidence/{id}/file': {
    answers: 'file',
    why: 'le justificatif LCB-FT tel que déposé (PDF, PNG ou JPEG)',
  },
  'GET /api/v1/public/signing/{token}/pdf': { answers: 'file', why: 'le PDF que le signataire lit' },
  'GET /api/v1/public/signing/{token}/signed-copy': {
    answers: 'file',
    why: 'l’exemplaire scellé que le signataire télécharge après avoir signé',
  },
  'GET /api/v1/campaigns/{id}/preview.csv': { answers: 'file', why: 'l’aperçu en CSV (text/csv)' },
  'GET /api/v1/billing/schedule.csv': { answers: 'file', why: 'l’échéancier en CSV pour la facturation' },
  'GET /api/v1/billing/schedule.json': {
    answers: 'file',
    why: 'toutes les échéances en JSON, écrites mois par mois (un flux, pas une page)',
  },
  'GET /api/v1/billing/recurring-revenue.csv': { answers: 'file', why: 'les honoraires récurrents en CSV' },
  'GET /api/v1/billing/revenue-bridge.csv': { answers: 'file', why: 'le pont des honoraires en CSV' },
  'GET /api/v1/campaigns/{id}/events': {
    answers: 'stream',
    why: 'l’avancement en direct, en server-sent events (text/event-stream)',
  },
};

const isSuccess = (status: string) => /^2\d\d$/.test(status);
const jsonSchemaOf = (response: Response | undefined) => response?.content?.['application/json']?.schema;

let ctx: TestContext;
let operations: { key: string; operation: Operation }[];
beforeAll(async () => {
  ctx = await createTestContext();
  const spec = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Spec;
  operations = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
});
afterAll(() => ctx.close());

describe('what each route answers, in /openapi.json', () => {
  it('every route answering JSON declares the schema of each of its success statuses', () => {
    expect(operations.length).toBeGreaterThan(80);
    const undeclared: string[] = [];
    for (const { key, operation } of operations) {
      if (NOT_JSON[key]) continue;
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) => isSuccess(status));
      if (successes.length === 0) undeclared.push(`${key}: aucun statut de succès`);
      for (const [status, response] of successes)
        if (!jsonSchemaOf(response)) undeclared.push(`${key} ${status}: pas de schéma de réponse JSON`);
    }
    expect(undeclared, 'add a response schema, or list the route in NOT_JSON with why').toEqual([]);
  });

  it('the routes answering something else than JSON say so, and the list names only real routes', () => {
    const byKey = new Map(operations.map(({ key, operation }) => [key, operation]));
    for (const [key, { answers }] of Object.entries(NOT_JSON)) {
      const operation = byKey.get(key);
      expect(operation, `${key} is listed in NOT_JSON but no longer exists`).toBeDefined();
      const successes = Object.entries(operation?.responses ?? {}).filter(([status]) => isSuccess(status));
      for (const [status, response] of successes)
        expect(jsonSchemaOf(response), `${key} ${status} has a JSON schema: drop it from NOT_JSON`).toBe(
          undefined,
        );
      if (answers === 'no body') {
        // Its status is declared, with no content, rather than the default 200.
        expect(successes.map(([status]) => status)).toEqual([expect.stringMatching(/^20[24]$/)]);
        expect(successes[0]?.[1].description).not.toBe('Default Response');
      }
    }
  });

  it('every list answers one page envelope and takes page and pageSize', () => {
    const departures: string[] = [];
    for (const { key, operation } of operations) {
      if (!key.startsWith('GET ')) continue;
      const schema = jsonSchemaOf(operation.responses?.['200']);
      if (!schema) continue;
      if (schema.type === 'array') departures.push(`${key}: tableau nu`);
      if (schema.properties?.items?.type !== 'array') continue;
      for (const field of ['total', 'page', 'pageSize'])
        if (!schema.required?.includes(field)) departures.push(`${key}: ${field} manque à la page`);
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const name of ['page', 'pageSize'])
        if (!query.includes(name)) departures.push(`${key}: n’accepte pas ${name}`);
    }
    expect(departures).toEqual([]);
  });
});
