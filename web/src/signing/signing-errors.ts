import { ApiError, fieldErrors } from '../api/client.ts';

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
 * The message of an API error, placed next to the field it is about (in the API's French words);
 * what names no field goes to `form`, next to the button that was pressed.
 */
export const signingErrors = (error: unknown): Partial<Record<SigningField, string>> => {
  if (!error) return {};
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error) };
  const byCode = CODE_FIELDS[error.problem.code];
  if (byCode) return { [byCode]: error.message };
  const errors: Partial<Record<SigningField, string>> = {};
  for (const [name, message] of Object.entries(fieldErrors(error))) {
    const field = BODY_FIELDS[name] ?? 'form';
    errors[field] ??= message;
  }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
};

/** A dead link, whatever the reason: the page shows the neutral screen. */
export const isDeadLink = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.problem.code === 'SIGNING.LINK_INVALID');

/** Attempts left after a wrong code, when the API says. */
export const attemptsLeftOf = (error: unknown): number | undefined => {
  const left = error instanceof ApiError ? error.problem.details?.attemptsLeft : undefined;
  return typeof left === 'number' ? left : undefined;
};
