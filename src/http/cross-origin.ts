import type { FastifyRequest } from 'fastify';
import { AppError } from '../application/app-error.ts';
import { bearer, SESSION_COOKIE } from './auth-hook.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const urlOf = (text: string): URL | undefined => {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
};

/**
 * Whether a write comes from another site. A browser says where a request comes from: `Origin` on
 * every cross-origin POST, PUT, PATCH and DELETE (a form or a `text/plain` fetch included), and
 * `Sec-Fetch-Site` in every current browser. A request carrying neither is not a browser's (curl, a
 * server, the tests), and a browser's session cookie cannot have been sent by it without them.
 */
export const isCrossSiteWrite = (
  request: Pick<FastifyRequest, 'method' | 'headers' | 'host'>,
  publicOrigin: string | undefined,
): boolean => {
  if (SAFE_METHODS.has(request.method)) return false;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const from = urlOf(origin);
  if (!from) return true;
  // The same host as the request's (read with the origin's scheme, so a default port compares
  // equal), or the address clients open from their mails (PUBLIC_URL), behind a proxy that renames.
  const ours = urlOf(`${from.protocol}//${request.host}`)?.host;
  return from.host !== ours && from.origin !== publicOrigin;
};

/**
 * Cross-site request forgery: a write authenticated by the session cookie (not by an API token,
 * which a browser never adds by itself) is refused when it comes from another site. The login is
 * checked too, so another site cannot sign a browser in to an account of its choosing.
 */
export const refuseCrossSiteWrites = (publicUrl: string) => {
  const publicOrigin = urlOf(publicUrl)?.origin;
  return async (request: FastifyRequest) => {
    if (bearer(request)) return;
    const byCookie =
      request.cookies[SESSION_COOKIE] !== undefined || request.url.startsWith('/api/v1/auth/login');
    if (byCookie && isCrossSiteWrite(request, publicOrigin)) throw new AppError('AUTH.CROSS_SITE_REQUEST');
  };
};
