import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../application/ports/index.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  listWebhookEventTypes,
  replayWebhookDelivery,
  updateWebhookEndpoint,
} from '../application/webhooks/manage-webhooks.ts';
import { requireActor } from './auth-hook.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { noContent, pageOf } from './responses.schemas.ts';
import {
  createdWebhookOut,
  createWebhookBody,
  deliveriesQuery,
  updateWebhookBody,
  webhookDeliveryOut,
  webhookEventTypeOut,
  webhookOut,
} from './webhooks.schemas.ts';

export const webhookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Webhooks'];
    app.get(
      '/webhook-event-types',
      {
        schema: {
          tags,
          summary: 'Lister les événements auxquels un webhook peut s’abonner',
          querystring: pageQuery,
          response: { 200: pageOf(webhookEventTypeOut) },
        },
      },
      (request) => pageOfList(listWebhookEventTypes(), request.query),
    );
    app.get(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'Lister les webhooks du cabinet (associé)',
          querystring: pageQuery,
          response: { 200: pageOf(webhookOut) },
        },
      },
      async (request) => pageOfList(await listWebhookEndpoints(deps, requireActor(request)), request.query),
    );
    // No Idempotency-Key here: the stored answer would keep the secret for a day (as for API tokens).
    app.post(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'Créer un webhook (associé) ; son secret de signature est affiché une seule fois',
          body: createWebhookBody,
          response: { 201: createdWebhookOut },
        },
      },
      async (request, reply) => {
        const { endpoint, secret } = await createWebhookEndpoint(deps, requireActor(request), request.body);
        return reply.status(201).send({ ...endpoint, secret });
      },
    );
    app.patch(
      '/webhooks/:id',
      {
        schema: {
          tags,
          summary:
            'Modifier l’adresse, la description, les événements ou l’activation d’un webhook (associé)',
          params: idParam,
          body: updateWebhookBody,
          response: { 200: webhookOut },
        },
      },
      (request) => {
        const { version, ...fields } = request.body;
        return updateWebhookEndpoint(deps, requireActor(request), {
          endpointId: request.params.id,
          version,
          fields,
        });
      },
    );
    app.delete(
      '/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Supprimer un webhook et son journal de livraisons (associé)',
          params: idParam,
          response: { 204: noContent('Webhook supprimé') },
        },
      },
      async (request, reply) => {
        await deleteWebhookEndpoint(deps, requireActor(request), { endpointId: request.params.id });
        return reply.status(204).send();
      },
    );
    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: 'Journal des livraisons d’un webhook, la plus récente d’abord (associé)',
          params: idParam,
          querystring: deliveriesQuery,
          response: { 200: pageOf(webhookDeliveryOut) },
        },
      },
      (request) =>
        listWebhookDeliveries(deps, requireActor(request), {
          endpointId: request.params.id,
          ...request.query,
        }),
    );
    app.get(
      '/webhook-deliveries',
      {
        schema: {
          tags,
          summary: 'Journal des livraisons de tous les webhooks, la plus récente d’abord (associé)',
          querystring: deliveriesQuery,
          response: { 200: pageOf(webhookDeliveryOut) },
        },
      },
      (request) => listWebhookDeliveries(deps, requireActor(request), request.query),
    );
    app.post(
      '/webhook-deliveries/:id/replay',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Rejouer une livraison : le même événement est envoyé à nouveau (associé)',
          description:
            'Crée une nouvelle livraison (replayOf = la livraison rejouée), envoyée en arrière-plan. Une livraison ne se rejoue qu’une fois : rejouez la plus récente.',
          params: idParam,
          response: { 202: webhookDeliveryOut },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await replayWebhookDelivery(deps, requireActor(request), { deliveryId: request.params.id })),
    );
  };
