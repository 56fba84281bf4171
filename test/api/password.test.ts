import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

    it('through an API token, ends every session of the user', async () => {
      const { email, headers } = firm.users.associe;
      const token = (await apiAs(ctx, headers).post('/api-tokens', { name: 'Script' })).body.token as string;
      const response = await apiAs(ctx, { authorization: `Bearer ${token}` }).post('/auth/password', {
        currentPassword: 'secret-pass',
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(204);
      expect(await isSignedIn(headers)).toBe(false);
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
});
