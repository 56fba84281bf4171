import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resetUserPassword } from '../application/auth/passwords.ts';
import type { Deps } from '../application/ports/index.ts';
import { createUser, listUsers, updateUser } from '../application/users/manage-users.ts';
import { requireActor } from './auth-hook.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { noContent, pageOf } from './responses.schemas.ts';
import { createUserBody, resetPasswordBody, updateUserBody, userOut } from './users.schemas.ts';

export const userRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Utilisateurs'];
    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'Lister les utilisateurs du cabinet',
          querystring: pageQuery,
          response: { 200: pageOf(userOut) },
        },
      },
      async (request) => pageOfList(await listUsers(deps, requireActor(request)), request.query),
    );
    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: 'Créer un utilisateur (associé)',
          body: createUserBody,
          response: { 201: userOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUser(deps, requireActor(request), request.body)),
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary:
            'Modifier un utilisateur (associé) ; chacun peut modifier sa civilité et sa qualité de signataire',
          params: idParam,
          body: updateUserBody,
          response: { 200: userOut },
        },
      },
      (request) => {
        const { version, ...fields } = request.body;
        return updateUser(deps, requireActor(request), { userId: request.params.id, version, fields });
      },
    );
    app.post(
      '/users/:id/password',
      {
        schema: {
          tags,
          summary: 'Réinitialiser le mot de passe d’un utilisateur (associé) ; ses sessions prennent fin',
          params: idParam,
          body: resetPasswordBody,
          response: { 204: noContent('Mot de passe réinitialisé') },
        },
      },
      async (request, reply) => {
        await resetUserPassword(deps, requireActor(request), {
          userId: request.params.id,
          newPassword: request.body.newPassword,
        });
        return reply.status(204).send();
      },
    );
  };
