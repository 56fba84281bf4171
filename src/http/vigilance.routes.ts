import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../application/ports/index.ts';
import { approveFile, completeReview, recordAssessment } from '../application/vigilance/assessment.ts';
import { checkEvidence, getEvidenceFile, uploadEvidence } from '../application/vigilance/evidence.ts';
import { updateIdentification } from '../application/vigilance/identification.ts';
import { listPurgeableFiles, purgeFile } from '../application/vigilance/purge.ts';
import { getVigilanceFile } from '../application/vigilance/read-file.ts';
import { getRegisterState, importFreezeRegister } from '../application/vigilance/register-import.ts';
import { listReviewsDue } from '../application/vigilance/reviews.ts';
import { decideScreeningMatch, listOpenMatches } from '../application/vigilance/screening.ts';
import { getVigilanceSettings, updateVigilanceSettings } from '../application/vigilance/settings.ts';
import { checkDocumentVigilance } from '../application/vigilance/vigilance-gate.ts';
import { requireActor } from './auth-hook.ts';
import { contentDisposition } from './content-disposition.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import {
  approvalBody,
  assessmentBody,
  documentVigilanceOut,
  evidenceBody,
  evidenceOut,
  identificationBody,
  matchDecisionBody,
  matchOut,
  openMatchesOut,
  purgeBody,
  purgeListOut,
  purgeOut,
  registerBody,
  registerStateOut,
  reviewBody,
  reviewsDueOut,
  settingsBody,
  settingsOut,
  vigilanceFileOut,
} from './vigilance.schemas.ts';

const tags = ['Vigilance LCB-FT'];
const READERS = 'Associés et responsable de l’affaire (R-F6).';

/** LCB-FT (R-F1 … R-F7): the engagement's file, its evidence, assessment, approval, reviews, screening. */
export const vigilanceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const fileOf = (request: { params: { id: string } } & Parameters<typeof requireActor>[0]) =>
      getVigilanceFile(deps, requireActor(request), { engagementId: request.params.id });
    const file = { params: idParam, response: { 200: vigilanceFileOut } };

    app.get(
      '/engagements/:id/vigilance',
      { schema: { tags, summary: 'Lire le dossier LCB-FT de l’affaire', description: READERS, ...file } },
      (request) => fileOf(request),
    );
    app.put(
      '/engagements/:id/vigilance/identification',
      {
        schema: {
          tags,
          summary: 'Enregistrer l’identification du client (R-F1)',
          description: `${READERS} Chaque personne nommée est filtrée contre le registre des gels (R-F5).`,
          body: identificationBody,
          ...file,
        },
      },
      async (request) => {
        const { version, ...identification } = request.body;
        await updateIdentification(deps, requireActor(request), {
          engagementId: request.params.id,
          identification,
          ...(version === undefined ? {} : { version }),
        });
        return fileOf(request);
      },
    );
    app.post(
      '/engagements/:id/vigilance/evidence',
      {
        schema: {
          tags,
          summary: 'Déposer un justificatif (PDF, PNG ou JPEG, 5 Mo au plus)',
          description: 'Conservé tel que déposé, avec son SHA-256.',
          params: idParam,
          body: evidenceBody,
          response: { 201: evidenceOut },
        },
        // A repeated upload (a retry after a lost answer) must not keep the same evidence twice.
        config: { idempotent: true },
      },
      async (request, reply) => {
        const { base64, ...rest } = request.body;
        const evidence = await uploadEvidence(deps, requireActor(request), {
          ...rest,
          engagementId: request.params.id,
          bytes: new Uint8Array(Buffer.from(base64, 'base64')),
        });
        return reply.status(201).send(evidence);
      },
    );
    app.post(
      '/vigilance/evidence/:id/check',
      {
        schema: {
          tags,
          summary: 'Enregistrer la vérification d’un justificatif (par qui, quand)',
          params: idParam,
          response: { 200: evidenceOut },
        },
      },
      (request) => checkEvidence(deps, requireActor(request), { evidenceId: request.params.id }),
    );
    app.get(
      '/vigilance/evidence/:id/file',
      { schema: { tags, summary: 'Télécharger un justificatif', description: READERS, params: idParam } },
      async (request, reply) => {
        const evidence = await getEvidenceFile(deps, requireActor(request), {
          evidenceId: request.params.id,
        });
        return reply
          .type(evidence.contentType)
          .header('content-disposition', contentDisposition('attachment', evidence.fileName))
          .header('x-content-sha256', evidence.sha256)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(evidence.bytes));
      },
    );
    app.put(
      '/engagements/:id/vigilance/assessment',
      {
        schema: {
          tags,
          summary: 'Évaluer le risque (R-F2) : quatre critères motivés, niveau relevable seulement',
          body: assessmentBody,
          ...file,
        },
      },
      async (request) => {
        await recordAssessment(deps, requireActor(request), {
          engagementId: request.params.id,
          assessment: request.body,
        });
        return fileOf(request);
      },
    );
    app.post(
      '/engagements/:id/vigilance/approval',
      {
        schema: {
          tags,
          summary: 'Approuver un dossier en vigilance renforcée (R-F3, associé)',
          body: approvalBody,
          ...file,
        },
      },
      async (request) => {
        await approveFile(deps, requireActor(request), { engagementId: request.params.id, ...request.body });
        return fileOf(request);
      },
    );
    app.post(
      '/engagements/:id/vigilance/reviews',
      { schema: { tags, summary: 'Enregistrer la revue du dossier (R-F4)', body: reviewBody, ...file } },
      async (request) => {
        await completeReview(deps, requireActor(request), {
          engagementId: request.params.id,
          ...request.body,
        });
        return fileOf(request);
      },
    );
    app.post(
      '/vigilance/matches/:id/decision',
      {
        schema: {
          tags,
          summary: 'Lever ou confirmer une correspondance avec le registre des gels (R-F5, associé)',
          params: idParam,
          body: matchDecisionBody,
          response: { 200: matchOut },
        },
      },
      (request) =>
        decideScreeningMatch(deps, requireActor(request), { matchId: request.params.id, ...request.body }),
    );
    app.post(
      '/vigilance/register',
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Importer le registre national des gels d’avoirs (JSON de la DG Trésor, associé)',
          description:
            'Le registre est enregistré et le filtrage de chaque dossier du cabinet contre lui mis en file (tâche `vigilance.screen`, par lots, reprise après un arrêt) : la réponse (202) en donne l’état, que `GET /vigilance/register` suit. Tant qu’un dossier n’est pas filtré contre ce registre, ses lettres attendent (`screening.pending`) (R-F5).',
          body: registerBody,
          response: { 202: registerStateOut },
        },
        config: { idempotent: true },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const state = await importFreezeRegister(deps, actor, {
          firmId: actor.firmId,
          text: JSON.stringify(request.body),
        });
        return reply.status(202).send(state);
      },
    );
    app.get(
      '/vigilance/register',
      {
        schema: {
          tags,
          summary: 'Lire le dernier import du registre des gels et l’avancement du filtrage (R-F5, associé)',
          response: { 200: registerStateOut },
        },
      },
      (request) => getRegisterState(deps, requireActor(request)),
    );
    app.get(
      '/vigilance/purge',
      {
        schema: {
          tags,
          summary:
            'Lister les dossiers LCB-FT à purger, cinq ans après la fin de la relation (R-F7, associé)',
          querystring: pageQuery,
          response: { 200: purgeListOut },
        },
      },
      async (request) => pageOfList(await listPurgeableFiles(deps, requireActor(request)), request.query),
    );
    app.post(
      '/vigilance/files/:id/purge',
      {
        schema: {
          tags,
          summary: 'Purger un dossier LCB-FT dont la conservation est échue (R-F7, associé)',
          description:
            'Efface l’identification, l’évaluation, l’approbation, les justificatifs, les correspondances, les revues et l’historique du dossier de l’affaire `id` ; garde qui l’a purgé, quand et pourquoi. Refusé avant la fin des cinq ans (`VIGILANCE.RETENTION_NOT_OVER`).',
          params: idParam,
          body: purgeBody,
          response: { 200: purgeOut },
        },
      },
      (request) =>
        purgeFile(deps, requireActor(request), {
          engagementId: request.params.id,
          reason: request.body.reason,
        }),
    );
    app.get(
      '/vigilance/reviews',
      {
        schema: {
          tags,
          summary: 'Lister les revues LCB-FT dues dans le mois ou en retard (R-F4)',
          description: 'Tous les dossiers pour un associé ; ceux dont on est responsable sinon.',
          querystring: pageQuery,
          response: { 200: reviewsDueOut },
        },
      },
      async (request) => pageOfList(await listReviewsDue(deps, requireActor(request)), request.query),
    );
    app.get(
      '/vigilance/matches',
      {
        schema: {
          tags,
          summary: 'Lister les correspondances avec le registre des gels à lever (R-F5, associé)',
          querystring: pageQuery,
          response: { 200: openMatchesOut },
        },
      },
      async (request) => pageOfList(await listOpenMatches(deps, requireActor(request)), request.query),
    );
    app.get(
      '/vigilance/settings',
      { schema: { tags, summary: 'Lire les réglages LCB-FT du cabinet', response: { 200: settingsOut } } },
      (request) => getVigilanceSettings(deps, requireActor(request)),
    );
    app.put(
      '/vigilance/settings',
      {
        schema: {
          tags,
          summary: 'Régler le contrôle LCB-FT et les périodicités de revue (R-F4, associé)',
          body: settingsBody,
          response: { 200: settingsOut },
        },
      },
      (request) => updateVigilanceSettings(deps, requireActor(request), request.body),
    );
    app.get(
      '/documents/:id/vigilance',
      {
        schema: {
          tags,
          summary: 'Ce qui manque au dossier LCB-FT avant l’envoi de cette lettre',
          description: 'L’envoi est refusé (VIGILANCE.FILE_INCOMPLETE) tant que la liste n’est pas vide.',
          params: idParam,
          response: { 200: documentVigilanceOut },
        },
      },
      (request) => checkDocumentVigilance(deps, requireActor(request), { documentId: request.params.id }),
    );
  };
