import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../application/app-error.ts';
import { ERROR_MESSAGES, type ErrorCode } from '../domain/shared/errors.ts';
import { ERROR_STATUS } from './error-status.ts';

/** RFC 9457 problem details, with our stable code and the French message that says what to do. */
export const sendProblem = (
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  details?: Readonly<Record<string, unknown>>,
) =>
  reply
    .status(ERROR_STATUS[code])
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `/docs/errors#${code}`,
      title: ERROR_MESSAGES[code],
      status: ERROR_STATUS[code],
      code,
      detail: ERROR_MESSAGES[code],
      instance: request.url,
      ...(details ? { details } : {}),
    });

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

const validationFields = (error: FastifyError) => {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  return error.validation.map((issue) => ({
    field: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
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
    return sendProblem(reply, request, 'REQUEST.VALIDATION_FAILED', { reason: error.message });
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, request, 'SERVER.INTERNAL');
};
