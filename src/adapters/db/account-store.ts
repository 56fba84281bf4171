import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FirmScope, Store } from '../../application/ports/index.ts';
import type { Db } from './database.ts';
import { toUser } from './firm-store.ts';
import { apiTokens, firms, passwordResets, rateLimits, sessions, users } from './schema/index.ts';

/** Activity is written at most once a minute: a page makes many requests, an integration too. */
const TOUCH_PRECISION_MS = 60_000;

const isStale = (last: Date | null, now: Date) =>
  !last || now.getTime() - last.getTime() > TOUCH_PRECISION_MS;

/** The look-ups made before the firm is known: who is signing in, which session, token or link. */
export const authRepo = (db: Db): Store['auth'] => ({
  async findLoginCandidates(email) {
    const rows = await db
      .select({ user: users, firmSlug: firms.slug })
      .from(users)
      .innerJoin(firms, eq(firms.id, users.firmId))
      .where(and(eq(users.email, email.toLowerCase()), eq(users.isActive, true)));
    return rows.map(({ user, firmSlug }) => ({ ...toUser(user), passwordHash: user.passwordHash, firmSlug }));
  },
  async findSession(tokenHash, { now, idleSince }) {
    const [row] = await db
      .select({ user: users, sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .innerJoin(users, and(eq(users.firmId, sessions.firmId), eq(users.id, sessions.userId)))
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleSince),
          eq(users.isActive, true),
        ),
      );
    if (!row) return undefined;
    if (isStale(row.lastSeenAt, now)) {
      await db
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(and(eq(sessions.firmId, row.user.firmId), eq(sessions.id, row.sessionId)));
    }
    return toUser(row.user);
  },
  async findApiToken(tokenHash, now) {
    const [row] = await db
      .select({
        user: users,
        tokenId: apiTokens.id,
        scopes: apiTokens.scopes,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .innerJoin(users, and(eq(users.firmId, apiTokens.firmId), eq(users.id, apiTokens.userId)))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          gt(apiTokens.expiresAt, now),
          eq(users.isActive, true),
        ),
      );
    if (!row) return undefined;
    if (isStale(row.lastUsedAt, now)) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(apiTokens.firmId, row.user.firmId), eq(apiTokens.id, row.tokenId)));
    }
    return { ...toUser(row.user), scopes: row.scopes };
  },
  async findPasswordReset(tokenHash) {
    const [row] = await db
      .select({ firmId: passwordResets.firmId, resetId: passwordResets.id })
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, tokenHash));
    return row;
  },
});

export const passwordResetRepo = (db: Db, firmId: string): FirmScope['passwordResets'] => ({
  async insert(reset) {
    await db.insert(passwordResets).values({ ...reset, firmId });
  },
  async find(id, options) {
    const query = db
      .select({
        id: passwordResets.id,
        userId: passwordResets.userId,
        expiresAt: passwordResets.expiresAt,
        usedAt: passwordResets.usedAt,
        createdAt: passwordResets.createdAt,
      })
      .from(passwordResets)
      .where(and(eq(passwordResets.firmId, firmId), eq(passwordResets.id, id)));
    const [row] = options?.forUpdate ? await query.for('update') : await query;
    return row;
  },
  async useAllOfUser(userId, at) {
    await db
      .update(passwordResets)
      .set({ usedAt: at })
      .where(
        and(
          eq(passwordResets.firmId, firmId),
          eq(passwordResets.userId, userId),
          isNull(passwordResets.usedAt),
        ),
      );
  },
});

/**
 * Fixed windows in one statement each, so that every server process counts in the same row and two
 * hits at once are both counted (the row lock of the upsert orders them): a hit after the window's
 * end starts a new one.
 */
export const rateLimitRepo = (db: Db): Store['rateLimits'] => ({
  async hit(key, { now, windowSeconds }) {
    const resetsAt = new Date(now.getTime() + windowSeconds * 1000);
    const expired = sql`${rateLimits.resetsAt} <= ${now.toISOString()}::timestamptz`;
    const [row] = await db
      .insert(rateLimits)
      .values({ key, hits: 1, resetsAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
          resetsAt: sql`case when ${expired} then ${resetsAt.toISOString()}::timestamptz else ${rateLimits.resetsAt} end`,
        },
      })
      .returning({ hits: rateLimits.hits, resetsAt: rateLimits.resetsAt });
    if (!row) throw new Error(`rate limit ${key}: the upsert returned no row`);
    return row;
  },
  async refund(key) {
    await db
      .update(rateLimits)
      .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
      .where(eq(rateLimits.key, key));
  },
  async clear(key) {
    await db.delete(rateLimits).where(eq(rateLimits.key, key));
  },
});
