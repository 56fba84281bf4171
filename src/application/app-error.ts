import type { ErrorCode } from '../domain/shared/errors.ts';
import type { Refusal, Result } from '../domain/shared/result.ts';

/** A refusal on its way to the user: the HTTP layer maps its code to a status and a French message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const unwrap = <T>(result: Result<T, Refusal>): T => {
  if (!result.ok) throw new AppError(result.error.code, result.error.details);
  return result.value;
};

/** get*: the record, or RESOURCE.NOT_FOUND (the same answer for another firm's id). */
export const found = <T>(value: T | undefined, resource: string): T => {
  if (value === undefined) throw new AppError('RESOURCE.NOT_FOUND', { resource });
  return value;
};

/** A versioned write that matched nothing was based on a stale read (the row exists: checked before). */
export const notStale = <T>(value: T | undefined): T => {
  if (value === undefined) throw new AppError('EDIT.STALE_VERSION');
  return value;
};
