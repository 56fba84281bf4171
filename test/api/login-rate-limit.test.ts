import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/adapters/db/store.ts';
import { createApp } from '../../src/http/create-app.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

type App = TestContext['app'];

/**
 * The limits are the production ones, on a database of the suite's own (the counters are rows,
 * shared by every app on it). Before issue 20 they lived in each process, per address and e-mail
 * only: 40 wrong passwords from 5 addresses, then the right one, logged in; 40 e-mails sprayed from
 * one address were all tried.
 */
describe(`login limits, shared by every server on the database (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  /** A second server on the same database: its own store, its own app, nothing shared in memory. */
  let other: App;
  beforeAll(async () => {
    ctx = await createTestContext({ database: 'fresh', accountLimits: 'production' });
    firm = await aFirmWithUsers(ctx);
    other = await createApp({ ...ctx.deps, store: createStore(ctx.database) });
  });
  afterAll(async () => {
    await other.close();
    await ctx.close();
  });

  const attempt = (email: string, password: string, remoteAddress = '127.0.0.1', app: App = ctx.app) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

  it('slows down password guessing on one account: the eleventh attempt in a minute is refused', async () => {
    const email = firm.users.collaborateur.email;
    // The set-up logged this user in once: with 8 + 1 wrong passwords, that makes ten attempts.
    for (let i = 0; i < 8; i++) expect((await attempt(email, `wrong-${i}`)).statusCode).toBe(401);
    const wrong = await attempt(email, 'wrong-again');
    expect(wrong.json().code).toBe('AUTH.INVALID_CREDENTIALS');
    const blocked = await attempt(email, 'secret-pass');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS', title: 'Trop de tentatives' });
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('leaves the other accounts of the same office free to log in', async () => {
    expect((await attempt(firm.users.lecture.email, 'secret-pass')).statusCode).toBe(200);
  });

  it('stops a guessing spread over addresses and servers: 20 failures on one account, then even the right password waits', async () => {
    const other_firm = await aFirmWithUsers(ctx, 'Cabinet Visé');
    const email = other_firm.users.associe.email;
    for (let i = 0; i < 20; i++) {
      // Five addresses, four tries each, half on each server: no pair of address and e-mail is near its limit.
      const response = await attempt(email, `essai-${i}`, `198.51.100.${i % 5}`, i % 2 ? other : ctx.app);
      expect(response.statusCode, response.body).toBe(401);
    }
    const right = await attempt(email, 'secret-pass', '203.0.113.77', other);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(right.json().detail).toContain('patientez');
    const wait = Number(right.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The other users of that firm are not concerned.
    expect((await attempt(other_firm.users.lecture.email, 'secret-pass', '203.0.113.77')).statusCode).toBe(
      200,
    );
  });

  it('counts attempts made at once on both servers, each of them: 25 together, 5 refused', async () => {
    const target = (await aFirmWithUsers(ctx, 'Cabinet Pressé')).users.collaborateur.email;
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        attempt(target, `essai-${i}`, `198.51.100.${100 + (i % 5)}`, i % 2 ? other : ctx.app),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
  });

  it('stops an address spraying e-mails: after 30 failures, the 31st e-mail is refused, whatever it is', async () => {
    const sprayer = '192.0.2.66';
    for (let i = 0; i < 30; i++) {
      const response = await attempt(
        `cible-${i}@ailleurs.test`,
        'Printemps2026',
        sprayer,
        i % 2 ? other : ctx.app,
      );
      expect(response.statusCode).toBe(401);
    }
    const next = await attempt('cible-31@ailleurs.test', 'Printemps2026', sprayer);
    expect(next.statusCode).toBe(429);
    // A real user behind that address waits too; from elsewhere the same user logs in.
    expect((await attempt(firm.users.associe.email, 'secret-pass', sprayer, other)).statusCode).toBe(429);
    expect((await attempt(firm.users.associe.email, 'secret-pass', '192.0.2.67')).statusCode).toBe(200);
  });

  it('does not count the successful logins of an office behind one address', async () => {
    const office = '198.51.100.200';
    const team = await aFirmWithUsers(ctx, 'Cabinet Nombreux');
    for (let round = 0; round < 9; round++)
      for (const user of Object.values(team.users))
        expect(
          (await attempt(user.email, 'secret-pass', office, round % 2 ? other : ctx.app)).statusCode,
        ).toBe(200);
    // 27 successes and 29 failures: under the 30 failures the address may make.
    for (let i = 0; i < 29; i++)
      expect((await attempt(`faute-${i}@nombreux.test`, 'oups', office)).statusCode).toBe(401);
    expect((await attempt(team.users.associe.email, 'secret-pass', office)).statusCode).toBe(200);
  });
});
