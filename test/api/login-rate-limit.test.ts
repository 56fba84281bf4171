import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';

describe('login attempts', () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  const attempt = (email: string, password: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('slows down password guessing on one account: the eleventh attempt in a minute is refused', async () => {
    const email = firm.users.collaborateur.email;
    // The set-up logged this user in once: with 8 + 1 wrong passwords, that makes ten attempts.
    for (let i = 0; i < 8; i++) expect((await attempt(email, `wrong-${i}`)).statusCode).toBe(401);
    const wrong = await attempt(email, 'wrong-again');
    expect(wrong.json().code).toBe('AUTH.INVALID_CREDENTIALS');
    const blocked = await attempt(email, 'secret-pass');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(blocked.headers['content-type']).toContain('application/problem+json');
  });

  it('leaves the other accounts of the same office free to log in', async () => {
    expect((await attempt(firm.users.lecture.email, 'secret-pass')).statusCode).toBe(200);
  });
});
