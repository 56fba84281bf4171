import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  TEST_PUBLIC_URL,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const NEW_PASSWORD = 'une-toute-nouvelle-phrase';

/**
 * « Mot de passe oublié ? » did not exist: a locked-out last associé needed a database edit. A
 * one-time link by mail now, valid an hour, kept hashed; the same answer for any e-mail.
 */
describe(`self-service password reset by mail (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  const anonymous = () => apiAs(ctx);
  const request = (email: string) => anonymous().post('/auth/password-reset', { email });
  const resetMails = async (address: string) => {
    const page = await ctx.deps.store.read(firm.firmId).mails.list({ page: 1, pageSize: 200 });
    return page.items.filter((mail) => mail.kind === 'password_reset' && mail.toAddress === address);
  };
  /** The link's token, as the mail gives it (in the fragment: never sent to a server). */
  const tokenIn = (text: string | null) => {
    const match = text?.match(new RegExp(`${TEST_PUBLIC_URL}/mot-de-passe/nouveau#([A-Za-z0-9_-]+)`));
    if (!match?.[1]) throw new Error(`no reset link in ${text}`);
    return match[1];
  };
  const login = async (email: string, password: string) =>
    (await anonymous().post('/auth/login', { email, password })).status;

  it('answers the same whether the e-mail has an account or not, and mails only the account', async () => {
    const known = await request(firm.users.collaborateur.email);
    const unknown = await request('personne@nulle.part');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const [mail, ...others] = await resetMails(firm.users.collaborateur.email);
    expect(others).toEqual([]);
    expect(mail?.subject.replace(/\s/g, ' ')).toBe('Lettrine : réinitialisation de votre mot de passe');
    expect(mail?.textBody).toContain('dans les 60 minutes');
    expect(mail?.htmlBody).toContain('Choisir un nouveau mot de passe');
    tokenIn(mail?.textBody ?? null);
  });

  it('sets the new password once, and ends every session and API token of the user', async () => {
    const { email, headers } = firm.users.associe;
    const token = (await apiAs(ctx, headers).post('/api-tokens', { name: 'Script' })).body.token as string;
    await request(email);
    const [mail] = await resetMails(email);
    const link = tokenIn(mail?.textBody ?? null);
    // The link is kept hashed: its token is nowhere in the database's reset rows.
    const found = await ctx.deps.store.auth.findPasswordReset(link);
    expect(found).toBeUndefined();

    const weak = await anonymous().post('/auth/password-reset/confirm', {
      token: link,
      newPassword: 'motdepasse',
    });
    expect(weak.body.code).toBe('USER.PASSWORD_TOO_COMMON');
    const done = await anonymous().post('/auth/password-reset/confirm', {
      token: link,
      newPassword: NEW_PASSWORD,
    });
    expect(done.status).toBe(204);
    expect(await login(email, 'secret-pass')).toBe(401);
    expect(await login(email, NEW_PASSWORD)).toBe(200);
    expect((await apiAs(ctx, headers).get('/auth/me')).status).toBe(401);
    expect((await apiAs(ctx, { authorization: `Bearer ${token}` }).get('/auth/me')).status).toBe(401);

    const again = await anonymous().post('/auth/password-reset/confirm', {
      token: link,
      newPassword: 'encore-une-autre-phrase',
    });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('AUTH.RESET_LINK_INVALID');
    expect(await login(email, NEW_PASSWORD)).toBe(200);
  });

  it('refuses a link after its hour, and a made-up one', async () => {
    const { email } = firm.users.lecture;
    await request(email);
    const [mail] = await resetMails(email);
    const link = tokenIn(mail?.textBody ?? null);
    const now = ctx.clock.now().getTime();
    ctx.clock.set(new Date(now + 61 * 60_000).toISOString());
    try {
      const late = await anonymous().post('/auth/password-reset/confirm', {
        token: link,
        newPassword: NEW_PASSWORD,
      });
      expect(late.status).toBe(404);
    } finally {
      ctx.clock.set(new Date(now).toISOString());
    }
    const madeUp = await anonymous().post('/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      newPassword: NEW_PASSWORD,
    });
    expect(madeUp.body.code).toBe('AUTH.RESET_LINK_INVALID');
    expect(await login(email, 'secret-pass')).toBe(200);
  });

  it('limits the requests per e-mail, known or not, with the same 429', async () => {
    const known = (await aFirmWithUsers(ctx, 'Cabinet Pressé')).users.collaborateur.email;
    for (const email of [known, 'inconnu@nulle.part']) {
      for (let i = 0; i < 3; i++) expect((await request(email)).status).toBe(202);
      const limited = await request(email);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});
