import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecrets } from '../../src/adapters/security/secrets.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  loginHeaders,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const NEW_PASSWORD = 'un-nouveau-mot-de-passe';

describe(`changing and resetting passwords (${databaseKind})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const login = (email: string, password: string) =>
    apiAs(ctx)
      .post('/auth/login', { email, password })
      .then((response) => response.status);
  const isSignedIn = async (headers: Record<string, string>) =>
    (await apiAs(ctx, headers).get('/auth/me')).status === 200;

  describe('POST /auth/password: one’s own password', () => {
    let firm: FirmSession;
    beforeAll(async () => {
      firm = await aFirmWithUsers(ctx);
    });

    it('lets a lecture user change it: the old one stops working, the new one logs in', async () => {
      const { email, headers } = firm.users.lecture;
      const response = await apiAs(ctx, headers).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(204);
      expect(await login(email, 'secret-pass')).toBe(401);
      expect(await login(email, NEW_PASSWORD)).toBe(200);
    });

    it('ends the user’s other sessions, keeps the one that changed it, and nobody else’s', async () => {
      const { email, headers } = firm.users.collaborateur;
      const elsewhere = await loginHeaders(ctx, email);
      const response = await apiAs(ctx, headers).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(204);
      expect(await isSignedIn(elsewhere)).toBe(false);
      expect(await isSignedIn(headers)).toBe(true);
      expect(await isSignedIn(firm.users.associe.headers)).toBe(true);
    });

    it('refuses a wrong current password with AUTH.INVALID_CREDENTIALS, and changes nothing', async () => {
      const { email, headers } = firm.users.associe;
      const response = await apiAs(ctx, headers).post('/auth/password', {
        currentPassword: 'pas-le-bon',
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
        details: { field: 'currentPassword' },
      });
      expect(await isSignedIn(headers)).toBe(true);
      expect(await login(email, 'secret-pass')).toBe(200);
    });

    it('wants a new password of ten characters at least', async () => {
      const response = await apiAs(ctx, firm.users.associe.headers).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: 'court',
      });
      expect(response.status).toBe(400);
      expect(response.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
        'body.newPassword',
      ]);
    });

    it('answers AUTH.UNAUTHENTICATED without a session', async () => {
      const response = await apiAs(ctx).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: NEW_PASSWORD,
      });
      expect(response.body.code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('through an API token of admin scope, ends every session and every token of the user', async () => {
      const { email, headers } = firm.users.associe;
      const create = (scopes: string[]) =>
        apiAs(ctx, headers)
          .post('/api-tokens', { name: 'Script', scopes })
          .then((response) => response.body.token as string);
      const [admin, reader] = [await create(['admin']), await create(['read'])];
      const byReader = await apiAs(ctx, { authorization: `Bearer ${reader}` }).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: NEW_PASSWORD,
      });
      expect(byReader.status).toBe(403);
      expect(byReader.body.code).toBe('AUTH.TOKEN_ADMIN_SCOPE_REQUIRED');
      const response = await apiAs(ctx, { authorization: `Bearer ${admin}` }).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(204);
      expect(await isSignedIn(headers)).toBe(false);
      for (const token of [admin, reader])
        expect((await apiAs(ctx, { authorization: `Bearer ${token}` }).get('/auth/me')).status).toBe(401);
      expect(await login(email, NEW_PASSWORD)).toBe(200);
    });
  });

  describe('POST /users/{id}/password: an associé resets someone’s password', () => {
    let firm: FirmSession;
    beforeAll(async () => {
      firm = await aFirmWithUsers(ctx);
    });

    it('is the associé’s alone: a collaborateur gets AUTH.FORBIDDEN, a lecture user too', async () => {
      for (const role of ['collaborateur', 'lecture'] as const) {
        const response = await apiAs(ctx, firm.users[role].headers).post(
          `/users/${firm.users.associe.id}/password`,
          { newPassword: NEW_PASSWORD },
        );
        expect({ role, status: response.status, code: response.body.code }).toEqual({
          role,
          status: 403,
          code: 'AUTH.FORBIDDEN',
        });
      }
      expect(await login(firm.users.associe.email, 'secret-pass')).toBe(200);
    });

    it('revokes the API tokens of the user whose password is reset', async () => {
      const associe = apiAs(ctx, firm.users.associe.headers);
      const created = await associe.post('/users', {
        email: 'bientot-reinitialise@cabinet.test',
        name: 'Bientôt réinitialisé',
        role: 'associe',
        password: 'secret-pass',
      });
      const own = apiAs(ctx, await loginHeaders(ctx, 'bientot-reinitialise@cabinet.test'));
      const token = (await own.post('/api-tokens', { name: 'Script' })).body.token as string;
      const bearer = apiAs(ctx, { authorization: `Bearer ${token}` });
      expect((await bearer.get('/auth/me')).status).toBe(200);
      const reset = await associe.post(`/users/${created.body.id}/password`, { newPassword: NEW_PASSWORD });
      expect(reset.status).toBe(204);
      expect((await bearer.get('/auth/me')).status).toBe(401);
      const listed = (await associe.get('/api-tokens')).body.items.map((t: { userId: string }) => t.userId);
      expect(listed).not.toContain(created.body.id);
    });

    it('sets the new password and ends every session of that user', async () => {
      const { id, email, headers } = firm.users.collaborateur;
      const response = await apiAs(ctx, firm.users.associe.headers).post(`/users/${id}/password`, {
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(204);
      expect(await isSignedIn(headers)).toBe(false);
      expect(await login(email, 'secret-pass')).toBe(401);
      expect(await login(email, NEW_PASSWORD)).toBe(200);
      expect(await isSignedIn(firm.users.associe.headers)).toBe(true);
    });

    it('answers RESOURCE.NOT_FOUND for a user of another firm, whose password stays', async () => {
      const other = await aFirmWithUsers(ctx, 'Cabinet Voisin');
      const response = await apiAs(ctx, firm.users.associe.headers).post(
        `/users/${other.users.lecture.id}/password`,
        { newPassword: NEW_PASSWORD },
      );
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('RESOURCE.NOT_FOUND');
      expect(await isSignedIn(other.users.lecture.headers)).toBe(true);
      expect(await login(other.users.lecture.email, 'secret-pass')).toBe(200);
    });
  });

  describe('what a new password may be, and how it is kept', () => {
    let firm: FirmSession;
    beforeAll(async () => {
      firm = await aFirmWithUsers(ctx);
    });
    const newUser = (email: string, password: string) =>
      apiAs(ctx, firm.users.associe.headers).post('/users', {
        email,
        name: 'Nouvelle Recrue',
        role: 'collaborateur',
        password,
      });

    it('refuses a common password, even dressed with digits and symbols, on every way in', async () => {
      for (const password of ['motdepasse', 'Azerty123456', 'Soleil2024!!', '1234567890', 'aaaaaaaaaaaa']) {
        const response = await newUser(`recrue-${password.length}@cabinet.test`, password);
        expect({ password, status: response.status, code: response.body.code }).toEqual({
          password,
          status: 422,
          code: 'USER.PASSWORD_TOO_COMMON',
        });
        expect(response.body.details).toEqual({ field: 'password' });
      }
      const change = await apiAs(ctx, firm.users.lecture.headers).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: 'Marseille13!',
      });
      expect(change.body).toMatchObject({
        code: 'USER.PASSWORD_TOO_COMMON',
        details: { field: 'newPassword' },
      });
      const reset = await apiAs(ctx, firm.users.associe.headers).post(
        `/users/${firm.users.lecture.id}/password`,
        { newPassword: 'qwertyuiop' },
      );
      expect(reset.body.code).toBe('USER.PASSWORD_TOO_COMMON');
      expect(await login(firm.users.lecture.email, 'secret-pass')).toBe(200);
    });

    it('refuses a password built on the account’s e-mail', async () => {
      const response = await newUser('claire.fontaine@cabinet.test', 'Claire.Fontaine2026');
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('USER.PASSWORD_CONTAINS_EMAIL');
    });

    it('compares passwords in Unicode NFC: typed composed or decomposed, « é » is one password', async () => {
      const composed = 'café-crème-du-matin'.normalize('NFC');
      const decomposed = composed.normalize('NFD');
      expect(decomposed).not.toBe(composed);
      expect((await newUser('unicode@cabinet.test', decomposed)).status).toBe(201);
      expect(await login('unicode@cabinet.test', composed)).toBe(200);
      expect(await login('unicode@cabinet.test', decomposed)).toBe(200);
    });

    it('makes an older, cheaper hash again at today’s cost at the next successful login', async () => {
      const created = await newUser('ancien-hachage@cabinet.test', 'une-phrase-assez-longue');
      const users = ctx.deps.store.read(firm.firmId).users;
      const cheap = await createSecrets({ cost: 256 }).hashPassword('une-phrase-assez-longue');
      await users.setPassword(created.body.id, cheap);
      expect(await login('ancien-hachage@cabinet.test', 'mauvais-mot-de-passe')).toBe(401);
      expect(await users.findPasswordHash(created.body.id)).toBe(cheap);
      expect(await login('ancien-hachage@cabinet.test', 'une-phrase-assez-longue')).toBe(200);
      const upgraded = (await users.findPasswordHash(created.body.id)) as string;
      expect(upgraded.startsWith('scrypt$1024$8$1$')).toBe(true);
      expect(await login('ancien-hachage@cabinet.test', 'une-phrase-assez-longue')).toBe(200);
    });
  });
});
