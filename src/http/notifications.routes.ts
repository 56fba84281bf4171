import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listMyNotifications, markMyNotificationsRead } from '../application/notifications/notifications.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import { pageQuery } from './fields.schemas.ts';
import { markReadBody, notificationsOut, unreadOut } from './notifications.schemas.ts';
import { pageOfList } from './pages.ts';

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
            'Mes notifications : documents signés, refusés ou expirés dont je suis responsable, auteur ou signataire',
          querystring: pageQuery,
          response: { 200: notificationsOut },
        },
      },
      async (request) => {
        const { unread, items } = await listMyNotifications(deps, requireActor(request));
        return { ...pageOfList(items, request.query), unread };
      },
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
