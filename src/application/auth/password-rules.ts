import { checkNewPassword } from '../../domain/firm/password-policy.ts';
import { unwrap } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';

/**
 * Refuses a new password that is common or built on the account's e-mail (USER.PASSWORD_*), then
 * hashes it. Hashing is slow on purpose: callers do it before their transaction, which stays short.
 */
export const hashNewPassword = (
  deps: Pick<Deps, 'secrets'>,
  input: { password: string; email: string; field: string },
): Promise<string> => {
  unwrap(
    checkNewPassword(input.password, {
      email: input.email,
      field: input.field,
      isCommon: (password) => deps.secrets.isCommonPassword(password),
    }),
  );
  return deps.secrets.hashPassword(input.password);
};
