import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../src/domain/shared/errors.ts';
import { frenchTypography } from '../../src/domain/shared/typography.ts';
import { createApp } from '../../src/http/create-app.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** What a client reads in an error body: short French titles, French typography, no English. */
describe(`problem details on the wire (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  const collab = () => apiAs(ctx, firm.users.collaborateur.headers);

  it('sets French typography: a no-break space before ":", never a plain one', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/engagements' });
    expect(response.statusCode).toBe(401);
    const body = response.json();
    expect(body.detail).toContain('connecté\u00a0: connectez-vous');
    expect(response.body).toContain('\u00a0:');
    expect(response.body).not.toMatch(/ :/);
  });

  it('sets it in the message of every invalid field too', async () => {
    const response = await apiAs(ctx, firm.users.associe.headers).post('/users', {
      email: 'court@cabinet.test',
      name: 'Mot de passe court',
      role: 'collaborateur',
      password: 'court',
    });
    expect(response.status).toBe(400);
    const messages = response.body.details.fields.map((f: { message: string }) => f.message);
    expect(messages).toContain('Mot de passe trop court\u00a0: 10 caractères au moins.');
    expect(JSON.stringify(response.body)).not.toMatch(/ [:;!?»%€]|« /);
  });

  it('gives a short French title per status, and the full message as detail', async () => {
    const answers = [
      [await apiAs(ctx).get('/engagements'), 'Authentification requise', 'AUTH.UNAUTHENTICATED'],
      [await collab().get(`/engagements/${crypto.randomUUID()}`), 'Introuvable', 'RESOURCE.NOT_FOUND'],
      [await collab().get('/api-tokens'), 'Action non autorisée', 'AUTH.FORBIDDEN'],
      [await collab().post('/companies', { name: 42 }), 'Requête invalide', 'REQUEST.VALIDATION_FAILED'],
    ] as const;
    for (const [response, title, code] of answers) {
      expect(response.body).toMatchObject({ code, title, detail: frenchTypography(ERROR_MESSAGES[code]) });
    }
  });

  it('names the body itself `body`, not `body.`, for an issue at its root', async () => {
    const response = await collab().post('/companies', { name: 'X', isIndividual: true, inconnu: 1 });
    expect(response.status).toBe(400);
    expect(response.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['body']);
  });

  it('keeps the SQLSTATE of a value the database refused to itself', async () => {
    const response = await collab().post('/engagements', { company: { name: '\ud800', isIndividual: true } });
    expect(response.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(response.body.details).not.toHaveProperty('sqlState');
    expect(response.body.details.reason).toMatch(/ne peut pas être enregistrée/);
  });

  it('explains a request the framework refused in French, not in its English message', async () => {
    const app = await createApp(ctx.deps);
    app.get('/refus-du-framework', () => {
      throw Object.assign(new Error('Unsupported Media Type: text/csv'), {
        statusCode: 415,
        code: 'FST_ERR_EXAMPLE',
      });
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/refus-du-framework' });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', title: 'Requête invalide' });
      expect(body.details.reason).toMatch(/^Le serveur n’a pas pu traiter cette requête/);
      expect(response.body).not.toContain('Unsupported');
    } finally {
      await app.close();
    }
  });

  it('says a missing field is required, in plain French', async () => {
    const res = await collab().post('/documents', { kind: 'proposal' });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toContainEqual({
      field: 'body.engagementId',
      message: 'Champ obligatoire\u00a0: renseignez-le.',
    });
  });
});
