import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../application/actor.ts';
import { AppError } from '../application/app-error.ts';
import { authenticate } from '../application/auth/sessions.ts';
import type { Deps } from '../application/ports.ts';

export const SESSION_COOKIE = 'lettrine_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const bearer = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
};

/** Resolves the acting user from an API token (Authorization: Bearer) or the session cookie. */
export const resolveActor = (deps: Deps) => async (request: FastifyRequest, _reply: FastifyReply) => {
  request.actor =
    (await authenticate(deps, {
      apiToken: bearer(request),
      sessionToken: request.cookies[SESSION_COOKIE],
    })) ?? null;
};

export const requireActor = (request: FastifyRequest): Actor => {
  if (!request.actor) throw new AppError('AUTH.UNAUTHENTICATED');
  return request.actor;
};
