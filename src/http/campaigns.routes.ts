import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { startCampaignGeneration } from '../application/campaigns/generate-campaign.ts';
import {
  type CampaignView,
  createCampaign,
  getCampaign,
  getCampaignProgress,
  listCampaignItems,
  listCampaigns,
  updateCampaign,
} from '../application/campaigns/manage-campaigns.ts';
import {
  PREVIEW_CSV_HEADER,
  pagePreviewClients,
  previewCampaign,
  previewCsvRows,
} from '../application/campaigns/preview-campaign.ts';
import {
  listNoticeDeadlines,
  listOutdatedTerms,
  summarizeRecurringFees,
} from '../application/campaigns/renewal-lists.ts';
import { startCampaignSending } from '../application/campaigns/send-campaign.ts';
import {
  countCampaignLettersToSign,
  signCampaignLetters,
} from '../application/campaigns/sign-campaign-letters.ts';
import type { Deps } from '../application/ports/index.ts';
import type { CampaignProgress } from '../application/records.ts';
import { isCampaignRunning } from '../domain/renewal/campaign-lifecycle.ts';
import { requireActor } from './auth-hook.ts';
import {
  campaignItemOut,
  campaignOut,
  campaignSigningCountOut,
  campaignSigningOut,
  campaignSigningQuery,
  campaignsQuery,
  createCampaignBody,
  itemsQuery,
  noticeDeadlinesOut,
  noticeDeadlinesQuery,
  outdatedTermsOut,
  outdatedTermsQuery,
  previewOut,
  previewQuery,
  recurringFeesOut,
  updateCampaignBody,
} from './campaigns.schemas.ts';
import { sendCsv } from './csv.ts';
import { streamChanges } from './event-stream.ts';
import { idParam } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { pageOf } from './responses.schemas.ts';

const presentProgress = ({ send_failed: sendFailed, ...counts }: CampaignProgress) => ({
  ...counts,
  sendFailed,
});
const present = (view: CampaignView) => ({ ...view, progress: presentProgress(view.progress) });

export const campaignRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Campagnes de renouvellement'];
    app.get(
      '/campaigns',
      {
        schema: {
          tags,
          summary: 'Lister les campagnes de renouvellement du cabinet',
          querystring: campaignsQuery,
          response: { 200: pageOf(campaignOut) },
        },
      },
      async (request) =>
        pageOfList((await listCampaigns(deps, requireActor(request))).map(present), request.query),
    );
    app.post(
      '/campaigns',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Créer une campagne de renouvellement (brouillon) : sélection, réévaluation, dates',
          body: createCampaignBody,
          response: { 201: campaignOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(present(await createCampaign(deps, requireActor(request), request.body))),
    );
    app.get(
      '/campaigns/:id',
      {
        schema: {
          tags,
          summary:
            'Lire une campagne : réglages, avancement et suivi (signées, refusées, honoraires sécurisés)',
          params: idParam,
          response: { 200: campaignOut },
        },
      },
      async (request) => present(await getCampaign(deps, requireActor(request), request.params.id)),
    );
    app.patch(
      '/campaigns/:id',
      {
        schema: {
          tags,
          summary: 'Modifier le nom ou les réglages d’une campagne encore en brouillon',
          params: idParam,
          body: updateCampaignBody,
          response: { 200: campaignOut },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return present(
          await updateCampaign(deps, requireActor(request), {
            ...changes,
            id: request.params.id,
            expectedVersion: version,
          }),
        );
      },
    );
    app.get(
      '/campaigns/:id/preview',
      {
        schema: {
          tags,
          summary:
            'Aperçu avant génération : honoraires avant/après par client, totaux, répartition, clients écartés',
          params: idParam,
          querystring: previewQuery,
          response: { 200: previewOut },
        },
      },
      async (request) => {
        const preview = await previewCampaign(deps, requireActor(request), request.params.id);
        return { summary: preview.summary, clients: pagePreviewClients(preview.clients, request.query) };
      },
    );
    app.get(
      '/campaigns/:id/preview.csv',
      {
        schema: {
          tags,
          summary: 'L’aperçu en CSV (séparateur point-virgule, montants à la française)',
          params: idParam,
        },
      },
      async (request, reply) => {
        const preview = await previewCampaign(deps, requireActor(request), request.params.id);
        return sendCsv(reply, {
          fileName: `apercu-campagne-${preview.campaign.id.slice(0, 8)}.csv`,
          header: PREVIEW_CSV_HEADER,
          rows: previewCsvRows(preview),
        });
      },
    );
    app.post(
      '/campaigns/:id/generate',
      {
        schema: {
          tags,
          summary:
            'Générer les lettres de mission substitutives, en tâche de fond (sans effet si déjà lancée)',
          params: idParam,
          response: { 202: campaignOut },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            present(await startCampaignGeneration(deps, requireActor(request), { id: request.params.id })),
          ),
    );
    app.post(
      '/campaigns/:id/send',
      {
        schema: {
          tags,
          summary:
            'Envoyer en signature toutes les lettres générées, en tâche de fond (sans effet si déjà lancé)',
          params: idParam,
          response: { 202: campaignOut },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(present(await startCampaignSending(deps, requireActor(request), { id: request.params.id }))),
    );
    app.get(
      '/campaigns/:id/firm-signature',
      {
        schema: {
          tags,
          summary: 'Combien de lettres de la campagne attendent la signature du cabinet',
          params: idParam,
          response: { 200: campaignSigningCountOut },
        },
      },
      (request) => countCampaignLettersToSign(deps, requireActor(request), { id: request.params.id }),
    );
    app.post(
      '/campaigns/:id/firm-signature',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary:
            'Signer pour le cabinet, en une fois, les lettres envoyées de la campagne qu’il revient à l’associé de signer (chacune sa signature et ses preuves ; rappelable avec after = next jusqu’à next = null)',
          params: idParam,
          querystring: campaignSigningQuery,
          response: { 200: campaignSigningOut },
        },
      },
      (request) =>
        signCampaignLetters(deps, requireActor(request), {
          id: request.params.id,
          ...(request.query.after === undefined ? {} : { after: request.query.after }),
          evidence: {
            ip: request.ip ?? null,
            userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
          },
        }),
    );
    app.get(
      '/campaigns/:id/items',
      {
        schema: {
          tags,
          summary:
            'Les clients de la campagne : lettre générée, envoi (et ce qui manque), signature ou refus',
          params: idParam,
          querystring: itemsQuery,
          response: { 200: pageOf(campaignItemOut) },
        },
      },
      (request) =>
        listCampaignItems(deps, requireActor(request), { id: request.params.id, ...request.query }),
    );
    app.get(
      '/campaigns/:id/events',
      {
        schema: {
          tags,
          summary:
            'Avancement en direct (text/event-stream) : un événement « progress » à chaque changement, jusqu’à la fin de la génération ou de l’envoi',
          params: idParam,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // The stream ends once neither the generation nor the sending is running.
        await streamChanges(request, reply, {
          read: () => getCampaignProgress(deps, actor, request.params.id),
          event: 'progress',
          data: ({ status, progress }) => ({ status, progress: presentProgress(progress) }),
          isFinal: ({ status }) => !isCampaignRunning(status),
          intervalMs: 500,
          keepAliveMs: 15_000,
          retryMs: 2_000,
        });
      },
    );
    app.get(
      '/renewals/outdated-terms',
      {
        schema: {
          tags,
          summary:
            'R-D6 : les clients dont la lettre en vigueur porte des conditions générales plus anciennes',
          querystring: outdatedTermsQuery,
          response: { 200: outdatedTermsOut },
        },
      },
      async (request) => {
        const { page, pageSize, below } = request.query;
        const { items, ...versions } = await listOutdatedTerms(deps, requireActor(request), { below });
        return { ...pageOfList(items, { page, pageSize }), ...versions };
      },
    );
    app.get(
      '/renewals/notice-deadlines',
      {
        schema: {
          tags,
          summary: 'Les lettres dont la date limite de préavis tombe dans les N prochains jours',
          querystring: noticeDeadlinesQuery,
          response: { 200: noticeDeadlinesOut },
        },
      },
      async (request) => {
        const { page, pageSize, days } = request.query;
        const { items } = await listNoticeDeadlines(deps, requireActor(request), { days });
        return pageOfList(items, { page, pageSize });
      },
    );
    app.get(
      '/portfolio/recurring-fees',
      {
        schema: {
          tags,
          summary: 'Les honoraires annuels récurrents en vigueur aujourd’hui, au total et par domaine',
          response: { 200: recurringFeesOut },
        },
      },
      (request) => summarizeRecurringFees(deps, requireActor(request)),
    );
  };
