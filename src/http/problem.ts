import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../application/app-error.ts';
import { ERROR_MESSAGES, type ErrorCode } from '../domain/shared/errors.ts';
import { frenchTypography } from '../domain/shared/typography.ts';
import { ERROR_STATUS } from './error-status.ts';

/** A short French title per HTTP status; the detail carries the full message of the code. */
const TITLES: Readonly<Record<number, string>> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Action non autorisée',
  404: 'Introuvable',
  409: 'Conflit',
  413: 'Requête trop volumineuse',
  422: 'Refusé par une règle métier',
  423: 'Verrouillé',
  429: 'Trop de tentatives',
  500: 'Erreur interne',
};

const problemTitle = (status: number): string =>
  TITLES[status] ?? (status >= 500 ? 'Erreur interne' : 'Requête refusée');

/** The French texts of the details a user reads (field messages, a reason) get French typography. */
const typesetDetails = (details: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const { fields, reason } = details;
  return {
    ...details,
    ...(typeof reason === 'string' ? { reason: frenchTypography(reason) } : {}),
    ...(Array.isArray(fields)
      ? {
          fields: fields.map((field: unknown) =>
            field && typeof field === 'object' && typeof (field as { message?: unknown }).message === 'string'
              ? { ...field, message: frenchTypography((field as { message: string }).message) }
              : field,
          ),
        }
      : {}),
  };
};

/**
 * RFC 9457 problem details, with our stable code, a short title and the French message that says
 * what to do. Every French text leaves through here, so French typography is applied here, once.
 */
export const sendProblem = (
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details?: Readonly<Record<string, unknown>>,
) => {
  const status = ERROR_STATUS[code];
  // A limit says when to come back (RFC 9110): clients and proxies read the header, people the detail.
  if (typeof details?.retryAfterSeconds === 'number')
    reply.header('retry-after', String(details.retryAfterSeconds));
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `/docs/errors#${code}`,
      title: frenchTypography(problemTitle(status)),
      status,
      code,
      detail: frenchTypography(ERROR_MESSAGES[code]),
      instance: request.url,
      ...(details ? { details: typesetDetails(details) } : {}),
    });
};

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST.MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST.MALFORMED_BODY',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST.MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST.PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST.MALFORMED_BODY',
};

/** Errors the router raises before any route runs: an id too long for any route, a bad %-escape. */
const URL_CODES: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'Identifiant trop long dans l’adresse : un UUID est attendu.',
  FST_ERR_BAD_URL: 'Adresse mal encodée : vérifiez les caractères échappés par %.',
};

/** What a client reads about a request Fastify refused for a reason of its own (its text is English). */
const UNREADABLE_REQUEST =
  'Le serveur n’a pas pu traiter cette requête telle qu’elle est formée : vérifiez la méthode, l’adresse, les en-têtes et le corps, en suivant la documentation sur /docs.';

/** `body.lines.0.quantity`; the body itself (a root-level issue such as an unknown key) is `body`. */
const fieldPath = (context: string, instancePath: string): string =>
  [context, ...instancePath.split('/').filter((part) => part !== '')].join('.');

const validationFields = (error: FastifyError) => {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  return error.validation.map((issue) => ({
    field: fieldPath(error.validationContext ?? 'body', issue.instancePath),
    message: issue.message,
  }));
};

export const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  if (error instanceof AppError) return sendProblem(reply, request, error.code, error.details);
  const fields = validationFields(error);
  if (fields) return sendProblem(reply, request, 'REQUEST.VALIDATION_FAILED', { fields });
  const urlProblem = error.code ? URL_CODES[error.code] : undefined;
  if (urlProblem) {
    return sendProblem(reply, request, 'REQUEST.VALIDATION_FAILED', {
      fields: [{ field: 'params', message: urlProblem }],
    });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(reply, request, mapped);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // The framework's own English message stays in the log, for whoever investigates.
    request.log.info({ err: error }, 'request refused by the framework');
    return sendProblem(reply, request, 'REQUEST.VALIDATION_FAILED', { reason: UNREADABLE_REQUEST });
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, request, 'SERVER.INTERNAL');
};
