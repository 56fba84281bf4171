import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';

/**
 * Changes the caller's own password, whatever their role (lecture included). The current password
 * is checked first; then every other session of the user ends, so that a session opened by someone
 * who knew the old password does not outlive it. The session making the change goes on (none does
 * when the call comes with an API token); API tokens are revoked on their own.
 */
export const changeOwnPassword = async (
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionToken?: string },
): Promise<void> => {
  const stored = found(await deps.store.read(actor.firmId).users.findPasswordHash(actor.userId), 'user');
  if (!(await deps.secrets.verifyPassword(input.currentPassword, stored)))
    throw new AppError('AUTH.INVALID_CREDENTIALS', { field: 'currentPassword' });
  // Hashing is slow on purpose: done before the transaction, which stays short (one PGlite connection).
  const passwordHash = await deps.secrets.hashPassword(input.newPassword);
  const kept = input.sessionToken === undefined ? undefined : deps.secrets.hashToken(input.sessionToken);
  await deps.store.transaction(actor.firmId, async (scope) => {
    // Two changes racing with the same current password queue on the row lock: the second one finds
    // the hash it checked already replaced, and is refused like a wrong password.
    if ((await scope.users.findPasswordHash(actor.userId, { forUpdate: true })) !== stored)
      throw new AppError('AUTH.INVALID_CREDENTIALS', { field: 'currentPassword' });
    await scope.users.setPassword(actor.userId, passwordHash);
    await scope.sessions.deleteByUser(actor.userId, { exceptTokenHash: kept });
  });
};

/**
 * An associé sets a user's password (forgotten, or suspected known to someone else): every session
 * of that user ends. On one's own account it ends one's own session too; changeOwnPassword keeps it.
 */
export const resetUserPassword = async (
  deps: Deps,
  actor: Actor,
  input: { userId: string; newPassword: string },
): Promise<void> => {
  assertIsAssocie(actor);
  const passwordHash = await deps.secrets.hashPassword(input.newPassword);
  await deps.store.transaction(actor.firmId, async (scope) => {
    found(await scope.users.find(input.userId), 'user');
    await scope.users.setPassword(input.userId, passwordHash);
    await scope.sessions.deleteByUser(input.userId);
  });
};
