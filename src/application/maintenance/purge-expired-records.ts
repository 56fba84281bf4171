import { sessionIdleMinutes } from '../auth/sessions.ts';
import type { Deps } from '../ports/index.ts';

/**
 * How long an Idempotency-Key is remembered: a client retries within minutes, so a day is ample;
 * after it, the same key is a new request.
 */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** How long a notification stays once read: the engagement's history keeps its event. */
export const READ_NOTIFICATION_DAYS = 90;

/**
 * Deletes what no request can use any more: sessions expired or idle, idempotency keys older than
 * a day, spent limit counters and reset links, notifications read 90 days ago. These tables would
 * otherwise grow with every login, every create and every signature for ever. Run hourly by the server; running it twice does nothing more.
 */
export const purgeExpiredRecords = (deps: Deps) => {
  const now = deps.clock.now();
  return deps.store.maintenance.purgeExpired({
    now,
    idempotencyKeysCreatedBefore: new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000),
    sessionsIdleSince: new Date(now.getTime() - sessionIdleMinutes(deps) * 60_000),
    notificationsReadBefore: new Date(now.getTime() - READ_NOTIFICATION_DAYS * 86_400_000),
  });
};
