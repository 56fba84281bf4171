import type { ErrorCode } from '../domain/shared/errors.ts';

/**
 * The one code → HTTP status table (docs/errors.md is generated from it and the catalogue).
 * 400: the request itself is unreadable or invalid; 401: who is asking is unknown; 403: known but
 * not allowed; 404: the thing named does not exist in the caller's firm; 409: the request clashes
 * with the current state (stale version, already done, taken, not in this status) and may succeed
 * after a reload; 422: a well-formed request the business rules refuse; 429: too many attempts. Idempotency follows the
 * IETF Idempotency-Key draft: a key reused with another payload is 422, one still running is 409.
 */
export const ERROR_STATUS = {
  'REQUEST.VALIDATION_FAILED': 400,
  'REQUEST.MALFORMED_BODY': 400,
  'REQUEST.ROUTE_NOT_FOUND': 404,
  'REQUEST.PAYLOAD_TOO_LARGE': 413,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.FIRM_AMBIGUOUS': 409,
  'AUTH.TOO_MANY_ATTEMPTS': 429,
  'AUTH.FORBIDDEN': 403,
  'RESOURCE.NOT_FOUND': 404,
  'EDIT.STALE_VERSION': 409,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'IDEMPOTENCY.IN_PROGRESS': 409,
  'COMPANY.INVALID_SIREN': 422,
  'COMPANY.INVALID_SIRET': 422,
  'COMPANY.SIREN_REQUIRED': 422,
  'COMPANY.SIREN_TAKEN': 409,
  'CONTACT.NOT_IN_COMPANY': 422,
  'ENGAGEMENT.DOCUMENT_KIND_NOT_ALLOWED': 422,
  'ENGAGEMENT.ALREADY_CLIENT': 409,
  'DOCUMENT.TRANSITION_NOT_ALLOWED': 409,
  'DOCUMENT.NOT_EDITABLE': 409,
  'DOCUMENT.EMPTY': 422,
  'DOCUMENT.LINE_NOT_ALLOWED': 422,
  'DOCUMENT.LETTER_NOT_IN_FORCE': 422,
  'DOCUMENT.LINE_TARGET_NOT_FOUND': 404,
  'DOCUMENT.SCOPE_CHANGED': 409,
  'DOCUMENT.AMENDMENT_AFTER_REPLACEMENT': 422,
  'DOCUMENT.NOTHING_TO_REPLACE': 422,
  'DOCUMENT.INCOMPLETE': 422,
  'FIRM.LOGO_INVALID': 422,
  'FIRM.LOGO_TOO_LARGE': 413,
  'DOCUMENT.SIGNATURE_ALREADY_RECORDED': 409,
  'DOCUMENT.SIGNATURE_NOT_REQUIRED': 422,
  'DOCUMENT.FIRM_SIGNATORY_NOT_ASSOCIE': 422,
  'DOCUMENT.VALIDITY_PASSED': 422,
  'SERVICE.NOT_FOUND': 404,
  'SERVICE.ARCHIVED': 422,
  'SERVICE.CODE_TAKEN': 409,
  'REVALUATION.INVALID_COEFFICIENT': 422,
  'REVALUATION.CONFIRMATION_REQUIRED': 422,
  'TERMS.VERSION_TAKEN': 409,
  'TERMS.EFFECTIVE_DATE_BEFORE_PREVIOUS': 422,
  'TERMS.NONE_CURRENT': 422,
  'USER.EMAIL_TAKEN': 409,
  'USER.LAST_ASSOCIE': 409,
  'SERVER.INTERNAL': 500,
} as const satisfies Record<ErrorCode, number>;

export const statusOf = (code: ErrorCode): number => ERROR_STATUS[code];
