import { lt, lte } from 'drizzle-orm';
import type { Store } from '../../application/ports/index.ts';
import type { Db } from './database.ts';
import { idempotencyKeys, sessions } from './schema/index.ts';

/** Housekeeping across firms: rows no request can use any more. */
export const maintenanceRepo = (db: Db): Store['maintenance'] => ({
  async purgeExpired({ now, idempotencyKeysCreatedBefore }) {
    // A session is valid while expires_at > now (findSession): at now, it is over.
    const purgedSessions = await db
      .delete(sessions)
      .where(lte(sessions.expiresAt, now))
      .returning({ id: sessions.id });
    const purgedKeys = await db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, idempotencyKeysCreatedBefore))
      .returning({ key: idempotencyKeys.key });
    return { sessions: purgedSessions.length, idempotencyKeys: purgedKeys.length };
  },
});
