import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../application/actor.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../application/auth/api-tokens.ts';
import { confirmPasswordReset, requestPasswordReset } from '../application/auth/password-reset.ts';
import { changeOwnPassword } from '../application/auth/passwords.ts';
import { login, logout } from '../application/auth/sessions.ts';
import type { Deps } from '../application/ports/index.ts';
import {
  apiTokenOut,
  changePasswordBody,
  createApiTokenBody,
  createdApiTokenOut,
  loginBody,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  passwordResetRequestedOut,
  sessionOut,
  sessionUserOut,
} from './auth.schemas.ts';
import { requireActor, SESSION_COOKIE } from './auth-hook.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { noContent, pageOf } from './responses.schemas.ts';

/** What POST /auth/password-reset answers, whether an account has the e-mail or not. */
export const PASSWORD_RESET_REQUESTED =
  'Si un compte actif utilise cette adresse, un courriel vient de lui être envoyé avec un lien valable une heure pour choisir un nouveau mot de passe.';

/** Who is signed in, as /auth/me and /auth/session say it. */
const sessionUserOf = ({ userId, firmId, name, role }: Actor) => ({ id: userId, firmId, name, role });

/**
 * Signing in and out, one's password, the « Mot de passe oublié ? » links and the API tokens. The
 * limits on logins and resets are the use cases' (application/auth/limits.ts), counted in the
 * database so that every server process shares them; the client's address is `request.ip`.
 */
export const authRoutes =
  (deps: Deps, options: { secureCookies: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Connexion'];
    app.post(
      '/auth/login',
      { schema: { tags, summary: 'Se connecter', body: loginBody, response: { 200: sessionOut } } },
      async (request, reply) => {
        const session = await login(deps, { ...request.body, address: request.ip });
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
          summary: 'Changer son mot de passe ; ses autres sessions et ses jetons d’API prennent fin',
          body: changePasswordBody,
          response: { 204: noContent('Mot de passe changé') },
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
    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          summary:
            'Mot de passe oublié : recevoir un lien par courriel (même réponse si l’adresse est inconnue)',
          body: passwordResetRequestBody,
          response: { 202: passwordResetRequestedOut },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, { ...request.body, address: request.ip });
        return reply.status(202).send({ message: PASSWORD_RESET_REQUESTED });
      },
    );
    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary:
            'Choisir un nouveau mot de passe avec le lien reçu ; sessions et jetons d’API prennent fin',
          body: passwordResetConfirmBody,
          response: { 204: noContent('Mot de passe changé') },
        },
      },
      async (request, reply) => {
        await confirmPasswordReset(deps, request.body);
        return reply.status(204).send();
      },
    );
    app.get(
      '/auth/me',
      { schema: { tags, summary: 'L’utilisateur connecté', response: { 200: sessionUserOut } } },
      (request) => sessionUserOf(requireActor(request)),
    );

    app.get(
      '/auth/session',
      {
        schema: {
          tags,
          summary:
            'La session en cours : l’utilisateur connecté, ou null sans session (jamais 401, l’application la consulte au chargement)',
          response: { 200: sessionUserOut.nullable() },
        },
      },
      (request) => (request.actor ? sessionUserOf(request.actor) : null),
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
