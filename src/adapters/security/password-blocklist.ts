import { readFileSync } from 'node:fs';

/**
 * The common passwords a new password may not be (common-passwords.txt, shipped with the code: no
 * download at run time). Read once, at the first check.
 */
let list: ReadonlySet<string> | undefined;
const commonPasswords = (): ReadonlySet<string> => {
  list ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return list;
};

/** What decorates a common word: digits and symbols before or after it (« Soleil2024! »). */
const DECORATION = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;
/** A core shorter than this (« abc ») is not refused for being in the list: too many false alarms. */
const MIN_CORE = 4;

/**
 * True when the password, in lower case, is one of the list, or is one of them with digits or
 * symbols around it: « motdepasse », « Azerty123456 », « Soleil2024! ».
 */
export const isCommonPassword = (password: string): boolean => {
  const plain = password.normalize('NFC').toLowerCase();
  const core = plain.replace(DECORATION, '');
  return commonPasswords().has(plain) || (core.length >= MIN_CORE && commonPasswords().has(core));
};
