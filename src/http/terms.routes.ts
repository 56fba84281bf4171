import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../application/ports/index.ts';
import { getCurrentTerms, getTerms, listTerms, publishTerms } from '../application/terms/manage-terms.ts';
import { requireActor } from './auth-hook.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { pageOf } from './responses.schemas.ts';
import { publishTermsBody, termsOut, termsSummaryOut } from './terms.schemas.ts';

export const termsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Conditions générales'];
    app.get(
      '/terms',
      {
        schema: {
          tags,
          summary: 'Lister les versions des conditions générales (la plus récente d’abord)',
          querystring: pageQuery,
          response: { 200: pageOf(termsSummaryOut) },
        },
      },
      async (request) => pageOfList(await listTerms(deps, requireActor(request)), request.query),
    );
    app.get(
      '/terms/current',
      {
        schema: {
          tags,
          summary: 'Lire la version des conditions générales en vigueur aujourd’hui',
          response: { 200: termsOut },
        },
      },
      (request) => getCurrentTerms(deps, requireActor(request)),
    );
    app.get(
      '/terms/:id',
      {
        schema: {
          tags,
          summary: 'Lire une version des conditions générales',
          params: idParam,
          response: { 200: termsOut },
        },
      },
      (request) => getTerms(deps, requireActor(request), { termsId: request.params.id }),
    );
    app.post(
      '/terms',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Publier une nouvelle version des conditions générales (associé)',
          description:
            'Le numéro de version est attribué par le serveur (le précédent plus un). Une version publiée ne se modifie plus.',
          body: publishTermsBody,
          response: { 201: termsOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await publishTerms(deps, requireActor(request), request.body)),
    );
  };
