import type { SignedFacts, SignerEvidence } from '../../domain/documents/content/facts.ts';
import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import { signedCopyMail } from '../../domain/signing/mail-content.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import { renderFacts } from '../documents/document-pdf.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports/index.ts';
import type { Mail, Signature, SigningRequest, User } from '../records.ts';
import { mailDocument, mailFirm, queueMail } from './queue-mail.ts';
import { sealIdentityFor } from './seal-identities.ts';
import { sentCopyProof } from './sent-copy-proof.ts';
import { recordSigningEvent, trailOfDocument } from './signing-events.ts';
import { publicPage } from './signing-link-mails.ts';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/**
 * What the evidence page may say of one signature. Through the link: every step of the signer's
 * request. In the product: the associé's own electronic signature keeps the address and browser
 * of their session; a paper or in-person signature recorded by staff keeps only who recorded it:
 * the link's steps (if the signer had opened it) are not theirs to claim.
 */
const evidenceOf = (
  signature: Signature,
  request: SigningRequest | undefined,
  context: { users: User[]; codeMail: Mail | undefined },
): SignerEvidence => {
  const viaLink = request?.outcome === 'signed' && request.typedName !== null;
  const ownSession = signature.method === 'electronic' && !viaLink;
  const link = viaLink ? request : undefined;
  return {
    side: signature.side,
    name: signature.signatoryName,
    capacity: signature.capacity,
    email: link?.signerEmail ?? null,
    method: signature.method,
    channel: signature.method !== 'electronic' ? null : viaLink ? 'link' : 'product',
    codeDelivery: !link?.codeSentAt
      ? null
      : link.codeChannel === 'sms'
        ? 'sms'
        : context.codeMail?.status === 'outbox'
          ? 'outbox'
          : 'email',
    mobile: link?.codeChannel === 'sms' ? link.signerMobile : null,
    signedAt: signature.recordedAt.toISOString(),
    signedOn: signature.signedOn,
    typedName: link?.typedName ?? null,
    drawing: link?.drawnSignature ?? null,
    viewedAt: iso(link?.viewedAt ?? null),
    viewedIp: link?.viewedIp ?? null,
    viewedUserAgent: link?.viewedUserAgent ?? null,
    codeSentAt: iso(link?.codeSentAt ?? null),
    codeVerifiedAt: iso(link?.codeVerifiedAt ?? null),
    consentAt: iso(link?.consentAt ?? null),
    signedIp: link || ownSession ? (request?.completedIp ?? null) : null,
    signedUserAgent: link || ownSession ? (request?.completedUserAgent ?? null) : null,
    recordedBy: viaLink
      ? null
      : (context.users.find((user) => user.id === signature.recordedBy)?.name ?? null),
  };
};

/**
 * The job run once a document is signed: its signed copy (the PDF sent, with the signature blocks
 * filled and the evidence page, the sent PDF attached: sent-copy-proof.ts) sealed with the firm's
 * certificate (PAdES-B-B; B-T and B-LT with a timestamping authority), stored, and mailed
 * to each signer. Idempotent: a copy already sealed is not sealed again.
 */
export const sealSignedDocument = async (
  deps: Deps,
  input: { firmId: string; documentId: string },
): Promise<void> => {
  const reader = deps.store.read(input.firmId);
  if (await reader.documentFiles.find(input.documentId, 'sealed')) return;
  const doc = found(await reader.documents.find(input.documentId), 'document');
  const facts = doc.frozen?.facts;
  const documentSha256 = doc.frozen?.pdfSha256;
  if (!facts || !documentSha256 || doc.signedAt === null) return;
  // Started now, as it may wait on the timestamping authority while the rest is read; awaited below.
  const proofPending = sentCopyProof(deps, reader, doc);
  proofPending.catch(() => {});
  const [firm, signatures, requests, users, mails] = await Promise.all([
    reader.firm.get(),
    reader.signatures.listByDocument(doc.id),
    reader.signingRequests.listByDocument(doc.id),
    reader.users.list(),
    reader.mails.list({ documentId: doc.id, page: 1, pageSize: 200 }).then((page) => page.items),
  ]);
  const { identity } = await sealIdentityFor(deps, reader, firm);
  const selfSignedSeal = deps.sealer.describe(identity.certificateDer).selfSigned;
  // The seal is the trail's last line: its instant is taken before the page is drawn, and the same
  // instant is recorded with the sealed copy below.
  const sealAt = deps.clock.now();
  const sealCertificateSha256 = deps.secrets.sha256(identity.certificateDer);
  const trail = await trailOfDocument(reader, { documentId: doc.id, requests, signatures });
  const sealStep = {
    type: 'sealed' as const,
    data: { sealedBy: identity.commonName, certificateSha256: sealCertificateSha256 },
  };
  const proof = await proofPending;
  const signed: SignedFacts = {
    sentCopy: proof.sentCopy,
    timestamp: proof.timestamp,
    transactionId: doc.id,
    trail: [
      ...trail,
      { ...sealStep, at: sealAt.toISOString(), side: null, signerName: null, ip: null, userAgent: null },
    ],
    sealCertificateSha256,
    verificationUrl: publicPage(deps.settings.publicUrl, '/verifier'),
    documentSha256,
    completedAt: doc.signedAt.toISOString(),
    sealedBy: identity.commonName,
    sealSelfSigned: selfSignedSeal,
    signers: signatures.map((signature) => {
      const request = requests.find((r) => r.side === signature.side);
      const codeMail = mails.find(
        (mail) => mail.kind === 'signature_code' && mail.toAddress === request?.signerEmail,
      );
      return evidenceOf(signature, request, { users, codeMail });
    }),
  };
  const pdf = await renderFacts(
    deps,
    reader,
    { ...facts, signed },
    { at: doc.signedAt, watermark: null, attachments: proof.attachments },
  );
  const title = `${DOCUMENT_TITLES[doc.kind]} ${doc.number ?? ''}`.trim();
  const bytes = await deps.sealer.seal(pdf.bytes, identity, {
    reason: `${title} signé électroniquement`,
    name: firm.name,
    location: firm.city ?? undefined,
    at: doc.signedAt,
  });
  await deps.store.transaction(input.firmId, async (scope) => {
    const locked = found(await scope.documents.find(doc.id, { forUpdate: true }), 'document');
    if (await scope.documentFiles.find(doc.id, 'sealed')) return;
    const at = deps.clock.now();
    const sha256 = deps.secrets.sha256(bytes);
    await scope.documentFiles.insert({
      documentId: doc.id,
      purpose: 'sealed',
      contentType: 'application/pdf',
      bytes,
      sha256,
      createdAt: at,
    });
    await recordSigningEvent(scope, {
      documentId: locked.id,
      request: null,
      at: sealAt,
      ...sealStep,
      data: { ...sealStep.data, sha256 },
    });
    await recordEvent(scope, {
      type: 'document.sealed',
      actor: null,
      at,
      engagementId: locked.engagementId,
      documentId: locked.id,
      data: { sha256, sealedBy: identity.commonName },
    });
    for (const request of requests) {
      await queueMail(deps, scope, {
        kind: 'signed_copy',
        documentId: doc.id,
        to: { name: request.signerName, address: request.signerEmail },
        content: signedCopyMail({
          firm: mailFirm(firm),
          document: mailDocument(locked),
          signerName: request.signerName,
          signedOn: doc.signedAt ?? at,
          verificationUrl: publicPage(deps.settings.publicUrl, '/verifier'),
          selfSignedSeal,
        }),
        attachSealedPdf: true,
        at,
      });
    }
  });
};

/**
 * The seal job: on its last attempt a failure (a damaged certificate, a render error) is recorded in
 * the document's history for the firm to see and retry, instead of vanishing in the queue.
 */
export const runSealJob = async (
  deps: Deps,
  input: { firmId: string; documentId: string },
  attempt: { final: boolean },
): Promise<void> => {
  try {
    await sealSignedDocument(deps, input);
  } catch (error) {
    if (!attempt.final) throw error;
    await deps.store.transaction(input.firmId, async (scope) => {
      const doc = await scope.documents.find(input.documentId);
      if (!doc) return;
      await recordEvent(scope, {
        type: 'document.seal_failed',
        actor: null,
        at: deps.clock.now(),
        engagementId: doc.engagementId,
        documentId: doc.id,
        data: { message: (error as Error).message.slice(0, 500) },
      });
    });
  }
};

/** Seals a signed document again after a failure: the job is queued once more. */
export const retrySeal = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
  assertCanWrite(actor);
  await deps.store.transaction(actor.firmId, async (scope) => {
    const doc = found(await scope.documents.find(input.documentId), 'document');
    if (doc.signedAt === null)
      throw new AppError('DOCUMENT.TRANSITION_NOT_ALLOWED', { status: doc.status, action: 'seal' });
    if (await scope.documentFiles.find(doc.id, 'sealed')) return;
    await scope.jobs.enqueue({ name: 'document.seal', data: { firmId: scope.firmId, documentId: doc.id } });
  });
};
