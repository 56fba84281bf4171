import { AppError } from '../../application/app-error.ts';
import type { ErrorCode } from '../../domain/shared/errors.ts';

/**
 * The unique keys a user can run into (names as in the migration), and the conflict each one
 * means. A use case checks first for a clear answer; the key decides when two requests race, and
 * the loser gets the same 409 instead of a 500.
 */
const CONFLICT_OF_KEY: Readonly<Record<string, ErrorCode>> = {
  users_firm_id_email_unique: 'USER.EMAIL_TAKEN',
  companies_firm_siren_unique: 'COMPANY.SIREN_TAKEN',
  services_firm_id_code_unique: 'SERVICE.CODE_TAKEN',
  terms_versions_firm_id_version_unique: 'TERMS.VERSION_TAKEN',
};

const UNIQUE_VIOLATION = '23505';

/** pg and PGlite both report the SQLSTATE and the constraint; drizzle wraps them in `cause`. */
const violatedKey = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === UNIQUE_VIOLATION && typeof constraint === 'string') return constraint;
    current = cause;
  }
  return undefined;
};

export const conflictOnDuplicate = async <T>(write: PromiseLike<T>): Promise<T> => {
  try {
    return await write;
  } catch (error) {
    const key = violatedKey(error);
    const code = key === undefined ? undefined : CONFLICT_OF_KEY[key];
    if (code) throw new AppError(code);
    throw error;
  }
};
