import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSecrets } from '../../src/adapters/security/secrets.ts';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * An unknown e-mail used to be refused without any scrypt run, in a fraction of the time a wrong
 * password takes: the delay told an attacker which e-mails have an account.
 */
describe(`login takes as long for an unknown e-mail as for a wrong password (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  const verificationsOf = async (payload: object) => {
    const spy = vi.spyOn(ctx.deps.secrets, 'verifyPassword');
    try {
      const response = await apiAs(ctx).post('/auth/login', payload);
      expect(response.body.code).toBe('AUTH.INVALID_CREDENTIALS');
      return spy.mock.calls.map(([, hash]) => hash);
    } finally {
      spy.mockRestore();
    }
  };

  const parameters = (hash: string) => hash.split('$').slice(0, 4).join('$');

  it('runs one scrypt verification against the dummy hash when no user has the e-mail', async () => {
    expect(await verificationsOf({ email: 'personne@nulle.part', password: 'mauvais' })).toEqual([
      await ctx.deps.secrets.dummyPasswordHash(),
    ]);
  });

  it('runs it too when the firm named excludes the only user with that e-mail', async () => {
    const payload = { email: firm.users.lecture.email, password: 'mauvais', firm: 'autre-cabinet' };
    expect(await verificationsOf(payload)).toEqual([await ctx.deps.secrets.dummyPasswordHash()]);
  });

  it('a wrong password runs one verification against the user’s own hash, at the dummy’s cost', async () => {
    const hashes = await verificationsOf({ email: firm.users.lecture.email, password: 'mauvais' });
    expect(hashes).toHaveLength(1);
    const [own] = hashes as [string];
    expect(own).not.toBe(await ctx.deps.secrets.dummyPasswordHash());
    expect(parameters(own)).toBe(parameters(await ctx.deps.secrets.dummyPasswordHash()));
  });

  it('in production, the dummy hash and every new hash use OWASP’s scrypt cost (N=2^17, r=8, p=1)', async () => {
    const secrets = createSecrets();
    const dummy = await secrets.dummyPasswordHash();
    expect(parameters(dummy)).toBe('scrypt$131072$8$1');
    expect(parameters(await secrets.hashPassword('x'))).toBe('scrypt$131072$8$1');
    expect(await secrets.verifyPassword('', dummy)).toBe(false);
  }, 30_000);
});
