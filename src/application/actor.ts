import { AppError } from './app-error.ts';
import type { Role, TokenScope } from './records.ts';

/** Who acts: resolved by the HTTP layer from the session cookie or the API token. */
export type Actor = {
  readonly firmId: string;
  readonly userId: string;
  readonly role: Role;
  readonly name: string;
  /** Set when the caller came with an API token: what that token may do, besides the role. */
  readonly tokenScopes?: readonly TokenScope[];
};

/** lecture reads only; so does a read-only API token. */
export const assertCanWrite = (actor: Actor): void => {
  if (actor.role === 'lecture') throw new AppError('AUTH.FORBIDDEN', { required: 'collaborateur' });
  if (actor.tokenScopes && !actor.tokenScopes.includes('write')) throw new AppError('AUTH.TOKEN_READ_ONLY');
};

/** The firm's settings, users, catalogue and terms are managed by an associé. */
export const assertIsAssocie = (actor: Actor): void => {
  if (actor.role !== 'associe') throw new AppError('AUTH.FORBIDDEN', { required: 'associe' });
};

/**
 * Tokens, users and passwords: a session may do what its role allows; an API token also needs the
 * `admin` scope, so a token leaked from an integration cannot mint tokens or accounts.
 */
export const assertMayManageAccounts = (actor: Actor): void => {
  if (actor.tokenScopes && !actor.tokenScopes.includes('admin'))
    throw new AppError('AUTH.TOKEN_ADMIN_SCOPE_REQUIRED', { required: 'admin' });
};
