import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, assertCanWrite, assertMayManageAccounts } from '../application/actor.ts';
import { AppError } from '../application/app-error.ts';
import { authenticate } from '../application/auth/sessions.ts';
import type { Deps } from '../application/ports/index.ts';

export const SESSION_COOKIE = 'lettrine_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The API token of `Authorization: Bearer …`, if the request carries one. */
export const bearer = (request: Pick<FastifyRequest, 'headers'>): string | undefined => {
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

const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  // Who is signed in, if anyone: null rather than 401, so the app's first request never fails.
  'GET /api/v1/auth/session',
]);
/** Writes any signed-in user may make, lecture included: they concern the caller's own account. */
const OWN_ACCOUNT_WRITES = new Set(['POST /api/v1/auth/password']);
/** Tokens, users and passwords: an API token needs the `admin` scope (a session, its role only). */
const ACCOUNT_WRITES = new Set([
  'POST /api/v1/api-tokens',
  'DELETE /api/v1/api-tokens/:id',
  'POST /api/v1/users',
  'PATCH /api/v1/users/:id',
  'POST /api/v1/users/:id/password',
  'POST /api/v1/auth/password',
]);
const READS = new Set(['GET', 'HEAD']);

/**
 * Who may call a route is settled before its input is read: an anonymous caller gets 401, a
 * `lecture` user or a read-only API token 403 on any write but to their own account, and a token
 * without the `admin` scope 403 on tokens, users and passwords, whatever the body, so a refusal never
 * leaks validation details.
 * The use cases check the same rules again (roles beyond `lecture` are theirs alone).
 */
export const guardAccess = async (request: FastifyRequest) => {
  const route = `${request.method} ${request.routeOptions.url}`;
  if (PUBLIC_ROUTES.has(route)) return;
  const actor = requireActor(request);
  if (!READS.has(request.method) && !OWN_ACCOUNT_WRITES.has(route)) assertCanWrite(actor);
  if (ACCOUNT_WRITES.has(route)) assertMayManageAccounts(actor);
};
