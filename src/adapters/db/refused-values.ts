import { AppError } from '../../application/app-error.ts';

/**
 * SQLSTATE class 22, "data exception": PostgreSQL refuses a value itself, whatever the query. The
 * values reach it from requests (a NUL character in a text, a lone surrogate in a JSON history
 * entry, a version beyond the integer range), so the request is refused as invalid instead of
 * failing as a server error. The schemas should have caught them first; this is the backstop.
 */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/** pg and PGlite both report the SQLSTATE; drizzle wraps the driver's error in `cause`. */
const dataExceptionOf = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && DATA_EXCEPTION.test(code)) return code;
    current = cause;
  }
  return undefined;
};

/** The SQLSTATE is the database's business, not the client's: the refusal carries only French. */
export const asRefusedValue = (error: unknown): unknown => {
  if (dataExceptionOf(error) === undefined) return error;
  return new AppError('REQUEST.VALIDATION_FAILED', {
    reason: 'Une valeur de la requête ne peut pas être enregistrée (caractère nul, nombre hors limites…).',
  });
};

/** The same repository, each method's data exceptions turned into the refusal of the request. */
export const refusingBadValues = <R extends object>(repo: R): R => {
  const guarded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repo)) {
    guarded[name] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await value.apply(repo, args);
            } catch (error) {
              throw asRefusedValue(error);
            }
          }
        : value;
  }
  return guarded as R;
};
