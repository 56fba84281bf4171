import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BRIDGE_CSV_HEADER,
  bridgeCsvRows,
  REVENUE_CSV_HEADER,
  revenueCsvRows,
  SCHEDULE_CSV_HEADER,
  scheduleCsvRows,
} from '../application/billing/billing-csv.ts';
import {
  firmScheduleEntries,
  getEngagementSchedule,
  getFirmSchedule,
} from '../application/billing/billing-schedule.ts';
import { markMonthExported } from '../application/billing/export-month.ts';
import { markLineDone } from '../application/billing/mark-line-done.ts';
import { getRecurringRevenue, getRevenueBridge } from '../application/billing/recurring-revenue.ts';
import {
  getTermination,
  listTerminations,
  terminateLetter,
} from '../application/billing/terminate-letter.ts';
import {
  prepareTerminationLetter,
  sendTerminationByRegisteredMail,
} from '../application/billing/termination-letter.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import {
  bridgeOut,
  dateQuery,
  dateRangeQuery,
  exportBody,
  firmScheduleOut,
  firmScheduleQuery,
  lineDoneBody,
  lineDoneOut,
  lineParams,
  monthExportOut,
  monthRangeQuery,
  registeredMailBody,
  revenueOut,
  scheduleOut,
  terminateBody,
  terminationOut,
} from './billing.schemas.ts';
import { contentDisposition } from './content-disposition.ts';
import { sendCsv, sendCsvStream } from './csv.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import { pageOf } from './responses.schemas.ts';

/** After the signature (R-G1 to R-G4): terminations, the billing schedule, recurring revenue. */
export const billingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Facturation'];
    app.post(
      '/documents/:id/terminate',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Dénoncer ou résilier une lettre de mission en vigueur (R-G1)',
          params: idParam,
          body: terminateBody,
          response: { 201: terminationOut },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const termination = await terminateLetter(deps, actor, {
          letterId: request.params.id,
          ...request.body,
        });
        return reply.status(201).send(await getTermination(deps, actor, { terminationId: termination.id }));
      },
    );
    app.post(
      '/terminations/:id/letter',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Préparer la lettre de fin de mission d’une résiliation (R-G1)',
          description:
            'Pour une fin de mission enregistrée sans lettre, ou dont la lettre a été annulée ; sinon, répond la lettre existante.',
          params: idParam,
          response: { 201: terminationOut },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await prepareTerminationLetter(deps, actor, { terminationId: request.params.id });
        return reply
          .status(201)
          .send(await getTermination(deps, actor, { terminationId: request.params.id }));
      },
    );
    app.post(
      '/documents/:id/registered-mail',
      {
        schema: {
          tags,
          summary: 'Enregistrer l’envoi en recommandé d’une lettre de fin de mission (R-G1)',
          description:
            'Numérote et fige la lettre de fin de mission (son PDF mentionne le recommandé et en est la copie), sans demande de signature.',
          params: idParam,
          body: registeredMailBody,
          response: { 200: terminationOut },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await sendTerminationByRegisteredMail(deps, actor, {
          documentId: request.params.id,
          ...request.body,
        });
        return getTermination(deps, actor, { terminationDocumentId: request.params.id });
      },
    );
    app.get(
      '/engagements/:id/terminations',
      {
        schema: {
          tags,
          summary: 'Les fins de mission d’une affaire',
          params: idParam,
          querystring: pageQuery,
          response: { 200: pageOf(terminationOut) },
        },
      },
      async (request) =>
        pageOfList(
          await listTerminations(deps, requireActor(request), { engagementId: request.params.id }),
          request.query,
        ),
    );
    app.post(
      '/documents/:id/lines/:lineId/done',
      {
        schema: {
          tags,
          summary: 'Marquer réalisée une prestation ponctuelle : elle est facturée le mois de ce jour (R-G2)',
          params: lineParams,
          body: lineDoneBody,
          response: { 200: lineDoneOut },
        },
      },
      (request) =>
        markLineDone(deps, requireActor(request), {
          documentId: request.params.id,
          lineId: request.params.lineId,
          doneOn: request.body?.doneOn,
        }),
    );
    app.get(
      '/engagements/:id/schedule',
      {
        schema: {
          tags,
          summary: 'L’échéancier d’une affaire, mois par mois (R-G2, R-G3)',
          params: idParam,
          querystring: monthRangeQuery,
          response: { 200: scheduleOut },
        },
      },
      (request) =>
        getEngagementSchedule(deps, requireActor(request), {
          engagementId: request.params.id,
          ...request.query,
        }),
    );
    app.get(
      '/billing/schedule',
      {
        schema: {
          tags,
          summary:
            'L’échéancier du cabinet : les totaux de chaque mois (HT par taux de TVA, TVA, TTC) et une page des échéances',
          querystring: firmScheduleQuery,
          response: { 200: firmScheduleOut },
        },
      },
      (request) => getFirmSchedule(deps, requireActor(request), request.query),
    );
    app.get(
      '/billing/schedule.csv',
      {
        schema: {
          tags,
          summary:
            'L’échéancier en CSV pour le logiciel de facturation, toutes les échéances (point-virgule, virgule décimale, UTF-8 avec BOM)',
          querystring: monthRangeQuery,
        },
      },
      async (request, reply) => {
        const schedule = await firmScheduleEntries(deps, requireActor(request), request.query);
        return sendCsvStream(reply, {
          fileName: `echeancier-${schedule.from}-${schedule.to}.csv`,
          header: SCHEDULE_CSV_HEADER,
          batches: (function* () {
            for (const entries of schedule.months()) yield scheduleCsvRows(entries);
          })(),
        });
      },
    );
    app.get(
      '/billing/schedule.json',
      {
        schema: {
          tags,
          summary:
            'Toutes les échéances du cabinet en JSON, mois par mois (un fichier : { from, to, entries })',
          querystring: monthRangeQuery,
        },
      },
      async (request, reply) => {
        const schedule = await firmScheduleEntries(deps, requireActor(request), request.query);
        function* chunks() {
          yield `{"from":${JSON.stringify(schedule.from)},"to":${JSON.stringify(schedule.to)},"entries":[`;
          let first = true;
          for (const entries of schedule.months()) {
            if (entries.length === 0) continue;
            yield `${first ? '' : ','}${entries.map((entry) => JSON.stringify(entry)).join(',')}`;
            first = false;
          }
          yield ']}';
        }
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header(
            'content-disposition',
            contentDisposition('attachment', `echeancier-${schedule.from}-${schedule.to}.json`),
          )
          .send(Readable.from(chunks()));
      },
    );
    app.post(
      '/billing/exports',
      {
        schema: {
          tags,
          summary:
            'Marquer un mois comme transmis à la facturation : un changement ultérieur sera une régularisation',
          body: exportBody,
          response: { 200: monthExportOut },
        },
      },
      (request) => markMonthExported(deps, requireActor(request), request.body),
    );
    app.get(
      '/billing/recurring-revenue',
      {
        schema: {
          tags,
          summary: 'Les honoraires récurrents annuels HT en vigueur à une date (R-G4)',
          querystring: dateQuery,
          response: { 200: revenueOut },
        },
      },
      (request) => getRecurringRevenue(deps, requireActor(request), request.query),
    );
    app.get(
      '/billing/recurring-revenue.csv',
      { schema: { tags, summary: 'Les honoraires récurrents par client, en CSV', querystring: dateQuery } },
      async (request, reply) => {
        const revenue = await getRecurringRevenue(deps, requireActor(request), request.query);
        return sendCsv(reply, {
          fileName: `honoraires-${revenue.date}.csv`,
          header: REVENUE_CSV_HEADER,
          rows: revenueCsvRows(revenue),
        });
      },
    );
    app.get(
      '/billing/revenue-bridge',
      {
        schema: {
          tags,
          summary: 'Le pont des honoraires récurrents entre deux dates (R-G4)',
          querystring: dateRangeQuery,
          response: { 200: bridgeOut },
        },
      },
      (request) => getRevenueBridge(deps, requireActor(request), request.query),
    );
    app.get(
      '/billing/revenue-bridge.csv',
      { schema: { tags, summary: 'Le pont des honoraires récurrents, en CSV', querystring: dateRangeQuery } },
      async (request, reply) => {
        const bridge = await getRevenueBridge(deps, requireActor(request), request.query);
        return sendCsv(reply, {
          fileName: `pont-honoraires-${bridge.from}-${bridge.to}.csv`,
          header: BRIDGE_CSV_HEADER,
          rows: bridgeCsvRows(bridge),
        });
      },
    );
  };
