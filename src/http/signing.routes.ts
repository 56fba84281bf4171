import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../application/app-error.ts';
import type { Deps } from '../application/ports/index.ts';
import { downloadSignedCopy, viewLink } from '../application/signing/signed-link.ts';
import {
  getSigningLinkPdf,
  sendSigningCode,
  verifySigningCode,
} from '../application/signing/signing-link-access.ts';
import { refuseThroughLink, signThroughLink } from '../application/signing/signing-link-decision.ts';
import { verifyDocument, verifyDocumentBytes } from '../application/signing/verify-document.ts';
import { contentDisposition } from './content-disposition.ts';
import {
  codeSentOut,
  codeVerifiedOut,
  linkViewOut,
  refuseBody,
  refusedOut,
  sendCodeBody,
  signBody,
  signedOut,
  tokenParam,
  verificationBody,
  verificationOut,
  verifyCodeBody,
} from './signing.schemas.ts';

const tags = ['Signature électronique (public)'];

/** Evidence of who acted: the address and browser, as the server saw them. */
const evidenceOf = (request: FastifyRequest & { params: { token: string } }) => ({
  token: request.params.token,
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
});

/** Per link and address: a link shared or guessed at cannot be hammered. */
const limit = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) =>
      `${request.routeOptions.url}|${request.ip}|${(request.params as { token?: string }).token ?? ''}`,
    errorResponseBuilder: () => new AppError('SIGNING.TOO_MANY_REQUESTS'),
  },
});

/**
 * The public side of signature: no account, a personal link. Every answer about a dead link is the
 * same neutral SIGNING.LINK_INVALID (404).
 */
export const signingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Every address, whatever token it tries: a flood of invented links is stopped before any work.
    app.addHook(
      'onRequest',
      app.rateLimit({
        max: 120,
        timeWindow: '1 minute',
        keyGenerator: (request) => `public|${request.ip}`,
        errorResponseBuilder: () => new AppError('SIGNING.TOO_MANY_REQUESTS'),
      }),
    );
    app.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    );

    app.get(
      '/signing/:token',
      {
        schema: {
          tags,
          summary: 'Ouvrir un lien de signature',
          description:
            'state « open » : le document à signer ; state « signed » : le signataire a signé, le lien donne l’exemplaire scellé jusqu’à accessUntil (ensuite SIGNING.ACCESS_ENDED, 410).',
          params: tokenParam,
          response: { 200: linkViewOut },
        },
        config: limit(60),
      },
      (request) => viewLink(deps, evidenceOf(request)),
    );
    app.get(
      '/signing/:token/pdf',
      { schema: { tags, summary: 'Le PDF à lire avant de signer', params: tokenParam }, config: limit(30) },
      async (request, reply) => {
        const pdf = await getSigningLinkPdf(deps, evidenceOf(request));
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('inline', pdf.fileName))
          .header('x-content-sha256', pdf.sha256)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(pdf.bytes));
      },
    );
    app.get(
      '/signing/:token/signed-copy',
      {
        schema: {
          tags,
          summary: 'Télécharger l’exemplaire signé et scellé, après avoir signé',
          description:
            'Le PDF scellé, tant que le cabinet en laisse l’accès (SIGNING.ACCESS_ENDED ensuite ; SIGNING.COPY_NOT_READY tant qu’il n’est pas scellé). Chaque téléchargement est inscrit au journal de la signature.',
          params: tokenParam,
        },
        config: limit(30),
      },
      async (request, reply) => {
        const pdf = await downloadSignedCopy(deps, evidenceOf(request));
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('attachment', pdf.fileName))
          .header('x-content-sha256', pdf.sha256)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(pdf.bytes));
      },
    );
    app.post(
      '/signing/:token/code',
      {
        schema: {
          tags,
          summary:
            'Recevoir un code à six chiffres : par SMS si le cabinet a donné le mobile du signataire, sinon (ou sur demande) par e-mail',
          params: tokenParam,
          body: sendCodeBody,
          response: { 200: codeSentOut },
        },
        config: limit(5),
      },
      (request) =>
        sendSigningCode(deps, {
          ...evidenceOf(request),
          ...(request.body?.channel ? { channel: request.body.channel } : {}),
        }),
    );
    app.post(
      '/signing/:token/code/verify',
      {
        schema: {
          tags,
          summary: 'Vérifier le code reçu',
          params: tokenParam,
          body: verifyCodeBody,
          response: { 200: codeVerifiedOut },
        },
        config: limit(10),
      },
      (request) => verifySigningCode(deps, { ...evidenceOf(request), code: request.body.code }),
    );
    app.post(
      '/signing/:token/sign',
      {
        schema: {
          tags,
          summary: 'Signer le document',
          params: tokenParam,
          body: signBody,
          response: { 200: signedOut },
        },
        config: limit(10),
      },
      (request) => signThroughLink(deps, { ...evidenceOf(request), ...request.body }),
    );
    app.post(
      '/signing/:token/refuse',
      {
        schema: {
          tags,
          summary: 'Refuser le document, avec un motif',
          params: tokenParam,
          body: refuseBody,
          response: { 200: refusedOut },
        },
        config: limit(10),
      },
      (request) => refuseThroughLink(deps, { ...evidenceOf(request), reason: request.body.reason }),
    );

    app.post(
      '/verification',
      {
        schema: {
          tags: ['Vérification'],
          summary: 'Vérifier un PDF de Lettrine (le fichier, ou son SHA-256)',
          description:
            'Envoyez le PDF (Content-Type: application/pdf, 20 Mo au plus) ou { "sha256": "…" }. Le cachet est vérifié cryptographiquement sur les octets qu’il couvre. Verdict : intact (scellé par qui, quand), changed (version signée intacte, modifiée ensuite : la liste des modifications), damaged (la signature ne vérifie plus) ou unknown.',
          response: { 200: verificationOut },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request) => {
        const body = request.body;
        if (Buffer.isBuffer(body)) {
          if (body.subarray(0, 5).toString('latin1') !== '%PDF-')
            throw new AppError('VERIFICATION.FILE_INVALID');
          return verifyDocumentBytes(deps, { bytes: new Uint8Array(body) });
        }
        const parsed = verificationBody.safeParse(body);
        if (!parsed.success)
          throw new AppError('REQUEST.VALIDATION_FAILED', {
            fields: [
              { field: 'body.sha256', message: parsed.error.issues[0]?.message ?? 'SHA-256 attendu.' },
            ],
          });
        return verifyDocument(deps, { sha256: parsed.data.sha256 });
      },
    );
  };
