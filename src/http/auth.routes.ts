import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../application/app-error.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../application/auth/api-tokens.ts';
import { changeOwnPassword } from '../application/auth/passwords.ts';
import { login, logout } from '../application/auth/sessions.ts';
import type { Deps } from '../application/ports/index.ts';
import {
  apiTokenOut,
  changePasswordBody,
  createApiTokenBody,
  createdApiTokenOut,
  loginBody,
  sessionOut,
  sessionUserOut,
} from './auth.schemas.ts';
import { requireActor, SESSION_COOKIE } from './auth-hook.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { noContent, pageOf } from './responses.schemas.ts';

export const authRoutes =
  (deps: Deps, options: { secureCookies: boolean; loginAttemptsPerMinute: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Connexion'];
    const loginRateLimit = {
      max: options.loginAttemptsPerMinute,
      timeWindow: 60_000,
      // Per address and e-mail: guessing one account's password is slowed down, while a whole
      // office behind one address still logs in.
      keyGenerator: (request: FastifyRequest) =>
        `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
      errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
        new AppError('AUTH.TOO_MANY_ATTEMPTS', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
    };
    app.post(
      '/auth/login',
      {
        schema: { tags, summary: 'Se connecter', body: loginBody, response: { 200: sessionOut } },
        config: { rateLimit: loginRateLimit },
      },
      async (request, reply) => {
        const session = await login(deps, request.body);
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          path: '/',
          expires: session.expiresAt,
        });
        return { user: session.user, expiresAt: session.expiresAt };
      },
    );
    app.post(
      '/auth/logout',
      { schema: { tags, summary: 'Se déconnecter', response: { 204: noContent('Session fermée') } } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token && request.actor) await logout(deps, request.actor, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
    app.post(
      '/auth/password',
      {
        schema: {
          tags,
          summary: 'Changer son mot de passe ; ses autres sessions prennent fin',
          body: changePasswordBody,
          response: { 204: noContent('Mot de passe changé') },
        },
        // Guessing the current password from a session left open is slowed down like a login.
        config: {
          rateLimit: {
            ...loginRateLimit,
            keyGenerator: (request: FastifyRequest) => `password|${request.actor?.userId ?? request.ip}`,
          },
        },
      },
      async (request, reply) => {
        await changeOwnPassword(deps, requireActor(request), {
          ...request.body,
          sessionToken: request.cookies[SESSION_COOKIE],
        });
        return reply.status(204).send();
      },
    );
    app.get(
      '/auth/me',
      { schema: { tags, summary: 'L’utilisateur connecté', response: { 200: sessionUserOut } } },
      (request) => {
        const { userId, firmId, name, role } = requireActor(request);
        return { id: userId, firmId, name, role };
      },
    );

    app.get(
      '/api-tokens',
      {
        schema: {
          tags,
          summary: 'Jetons d’API actifs',
          querystring: pageQuery,
          response: { 200: pageOf(apiTokenOut) },
        },
      },
      async (request) => pageOfList(await listApiTokens(deps, requireActor(request)), request.query),
    );
    app.post(
      '/api-tokens',
      {
        schema: {
          tags,
          summary: 'Créer un jeton d’API (affiché une seule fois)',
          body: createApiTokenBody,
          response: { 201: createdApiTokenOut },
        },
      },
      async (request, reply) => {
        const created = await createApiToken(deps, requireActor(request), request.body);
        // A token just made has never been used: it reads like one of the list, plus its secret.
        return reply.status(201).send({ ...created, lastUsedAt: null });
      },
    );
    app.delete(
      '/api-tokens/:id',
      {
        schema: {
          tags,
          summary: 'Révoquer un jeton',
          params: idParam,
          response: { 204: noContent('Jeton révoqué') },
        },
      },
      async (request, reply) => {
        await revokeApiToken(deps, requireActor(request), { tokenId: request.params.id });
        return reply.status(204).send();
      },
    );
  };
