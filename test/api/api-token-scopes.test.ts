import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Before issue 20 a token lived for ever and did anything its associé could: mint more tokens,
 * create users, change passwords. Now it has scopes and an expiry.
 */
describe(`API tokens: scopes and expiry (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    ctx = await createTestContext();
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  const associe = () => apiAs(ctx, firm.users.associe.headers);
  const aToken = async (body: object) => {
    const created = await associe().post('/api-tokens', { name: 'Intégration', ...body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { ...created.body, as: apiAs(ctx, { authorization: `Bearer ${created.body.token}` }) };
  };
  const aCompany = { name: 'Madame Jaune', isIndividual: true };
  const aUser = (n: number) => ({
    email: `recrue-${n}@cabinet.test`,
    name: 'Recrue',
    role: 'lecture',
    password: 'une-phrase-assez-longue',
  });

  it('a read-only token reads, and is refused every write with AUTH.TOKEN_READ_ONLY (403)', async () => {
    const reader = await aToken({ scopes: ['read'] });
    expect(reader.scopes).toEqual(['read']);
    expect((await reader.as.get('/engagements')).status).toBe(200);
    const write = await reader.as.post('/companies', aCompany);
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: 'AUTH.TOKEN_READ_ONLY' });
    expect(write.body.detail).toContain('lecture seule');
  });

  it('a write token writes, but cannot mint tokens, create or change users: AUTH.TOKEN_ADMIN_SCOPE_REQUIRED', async () => {
    const writer = await aToken({});
    expect(writer.scopes).toEqual(['read', 'write']);
    expect((await writer.as.post('/companies', aCompany)).status).toBe(201);
    const refusals = [
      await writer.as.post('/api-tokens', { name: 'Autre', scopes: ['admin'] }),
      await writer.as.delete(`/api-tokens/${writer.id}`),
      await writer.as.post('/users', aUser(1)),
      await writer.as.patch(`/users/${firm.users.lecture.id}`, { version: 1, role: 'associe' }),
      await writer.as.post(`/users/${firm.users.lecture.id}/password`, {
        newPassword: 'une-autre-phrase-longue',
      }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual(
      refusals.map(() => [403, 'AUTH.TOKEN_ADMIN_SCOPE_REQUIRED']),
    );
    const users = (await associe().get('/users')).body.items.map((u: { email: string }) => u.email);
    expect(users).not.toContain('recrue-1@cabinet.test');
  });

  it('an admin token (which writes too) makes tokens and users', async () => {
    const admin = await aToken({ scopes: ['admin'] });
    expect(admin.scopes).toEqual(['read', 'write', 'admin']);
    expect((await admin.as.post('/api-tokens', { name: 'Fille', scopes: ['read'] })).status).toBe(201);
    expect((await admin.as.post('/users', aUser(2))).status).toBe(201);
  });

  it('expires after 90 days by default, or the days asked; a year at most', async () => {
    const now = ctx.clock.now().getTime();
    const standard = await aToken({});
    expect(new Date(standard.expiresAt).getTime()).toBe(now + 90 * 86_400_000);
    const short = await aToken({ expiresInDays: 2 });
    expect(new Date(short.expiresAt).getTime()).toBe(now + 2 * 86_400_000);
    const tooLong = await associe().post('/api-tokens', { name: 'Éternel', expiresInDays: 366 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details.fields[0]).toMatchObject({ field: 'body.expiresInDays' });
    const listed = (await associe().get('/api-tokens')).body.items.find(
      (t: { id: string }) => t.id === short.id,
    );
    expect(listed).toMatchObject({ scopes: ['read', 'write'], expiresAt: short.expiresAt });

    ctx.clock.set(new Date(now + 2 * 86_400_000 + 1000).toISOString());
    try {
      expect((await short.as.get('/auth/me')).status).toBe(401);
      expect((await standard.as.get('/auth/me')).status).toBe(200);
    } finally {
      ctx.clock.set(new Date(now).toISOString());
    }
  });
});
