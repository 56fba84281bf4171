import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listMyNotifications, markMyNotificationsRead } from '../application/notifications/notifications.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import { pageQuery } from './fields.schemas.ts';
import { markReadBody, notificationsOut, unreadOut } from './notifications.schemas.ts';

export const notificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Notifications'];
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary:
            'Mes notifications : documents signés, refusés ou expirés dont je suis responsable, auteur ou signataire (pageSize=1 pour le seul nombre de non lues)',
          querystring: pageQuery,
          response: { 200: notificationsOut },
        },
      },
      (request) => listMyNotifications(deps, requireActor(request), request.query),
    );
    app.post(
      '/notifications/read',
      {
        schema: {
          tags,
          summary: 'Marquer mes notifications lues (celles listées, ou toutes)',
          body: markReadBody,
          response: { 200: unreadOut },
        },
      },
      (request) =>
        markMyNotificationsRead(deps, requireActor(request), {
          ...(request.body?.ids ? { ids: request.body.ids } : {}),
        }),
    );
  };
