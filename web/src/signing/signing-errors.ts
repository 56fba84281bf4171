import { ApiError, fieldErrors } from '../api/client.ts';
import type { Language } from '../i18n/i18n.tsx';

/** The parts of the signing page an error can sit next to. */
export type SigningField = 'consent' | 'code' | 'typedName' | 'drawing' | 'reason' | 'form';

/** Business refusals of the public signing routes, by the field they are about. */
const CODE_FIELDS: Record<string, SigningField> = {
  'SIGNING.CONSENT_REQUIRED': 'consent',
  'SIGNING.CODE_REQUIRED': 'code',
  'SIGNING.CODE_INVALID': 'code',
  'SIGNING.CODE_EXPIRED': 'code',
  'SIGNING.LOCKED': 'code',
  'SIGNING.TOO_MANY_REQUESTS': 'code',
  'SIGNING.NAME_MISMATCH': 'typedName',
  'SIGNING.DRAWING_INVALID': 'drawing',
};

const BODY_FIELDS: Record<string, SigningField> = {
  consent: 'consent',
  code: 'code',
  typedName: 'typedName',
  drawingPngBase64: 'drawing',
  reason: 'reason',
};

/**
 * The API speaks French only; a signer who chose English reads its refusals in English. The firm's
 * own screens keep the API's words: the firm works in French.
 */
const ENGLISH: Record<string, string> = {
  'SIGNING.CONSENT_REQUIRED': 'Tick the box to agree to sign electronically, after reading the document.',
  'SIGNING.CODE_REQUIRED':
    'First ask for the six-digit code (sent by e-mail or text message), then type it in.',
  'SIGNING.CODE_INVALID':
    'This code is wrong: check the last code you received (by e-mail or text message) and type it again.',
  'SIGNING.SMS_FAILED':
    'The text message with your code could not be sent: try again in a moment, or get the code by e-mail.',
  'SIGNING.CODE_EXPIRED': 'This code has expired (a code is valid for 10 minutes): ask for a new one.',
  'SIGNING.LOCKED':
    'Too many wrong codes: signing through this link is blocked. Ask the firm for a new link.',
  'SIGNING.NAME_MISMATCH':
    'The name does not match the signatory’s: type your first and last name as written on the document.',
  'SIGNING.DRAWING_INVALID':
    'The drawn signature is not a readable image: clear it and draw again, or sign with your name only.',
  'SIGNING.TOO_MANY_REQUESTS': 'Too many requests on this link: wait a minute before trying again.',
  'DOCUMENT.SIGNING_DEADLINE_PASSED':
    'The deadline to sign this document has passed: it can no longer be signed. Ask the firm to send a new one.',
  'REQUEST.VALIDATION_FAILED': 'Some fields are missing or invalid: correct them and try again.',
};
const ENGLISH_FIELDS: Partial<Record<SigningField, string>> = {
  reason: 'Give a reason: the firm will read it.',
  typedName: 'Type your first and last name.',
};

const inEnglish = (
  error: ApiError,
  errors: Partial<Record<SigningField, string>>,
): Partial<Record<SigningField, string>> =>
  Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      ENGLISH_FIELDS[field as SigningField] ?? ENGLISH[error.problem.code] ?? message,
    ]),
  );

/**
 * The message of an API error, placed next to the field it is about (in the API's French words);
 * what names no field goes to `form`, next to the button that was pressed.
 */
export const signingErrors = (
  error: unknown,
  language: Language = 'fr',
): Partial<Record<SigningField, string>> => {
  if (!error) return {};
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error) };
  const errors: Partial<Record<SigningField, string>> = {};
  const byCode = CODE_FIELDS[error.problem.code];
  if (byCode) errors[byCode] = error.message;
  else
    for (const [name, message] of Object.entries(fieldErrors(error))) {
      const field = BODY_FIELDS[name] ?? 'form';
      errors[field] ??= message;
    }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return language === 'en' ? inEnglish(error, errors) : errors;
};

/** A dead link, whatever the reason: the page shows the neutral screen. */
export const isDeadLink = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.problem.code === 'SIGNING.LINK_INVALID');

/** Attempts left after a wrong code, when the API says. */
export const attemptsLeftOf = (error: unknown): number | undefined => {
  const left = error instanceof ApiError ? error.problem.details?.attemptsLeft : undefined;
  return typeof left === 'number' ? left : undefined;
};
