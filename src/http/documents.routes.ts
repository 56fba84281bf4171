import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelDocument, refuseDocument } from '../application/documents/change-status.ts';
import { createDocument } from '../application/documents/create-document.ts';
import { duplicateDocument } from '../application/documents/duplicate-document.ts';
import {
  getDocument,
  getSignatureScan,
  listDocumentHistory,
  listDocuments,
} from '../application/documents/read-documents.ts';
import { recordSignature } from '../application/documents/record-signature.ts';
import { sendDocument } from '../application/documents/send-document.ts';
import { updateDocument } from '../application/documents/update-document.ts';
import type { Deps } from '../application/ports/index.ts';
import type { Document } from '../application/records.ts';
import { requireActor } from './auth-hook.ts';
import { contentDisposition } from './content-disposition.ts';
import {
  cancelBody,
  createDocumentBody,
  documentListQuery,
  refuseBody,
  sendBody,
  signatureBody,
  updateDocumentBody,
} from './documents.schemas.ts';
import { idParam, pageQuery } from './fields.schemas.ts';
import { pageOfList } from './pages.ts';
import {
  documentListItemOut,
  documentOut,
  documentViewOut,
  eventOut,
  pageOf,
  signatureOut,
} from './responses.schemas.ts';

const tags = ['Documents'];

/** The frozen snapshot is internal; the API shows the document as sent, and its PDF's SHA-256. */
const present = ({ frozen, ...document }: Document) => ({
  ...document,
  isFrozen: frozen !== null,
  pdfSha256: frozen?.pdfSha256 ?? null,
});

export const documentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/documents',
      {
        schema: {
          tags,
          summary: 'Lister les documents',
          querystring: documentListQuery,
          response: { 200: pageOf(documentListItemOut) },
        },
      },
      (request) => listDocuments(deps, requireActor(request), request.query),
    );

    app.post(
      '/documents',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Créer un document (brouillon)',
          body: createDocumentBody,
          response: { 201: documentOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(present(await createDocument(deps, requireActor(request), request.body))),
    );

    app.get(
      '/documents/:id',
      { schema: { tags, summary: 'Lire un document', params: idParam, response: { 200: documentViewOut } } },
      async (request) => {
        const view = await getDocument(deps, requireActor(request), { documentId: request.params.id });
        return { ...view, document: present(view.document) };
      },
    );

    app.patch(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Modifier un brouillon',
          params: idParam,
          body: updateDocumentBody,
          response: { 200: documentOut },
        },
      },
      async (request) => {
        const { version, lines, changes, ...fields } = request.body;
        return present(
          await updateDocument(deps, requireActor(request), {
            documentId: request.params.id,
            version,
            fields,
            lines,
            changes,
          }),
        );
      },
    );

    app.get(
      '/documents/:id/history',
      {
        schema: {
          tags,
          summary: 'Historique du document',
          params: idParam,
          querystring: pageQuery,
          response: { 200: pageOf(eventOut) },
        },
      },
      async (request) =>
        pageOfList(
          await listDocumentHistory(deps, requireActor(request), { documentId: request.params.id }),
          request.query,
        ),
    );

    app.post(
      '/documents/:id/send',
      {
        schema: {
          tags,
          summary: 'Envoyer : numérote et fige le document',
          params: idParam,
          body: sendBody,
          response: { 200: documentOut },
        },
      },
      async (request) =>
        present(
          await sendDocument(deps, requireActor(request), {
            documentId: request.params.id,
            version: request.body?.version,
            ...(request.body?.signerMobile ? { signerMobile: request.body.signerMobile } : {}),
            ...(request.body?.message ? { message: request.body.message } : {}),
          }),
        ),
    );

    app.post(
      '/documents/:id/signatures',
      {
        schema: {
          tags,
          summary: 'Enregistrer une signature (papier ou en personne)',
          params: idParam,
          body: signatureBody,
          response: { 201: z.object({ document: documentOut, signature: signatureOut }) },
        },
      },
      async (request, reply) => {
        const result = await recordSignature(deps, requireActor(request), {
          documentId: request.params.id,
          ...request.body,
          evidence: {
            ip: request.ip ?? null,
            userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
          },
        });
        return reply.status(201).send({ ...result, document: present(result.document) });
      },
    );

    app.get(
      '/documents/:id/signatures/:signatureId/scan',
      {
        schema: {
          tags,
          summary: 'Télécharger le scan d’une signature papier',
          params: z.object({ id: z.uuid(), signatureId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const scan = await getSignatureScan(deps, requireActor(request), {
          documentId: request.params.id,
          signatureId: request.params.signatureId,
        });
        return reply
          .type(scan.contentType)
          .header('content-disposition', contentDisposition('attachment', scan.fileName))
          .send(Buffer.from(scan.base64, 'base64'));
      },
    );

    app.post(
      '/documents/:id/refuse',
      {
        schema: {
          tags,
          summary: 'Enregistrer le refus du client',
          params: idParam,
          body: refuseBody,
          response: { 200: documentOut },
        },
      },
      async (request) =>
        present(
          await refuseDocument(deps, requireActor(request), {
            documentId: request.params.id,
            ...request.body,
          }),
        ),
    );

    app.post(
      '/documents/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Annuler un document',
          params: idParam,
          body: cancelBody,
          response: { 200: documentOut },
        },
      },
      async (request) =>
        present(
          await cancelDocument(deps, requireActor(request), {
            documentId: request.params.id,
            ...request.body,
          }),
        ),
    );

    app.post(
      '/documents/:id/duplicate',
      {
        config: { idempotent: true },
        schema: {
          tags,
          summary: 'Dupliquer en un nouveau brouillon',
          params: idParam,
          response: { 201: documentOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          present(
            await duplicateDocument(deps, requireActor(request), {
              documentId: request.params.id,
            }),
          ),
        ),
    );
  };
