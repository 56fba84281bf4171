import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createCompany,
  createContact,
  getCompany,
  listCompanies,
  updateCompany,
  updateContact,
} from '../application/companies/manage-companies.ts';
import {
  convertEngagement,
  createEngagement,
  getEngagement,
  getScopeInForce,
  listEngagementHistory,
  listEngagements,
  updateEngagement,
} from '../application/engagements/manage-engagements.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import {
  companyBody,
  companyListQuery,
  companyPatchBody,
  contactBody,
  contactPatchBody,
  convertBody,
  createEngagementBody,
  engagementListQuery,
  scopeQuery,
  updateEngagementBody,
} from './engagements.schemas.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import {
  companyOut,
  companyViewOut,
  contactOut,
  engagementListItemOut,
  engagementOut,
  engagementViewOut,
  eventOut,
  pageOf,
  scopeOut,
} from './responses.schemas.ts';
export const engagementRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Affaires'];
    app.get(
      '/engagements',
      {
        schema: {
          tags,
          summary: 'Lister les affaires',
          querystring: engagementListQuery,
          response: { 200: pageOf(engagementListItemOut) },
        },
      },
      (request) => listEngagements(deps, requireActor(request), request.query),
    );
    app.post(
      '/engagements',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Créer une affaire prospect',
          body: createEngagementBody,
          response: { 201: engagementOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createEngagement(deps, requireActor(request), request.body)),
    );
    app.get(
      '/engagements/:id',
      {
        schema: { tags, summary: 'Lire une affaire', params: idParam, response: { 200: engagementViewOut } },
      },
      (request) => getEngagement(deps, requireActor(request), { engagementId: request.params.id }),
    );
    app.patch(
      '/engagements/:id',
      {
        schema: {
          tags,
          summary: 'Modifier une affaire',
          params: idParam,
          body: updateEngagementBody,
          response: { 200: engagementOut },
        },
      },
      (request) => {
        const { version, ...fields } = request.body;
        return updateEngagement(deps, requireActor(request), {
          engagementId: request.params.id,
          version,
          fields,
        });
      },
    );
    app.post(
      '/engagements/:id/convert',
      {
        schema: {
          tags,
          summary: 'Transformer une affaire prospect en dossier client',
          params: idParam,
          body: convertBody,
          response: { 200: engagementOut },
        },
      },
      (request) =>
        convertEngagement(deps, requireActor(request), { engagementId: request.params.id, ...request.body }),
    );
    app.get(
      '/engagements/:id/history',
      {
        schema: {
          tags,
          summary: 'Historique de l’affaire',
          params: idParam,
          querystring: pageQuery,
          response: { 200: pageOf(eventOut) },
        },
      },
      async (request) =>
        pageOfList(
          await listEngagementHistory(deps, requireActor(request), { engagementId: request.params.id }),
          request.query,
        ),
    );
    app.get(
      '/engagements/:id/scope',
      {
        schema: {
          tags,
          summary: 'Périmètre en vigueur à une date',
          params: idParam,
          querystring: scopeQuery,
          response: { 200: scopeOut },
        },
      },
      (request) =>
        getScopeInForce(deps, requireActor(request), { engagementId: request.params.id, ...request.query }),
    );
    const companyTags = ['Entreprises'];
    app.get(
      '/companies',
      {
        schema: {
          tags: companyTags,
          summary: 'Lister les entreprises',
          querystring: companyListQuery,
          response: { 200: pageOf(companyOut) },
        },
      },
      (request) => listCompanies(deps, requireActor(request), request.query),
    );
    app.post(
      '/companies',
      {
        config: { idempotent: true },
        schema: {
          tags: companyTags,
          summary: 'Créer une entreprise ou un particulier',
          body: companyBody,
          response: { 201: companyOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCompany(deps, requireActor(request), request.body)),
    );
    app.get(
      '/companies/:id',
      {
        schema: {
          tags: companyTags,
          summary: 'Lire une entreprise et ses contacts',
          params: idParam,
          response: { 200: companyViewOut },
        },
      },
      (request) => getCompany(deps, requireActor(request), { companyId: request.params.id }),
    );
    app.patch(
      '/companies/:id',
      {
        schema: {
          tags: companyTags,
          summary: 'Modifier une entreprise',
          params: idParam,
          body: companyPatchBody,
          response: { 200: companyOut },
        },
      },
      (request) => {
        const { version, ...fields } = request.body;
        return updateCompany(deps, requireActor(request), { companyId: request.params.id, version, fields });
      },
    );
    app.post(
      '/companies/:id/contacts',
      {
        config: { idempotent: true },
        schema: {
          tags: companyTags,
          summary: 'Ajouter un contact',
          params: idParam,
          body: contactBody,
          response: { 201: contactOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createContact(deps, requireActor(request), {
            companyId: request.params.id,
            contact: request.body,
          }),
        ),
    );
    app.patch(
      '/contacts/:id',
      {
        schema: {
          tags: companyTags,
          summary: 'Modifier un contact',
          params: idParam,
          body: contactPatchBody,
          response: { 200: contactOut },
        },
      },
      (request) => {
        const { version, ...fields } = request.body;
        return updateContact(deps, requireActor(request), { contactId: request.params.id, version, fields });
      },
    );
  };
