import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';

/**
 * What a new password must be, beyond its length (10 characters at least, checked where it is
 * typed): not a common password, and not built on the user's own e-mail. Compared in Unicode NFC
 * and lower case, as the hashes compare them.
 */
export const checkNewPassword = (
  password: string,
  context: { email: string; isCommon: (password: string) => boolean; field: string },
): Result<true, Refusal> => {
  const plain = password.normalize('NFC').toLowerCase();
  const localPart = context.email.normalize('NFC').toLowerCase().split('@')[0] ?? '';
  // A local part of one or two letters (« jd@… ») is in too many good passwords to refuse them.
  if (localPart.length >= 3 && plain.includes(localPart))
    return refuse('USER.PASSWORD_CONTAINS_EMAIL', { field: context.field });
  if (context.isCommon(password) || new Set(plain).size === 1)
    return refuse('USER.PASSWORD_TOO_COMMON', { field: context.field });
  return ok(true);
};
