import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../application/ports/index.ts';
import {
  getDocumentSigning,
  getMail,
  getSealedCopy,
  listMails,
  resendSigningLink,
} from '../application/signing/firm-signing.ts';
import { retrySeal } from '../application/signing/seal-signed-document.ts';
import { listSigningTrail } from '../application/signing/signing-events.ts';
import { requireActor } from './auth-hook.ts';
import { contentDisposition } from './content-disposition.ts';
import { idParam, pagination, uuidField } from './fields.schemas.ts';
import { noContent } from './responses.schemas.ts';
import {
  documentSigningOut,
  mailOut,
  mailPageOut,
  progressOut,
  signingSide,
  signingTrailOut,
} from './signing-admin.schemas.ts';

/** The firm's side of e-signature: where each signer stands, new links, the mail log, the sealed copy. */
export const signingAdminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['Signature électronique'];
    app.get(
      '/documents/:id/signing',
      {
        schema: {
          tags,
          summary: 'Où en est la signature : chaque signataire, la copie scellée',
          params: idParam,
          response: { 200: documentSigningOut },
        },
      },
      (request) => getDocumentSigning(deps, requireActor(request), { documentId: request.params.id }),
    );
    app.get(
      '/documents/:id/signing/trail',
      {
        schema: {
          tags,
          summary:
            'Le journal de la signature : invitations, ouvertures, codes, consentement, signatures, scellement',
          params: idParam,
          response: { 200: signingTrailOut },
        },
      },
      (request) => listSigningTrail(deps, requireActor(request), { documentId: request.params.id }),
    );
    app.post(
      '/documents/:id/signing/:side/resend',
      {
        schema: {
          tags,
          summary: 'Envoyer un nouveau lien de signature à un signataire',
          params: z.object({ id: uuidField, side: signingSide }),
          response: { 200: progressOut },
        },
      },
      (request) =>
        resendSigningLink(deps, requireActor(request), {
          documentId: request.params.id,
          side: request.params.side,
        }),
    );
    app.post(
      '/documents/:id/signing/seal',
      {
        schema: {
          tags,
          summary: 'Sceller de nouveau l’exemplaire signé, après un échec',
          params: idParam,
          response: { 202: noContent('Scellement remis en file, fait en arrière-plan') },
        },
      },
      async (request, reply) => {
        await retrySeal(deps, requireActor(request), { documentId: request.params.id });
        return reply.status(202).send();
      },
    );
    app.get(
      '/documents/:id/signed-pdf',
      {
        schema: {
          tags,
          summary: 'Télécharger l’exemplaire signé et scellé',
          description: 'Le PDF signé : blocs de signature remplis, page de preuve, cachet PAdES du cabinet.',
          params: idParam,
        },
      },
      async (request, reply) => {
        const pdf = await getSealedCopy(deps, requireActor(request), { documentId: request.params.id });
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('inline', pdf.fileName))
          .header('etag', `"${pdf.sha256}"`)
          .header('x-content-sha256', pdf.sha256)
          .send(Buffer.from(pdf.bytes));
      },
    );
    app.get(
      '/mails',
      {
        schema: {
          tags: ['Courriels'],
          summary: 'Les courriels du cabinet (la boîte d’envoi sans serveur SMTP)',
          querystring: z.object({ ...pagination, documentId: uuidField.optional() }),
          response: { 200: mailPageOut },
        },
      },
      (request) => listMails(deps, requireActor(request), request.query),
    );
    app.get(
      '/mails/:id',
      {
        schema: {
          tags: ['Courriels'],
          summary: 'Lire un courriel',
          params: idParam,
          response: { 200: mailOut },
        },
      },
      (request) => getMail(deps, requireActor(request), { mailId: request.params.id }),
    );
  };
