import type { Actor } from '../actor.ts';
import type { Deps } from '../ports/index.ts';

/** The latest notifications are enough: older ones are in each engagement's history. */
const LATEST = 200;

/** The caller's own notifications (a document signed, refused or expired), newest first. */
export const listMyNotifications = (deps: Pick<Deps, 'store'>, actor: Actor) =>
  deps.store.read(actor.firmId).notifications.listForUser(actor.userId, LATEST);

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
