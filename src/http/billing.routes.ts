import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BRIDGE_CSV_HEADER,
  bridgeCsvRows,
  REVENUE_CSV_HEADER,
  revenueCsvRows,
  SCHEDULE_CSV_HEADER,
  scheduleCsvRows,
} from '../application/billing/billing-csv.ts';
import { getEngagementSchedule, getFirmSchedule } from '../application/billing/billing-schedule.ts';
import { markMonthExported } from '../application/billing/export-month.ts';
import { markLineDone } from '../application/billing/mark-line-done.ts';
import { getRecurringRevenue, getRevenueBridge } from '../application/billing/recurring-revenue.ts';
import { listTerminations, terminateLetter } from '../application/billing/terminate-letter.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import {
  bridgeOut,
  dateQuery,
  dateRangeQuery,
  exportBody,
  lineDoneBody,
  lineDoneOut,
  lineParams,
  monthExportOut,
  monthRangeQuery,
  revenueOut,
  scheduleOut,
  terminateBody,
  terminationOut,
} from './billing.schemas.ts';
import { sendCsv } from './csv.ts';
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
      async (request, reply) =>
        reply.status(201).send(
          await terminateLetter(deps, requireActor(request), {
            letterId: request.params.id,
            ...request.body,
          }),
        ),
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
          summary: 'L’échéancier du cabinet, mois par mois',
          querystring: monthRangeQuery,
          response: { 200: scheduleOut },
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
            'L’échéancier en CSV pour le logiciel de facturation (point-virgule, virgule décimale, UTF-8 avec BOM)',
          querystring: monthRangeQuery,
        },
      },
      async (request, reply) => {
        const schedule = await getFirmSchedule(deps, requireActor(request), request.query);
        return sendCsv(reply, {
          fileName: `echeancier-${schedule.from}-${schedule.to}.csv`,
          header: SCHEDULE_CSV_HEADER,
          rows: scheduleCsvRows(schedule),
        });
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
