import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createService,
  getService,
  listServices,
  setServiceArchived,
  updateService,
} from '../application/catalogue/manage-services.ts';
import { revalueCatalogue } from '../application/catalogue/revalue-catalogue.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import { idParam } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { pageOf } from './responses.schemas.ts';
import {
  archiveBody,
  createServiceBody,
  revaluationOut,
  revalueBody,
  serviceListQuery,
  serviceOut,
  serviceViewOut,
  updateServiceBody,
} from './services.schemas.ts';

export const serviceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Catalogue'];
    app.get(
      '/services',
      {
        schema: {
          tags,
          summary: 'Lister les missions du catalogue',
          querystring: serviceListQuery,
          response: { 200: pageOf(serviceOut) },
        },
      },
      async (request) => {
        const { page, pageSize, includeArchived } = request.query;
        return pageOfList(await listServices(deps, requireActor(request), { includeArchived }), {
          page,
          pageSize,
        });
      },
    );
    app.get(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'Lire une mission et l’historique de ses prix',
          params: idParam,
          response: { 200: serviceViewOut },
        },
      },
      async (request) => {
        const { priceHistory, ...service } = await getService(deps, requireActor(request), {
          serviceId: request.params.id,
        });
        return { service, priceHistory };
      },
    );
    app.post(
      '/services',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Créer une mission (associé)',
          body: createServiceBody,
          response: { 201: serviceOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createService(deps, requireActor(request), request.body)),
    );
    app.patch(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'Modifier une mission (associé)',
          params: idParam,
          body: updateServiceBody,
          response: { 200: serviceOut },
        },
      },
      (request) => {
        const { version, ...fields } = request.body;
        return updateService(deps, requireActor(request), { serviceId: request.params.id, version, fields });
      },
    );
    for (const [action, archived] of [
      ['archive', true],
      ['unarchive', false],
    ] as const) {
      app.post(
        `/services/:id/${action}`,
        {
          schema: {
            tags,
            summary: archived ? 'Archiver une mission (associé)' : 'Réactiver une mission archivée (associé)',
            params: idParam,
            body: archiveBody,
            response: { 200: serviceOut },
          },
        },
        (request) =>
          setServiceArchived(deps, requireActor(request), {
            serviceId: request.params.id,
            archived,
            version: request.body?.version,
          }),
      );
    }
    app.post(
      '/services/revalue',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Réévaluer tout le catalogue par un coefficient (associé)',
          description:
            'Applique le coefficient au prix de chaque mission active (arrondi au centime ou à l’euro), dans une seule transaction ; les anciens prix restent dans l’historique. Un coefficient inférieur à 1 ou supérieur à 1,5 demande confirm: true. dryRun: true calcule l’avant/après sans rien écrire.',
          body: revalueBody,
          response: { 200: revaluationOut },
        },
      },
      async (request, reply) =>
        reply.status(200).send(await revalueCatalogue(deps, requireActor(request), request.body)),
    );
  };
