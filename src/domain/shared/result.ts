import type { ErrorCode } from './errors.ts';

/** A refusal the user can act on: a closed code, optional details (for example missing fields). */
export type Refusal = { readonly code: ErrorCode; readonly details?: Readonly<Record<string, unknown>> };

export type Result<T, E = Refusal> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const refuse = (code: ErrorCode, details?: Record<string, unknown>): Result<never, Refusal> => ({
  ok: false,
  error: details ? { code, details } : { code },
});
