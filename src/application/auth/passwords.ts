import { type Actor, assertIsAssocie, assertMayManageAccounts } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import { accountLimits, consumeLimits, limitKey } from './limits.ts';
import { hashNewPassword } from './password-rules.ts';

/**
 * What a new password ends: the user's API tokens and pending reset links always, and the sessions
 * but the one kept (none when the change is not made from a session).
 */
export const endAccessAfterPasswordChange = async (
  scope: FirmScope,
  input: { userId: string; at: Date; keptSessionHash?: string },
) => {
  await scope.sessions.deleteByUser(input.userId, { exceptTokenHash: input.keptSessionHash });
  await scope.apiTokens.revokeByUser(input.userId, input.at);
  await scope.passwordResets.useAllOfUser(input.userId, input.at);
};

/**
 * Changes the caller's own password, whatever their role (lecture included); through an API token
 * only with the `admin` scope. The current password is checked first (attempts limited per user);
 * then every other session of the user ends, so that a session opened by someone who knew the old
 * password does not outlive it, and every API token of the user is revoked. The session making the
 * change goes on.
 */
export const changeOwnPassword = async (
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionToken?: string },
): Promise<void> => {
  assertMayManageAccounts(actor);
  await consumeLimits(deps, [
    {
      key: limitKey(deps, 'password-change', actor.userId),
      limit: accountLimits(deps).passwordChangesPerUser,
    },
  ]);
  const scope = deps.store.read(actor.firmId);
  const stored = found(await scope.users.findPasswordHash(actor.userId), 'user');
  if (!(await deps.secrets.verifyPassword(input.currentPassword, stored)))
    throw new AppError('AUTH.INVALID_CREDENTIALS', { field: 'currentPassword' });
  const user = found(await scope.users.find(actor.userId), 'user');
  const passwordHash = await hashNewPassword(deps, {
    password: input.newPassword,
    email: user.email,
    field: 'newPassword',
  });
  const kept = input.sessionToken === undefined ? undefined : deps.secrets.hashToken(input.sessionToken);
  await deps.store.transaction(actor.firmId, async (tx) => {
    // Two changes racing with the same current password queue on the row lock: the second one finds
    // the hash it checked already replaced, and is refused like a wrong password.
    if ((await tx.users.findPasswordHash(actor.userId, { forUpdate: true })) !== stored)
      throw new AppError('AUTH.INVALID_CREDENTIALS', { field: 'currentPassword' });
    await tx.users.setPassword(actor.userId, passwordHash);
    await endAccessAfterPasswordChange(tx, {
      userId: actor.userId,
      at: deps.clock.now(),
      keptSessionHash: kept,
    });
  });
};

/**
 * An associé sets a user's password (forgotten, or suspected known to someone else): every session
 * and API token of that user ends. On one's own account it ends one's own session too;
 * changeOwnPassword keeps it.
 */
export const resetUserPassword = async (
  deps: Deps,
  actor: Actor,
  input: { userId: string; newPassword: string },
): Promise<void> => {
  assertIsAssocie(actor);
  assertMayManageAccounts(actor);
  const user = found(await deps.store.read(actor.firmId).users.find(input.userId), 'user');
  const passwordHash = await hashNewPassword(deps, {
    password: input.newPassword,
    email: user.email,
    field: 'newPassword',
  });
  await deps.store.transaction(actor.firmId, async (scope) => {
    found(await scope.users.find(input.userId), 'user');
    await scope.users.setPassword(input.userId, passwordHash);
    await endAccessAfterPasswordChange(scope, { userId: input.userId, at: deps.clock.now() });
  });
};
