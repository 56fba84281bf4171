import { AppError } from './app-error.ts';
import type { Role } from './records.ts';

/** Who acts: resolved by the HTTP layer from the session cookie or the API token. */
export type Actor = {
  readonly firmId: string;
  readonly userId: string;
  readonly role: Role;
  readonly name: string;
};

/** lecture reads only. */
export const assertCanWrite = (actor: Actor): void => {
  if (actor.role === 'lecture') throw new AppError('AUTH.FORBIDDEN', { required: 'collaborateur' });
};

/** The firm's settings, users, catalogue and terms are managed by an associé. */
export const assertIsAssocie = (actor: Actor): void => {
  if (actor.role !== 'associe') throw new AppError('AUTH.FORBIDDEN', { required: 'associe' });
};
