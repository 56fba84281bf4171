import type { Actor } from '../actor.ts';
import type { Deps } from '../ports/index.ts';

/**
 * A page of the caller's own notifications (a document signed, refused or expired), newest first,
 * with how many are unread in all. Read ones go after 90 days (purgeExpiredRecords); the history of
 * each engagement keeps the events.
 */
export const listMyNotifications = async (
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  { page, pageSize }: { page: number; pageSize: number },
) => {
  const { total, unread, items } = await deps.store
    .read(actor.firmId)
    .notifications.listForUser(actor.userId, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items, total, page, pageSize, unread };
};

/**
 * Marks the caller's notifications read (these ids, or all): their own state, which a lecture user
 * may change too, as they may change their own password.
 */
export const markMyNotificationsRead = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { ids?: number[] },
) => {
  const unread = await deps.store.transaction(actor.firmId, (scope) =>
    scope.notifications.markRead(actor.userId, { ...input, at: deps.clock.now() }),
  );
  return { unread };
};
