import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { aFirmWithUsers, createTestContext, loginHeaders, type TestContext } from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const MINUTE = 60_000;

/** Before issue 20 a session lasted its 14 days, used or not: a forgotten open tab stayed signed in. */
describe(`a session idle too long ends (${databaseKind})`, () => {
  let ctx: TestContext;
  let email: string;
  const start = '2026-11-29T09:00:00Z';
  beforeAll(async () => {
    ctx = await createTestContext({ clock: start, sessionIdleMinutes: 'production' });
    email = (await aFirmWithUsers(ctx)).users.collaborateur.email;
  });
  afterAll(() => ctx.close());

  const at = (minutes: number) =>
    ctx.clock.set(new Date(new Date(start).getTime() + minutes * MINUTE).toISOString());
  const status = async (headers: Record<string, string>) =>
    (await apiAs(ctx, headers).get('/auth/me')).status;

  it('lives while used, and ends after eight hours without a request', async () => {
    at(0);
    const headers = await loginHeaders(ctx, email);
    at(7 * 60 + 50);
    expect(await status(headers)).toBe(200);
    at(15 * 60 + 40);
    expect(await status(headers)).toBe(200);
    at(15 * 60 + 40 + 8 * 60 + 1);
    expect(await status(headers)).toBe(401);
  });

  it('still ends 14 days after the login, however busy', async () => {
    at(0);
    const headers = await loginHeaders(ctx, email);
    for (let hour = 6; hour < 14 * 24; hour += 6) {
      at(hour * 60);
      expect(await status(headers)).toBe(200);
    }
    at(14 * 24 * 60 + 1);
    expect(await status(headers)).toBe(401);
  });

  it('follows the setting (SESSION_IDLE_MINUTES)', async () => {
    ctx.deps.settings.sessionIdleMinutes = 30;
    try {
      at(0);
      const headers = await loginHeaders(ctx, email);
      at(29);
      expect(await status(headers)).toBe(200);
      at(29 + 31);
      expect(await status(headers)).toBe(401);
    } finally {
      ctx.deps.settings.sessionIdleMinutes = undefined;
      at(0);
    }
  });
});
