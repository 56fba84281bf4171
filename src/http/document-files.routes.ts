import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkDocumentCompleteness, getDocumentPdf } from '../application/documents/document-pdf.ts';
import { previewSending } from '../application/documents/preview-sending.ts';
import { getPdfAsSent } from '../application/documents/send-document.ts';
import type { Deps } from '../application/ports/index.ts';
import { requireActor } from './auth-hook.ts';
import { contentDisposition } from './content-disposition.ts';
import { completenessOut, pdfQuery, sendPreviewBody, sendPreviewOut } from './documents.schemas.ts';
import { idParam } from './fields.schemas.ts';

const tags = ['Documents'];

/** The PDF of a document and the check of its mandatory items (issue 3). */
export const documentFileRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/documents/:id/completeness',
      {
        schema: {
          tags,
          summary: 'Vérifier les mentions obligatoires avant l’envoi',
          description:
            'La liste de chaque mention obligatoire manquante, en français ; l’envoi est refusé (DOCUMENT.INCOMPLETE) tant qu’elle n’est pas vide.',
          params: idParam,
          response: { 200: completenessOut },
        },
      },
      (request) => checkDocumentCompleteness(deps, requireActor(request), { documentId: request.params.id }),
    );

    // A POST that writes nothing: the personal message travels in the body, never in a URL that
    // request logs and proxies keep.
    app.post(
      '/documents/:id/send-preview',
      {
        schema: {
          tags,
          summary: 'Voir ce que l’envoi fera, avant de confirmer (n’enregistre rien)',
          description:
            'Les signataires et leurs adresses (sans adresse, signature papier), et l’e-mail d’invitation du client tel qu’il partira, avec le message personnel donné ; le numéro et le lien sont attribués à l’envoi. Rien n’est enregistré.',
          params: idParam,
          body: sendPreviewBody,
          response: { 200: sendPreviewOut },
        },
      },
      (request) =>
        previewSending(deps, requireActor(request), {
          documentId: request.params.id,
          ...(request.body.message ? { message: request.body.message } : {}),
        }),
    );

    app.get(
      '/documents/:id/pdf',
      {
        schema: {
          tags,
          summary: 'Télécharger le PDF du document',
          description:
            'Un brouillon est rendu tel qu’il est, avec le filigrane « PROJET » ; avec `as=sent`, tel que l’envoi le figerait maintenant (sans filigrane, avec le numéro que le prochain envoi tirerait), pour la fenêtre d’envoi. Un document envoyé renvoie exactement le PDF figé à l’envoi ; son SHA-256 est dans l’en-tête ETag et X-Content-SHA256.',
          params: idParam,
          querystring: pdfQuery,
        },
      },
      async (request, reply) => {
        const input = { documentId: request.params.id };
        const pdf =
          request.query.as === 'sent'
            ? await getPdfAsSent(deps, requireActor(request), input)
            : await getDocumentPdf(deps, requireActor(request), input);
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('inline', pdf.fileName))
          .header('etag', `"${pdf.sha256}"`)
          .header('x-content-sha256', pdf.sha256)
          .header('cache-control', pdf.isPreview ? 'no-store' : 'private, max-age=0, must-revalidate')
          .send(Buffer.from(pdf.bytes));
      },
    );
  };
