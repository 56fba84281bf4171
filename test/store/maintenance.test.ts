import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredRecords } from '../../src/application/maintenance/purge-expired-records.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const HOUR = 3_600_000;

/** Sessions and idempotency keys used to pile up for ever: the hourly sweep now purges them. */
describe(`purgeExpiredRecords (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let other: FirmSession;

  beforeAll(async () => {
    ctx = await createTestContext({
      clock: '2026-11-29T09:00:00Z',
      database: 'fresh',
      sessionIdleMinutes: 'production',
    });
    firm = await aFirmWithUsers(ctx);
    other = await aFirmWithUsers(ctx, 'Cabinet Voisin');
  });
  afterAll(() => ctx.close());

  const aSession = async (session: FirmSession, expiresAt: Date, lastSeenAt = ctx.clock.now()) => {
    const tokenHash = `hash-${randomUUID()}`;
    await ctx.deps.store.read(session.firmId).sessions.insert({
      id: randomUUID(),
      userId: session.users.collaborateur.id,
      tokenHash,
      expiresAt,
      lastSeenAt,
    });
    return tokenHash;
  };
  const aKey = async (session: FirmSession, createdAt: Date, done: boolean) => {
    const key = `cle-${randomUUID()}`;
    const keys = ctx.deps.store.read(session.firmId).idempotency;
    await keys.claim(key, 'requete', { now: createdAt, abandonedBefore: new Date(0) });
    if (done) await keys.complete(key, 201, { id: 'x' });
    return key;
  };
  const isKeyKnown = async (session: FirmSession, key: string) => {
    const now = ctx.clock.now();
    const state = await ctx.deps.store
      .read(session.firmId)
      .idempotency.claim(key, 'requete', { now, abandonedBefore: new Date(0) });
    if (state.state === 'new') await ctx.deps.store.read(session.firmId).idempotency.release(key);
    return state.state !== 'new';
  };

  it('deletes expired and idle sessions and day-old idempotency keys of every firm, and nothing else', async () => {
    const now = ctx.clock.now().getTime();
    const sessions = {
      expired: await aSession(firm, new Date(now - HOUR)),
      expiringNow: await aSession(other, new Date(now)),
      valid: await aSession(firm, new Date(now + HOUR)),
      idle: await aSession(firm, new Date(now + HOUR), new Date(now - 9 * HOUR)),
      validElsewhere: await aSession(other, new Date(now + 14 * 24 * HOUR)),
    };
    const keys = {
      old: await aKey(firm, new Date(now - 25 * HOUR), true),
      oldPending: await aKey(other, new Date(now - 30 * HOUR), false),
      recent: await aKey(firm, new Date(now - 23 * HOUR), true),
      fresh: await aKey(other, new Date(now - 60_000), false),
    };

    const purged = await purgeExpiredRecords(ctx.deps);

    expect(purged.sessions).toBeGreaterThanOrEqual(3);
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(2);
    const at = ctx.clock.now();
    const alive = async (hash: string) =>
      (await ctx.deps.store.auth.findSession(hash, { now: new Date(0), idleSince: new Date(0) })) !==
      undefined;
    expect({
      expired: await alive(sessions.expired),
      expiringNow: await alive(sessions.expiringNow),
      valid: await alive(sessions.valid),
      idle: await alive(sessions.idle),
      validElsewhere: await alive(sessions.validElsewhere),
    }).toEqual({ expired: false, expiringNow: false, valid: true, idle: false, validElsewhere: true });
    expect(
      await ctx.deps.store.auth.findSession(sessions.valid, { now: at, idleSince: new Date(0) }),
    ).toBeDefined();
    expect({
      old: await isKeyKnown(firm, keys.old),
      oldPending: await isKeyKnown(other, keys.oldPending),
      recent: await isKeyKnown(firm, keys.recent),
      fresh: await isKeyKnown(other, keys.fresh),
    }).toEqual({ old: false, oldPending: false, recent: true, fresh: true });
  });

  it('does nothing more when it runs again', async () => {
    await purgeExpiredRecords(ctx.deps);
    expect(await purgeExpiredRecords(ctx.deps)).toEqual({
      sessions: 0,
      idempotencyKeys: 0,
      notifications: 0,
    });
  });
});
