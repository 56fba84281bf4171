import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSecrets } from '../../src/adapters/security/secrets.ts';
import { DUMMY_PASSWORD_HASH } from '../../src/application/auth/sessions.ts';
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

  it('runs one scrypt verification against the dummy hash when no user has the e-mail', async () => {
    expect(await verificationsOf({ email: 'personne@nulle.part', password: 'mauvais' })).toEqual([
      DUMMY_PASSWORD_HASH,
    ]);
  });

  it('runs it too when the firm named excludes the only user with that e-mail', async () => {
    const payload = { email: firm.users.lecture.email, password: 'mauvais', firm: 'autre-cabinet' };
    expect(await verificationsOf(payload)).toEqual([DUMMY_PASSWORD_HASH]);
  });

  it('a wrong password runs one verification against the user’s own hash', async () => {
    const hashes = await verificationsOf({ email: firm.users.lecture.email, password: 'mauvais' });
    expect(hashes).toHaveLength(1);
    expect(hashes[0]).not.toBe(DUMMY_PASSWORD_HASH);
  });

  it('the dummy hash has the parameters of real production hashes, and matches no password', async () => {
    const secrets = createSecrets();
    const parameters = (hash: string) => hash.split('$').slice(0, 4).join('$');
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe(parameters(await secrets.hashPassword('x')));
    expect(await secrets.verifyPassword('', DUMMY_PASSWORD_HASH)).toBe(false);
  });
});
