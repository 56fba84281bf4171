import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../application/app-error.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../application/auth/api-tokens.ts';
import { changeOwnPassword } from '../application/auth/passwords.ts';
import { login, logout } from '../application/auth/sessions.ts';
import type { Deps } from '../application/ports.ts';
import { requireActor, SESSION_COOKIE } from './auth-hook.ts';
import { frenchObject, idParam, text } from './fields.schemas.ts';
import { newPasswordField } from './users.schemas.ts';

const loginBody = z.strictObject({
  email: z.email({ error: 'Adresse e-mail invalide.' }),
  password: z.string().min(1).max(200),
  firm: z.string().max(100).optional(),
});

const changePasswordBody = frenchObject({
  currentPassword: z
    .string({ error: 'Mot de passe actuel attendu.' })
    .min(1, { error: 'Mot de passe actuel attendu.' })
    .max(200, { error: 'Mot de passe trop long : 200 caractères au plus.' }),
  newPassword: newPasswordField,
});

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
      { schema: { tags, summary: 'Se connecter', body: loginBody }, config: { rateLimit: loginRateLimit } },
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
    app.post('/auth/logout', { schema: { tags, summary: 'Se déconnecter' } }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.actor) await logout(deps, request.actor, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });
    app.post(
      '/auth/password',
      {
        schema: {
          tags,
          summary: 'Changer son mot de passe ; ses autres sessions prennent fin',
          body: changePasswordBody,
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
    app.get('/auth/me', { schema: { tags, summary: 'L’utilisateur connecté' } }, (request) =>
      requireActor(request),
    );

    app.get('/api-tokens', { schema: { tags, summary: 'Jetons d’API actifs' } }, (request) =>
      listApiTokens(deps, requireActor(request)),
    );
    app.post(
      '/api-tokens',
      {
        schema: {
          tags,
          summary: 'Créer un jeton d’API (affiché une seule fois)',
          body: z.strictObject({ name: text(100) }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApiToken(deps, requireActor(request), request.body)),
    );
    app.delete(
      '/api-tokens/:id',
      { schema: { tags, summary: 'Révoquer un jeton', params: idParam } },
      async (request, reply) => {
        await revokeApiToken(deps, requireActor(request), { tokenId: request.params.id });
        return reply.status(204).send();
      },
    );
  };
