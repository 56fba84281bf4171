import { lt, lte, or } from 'drizzle-orm';
import type { Store } from '../../application/ports/index.ts';
import type { Db } from './database.ts';
import { idempotencyKeys, notifications, passwordResets, rateLimits, sessions } from './schema/index.ts';

/** Housekeeping across firms: rows no request can use any more. */
export const maintenanceRepo = (db: Db): Store['maintenance'] => ({
  async purgeExpired({ now, idempotencyKeysCreatedBefore, sessionsIdleSince, notificationsReadBefore }) {
    // A session is valid while expires_at > now and last_seen_at > idleSince (findSession).
    const purgedSessions = await db
      .delete(sessions)
      .where(
        or(
          lte(sessions.expiresAt, now),
          sessionsIdleSince ? lte(sessions.lastSeenAt, sessionsIdleSince) : undefined,
        ),
      )
      .returning({ id: sessions.id });
    // Spent limit windows, and reset links past their hour: nothing reads them any more.
    await db.delete(rateLimits).where(lte(rateLimits.resetsAt, now));
    await db.delete(passwordResets).where(lte(passwordResets.expiresAt, now));
    const purgedKeys = await db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, idempotencyKeysCreatedBefore))
      .returning({ key: idempotencyKeys.key });
    const purgedNotifications = await db
      .delete(notifications)
      .where(lt(notifications.readAt, notificationsReadBefore))
      .returning({ id: notifications.id });
    return {
      sessions: purgedSessions.length,
      idempotencyKeys: purgedKeys.length,
      notifications: purgedNotifications.length,
    };
  },
});
