import type { SignatureSide } from '../../domain/documents/signatures.ts';
import { signatureRequestMail } from '../../domain/signing/mail-content.ts';
import { signingDeadline } from '../../domain/signing/signing-rules.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import type { Deps } from '../ports.ts';
import type { Mail, SigningRequest } from '../records.ts';
import { signingLink } from './open-signing-requests.ts';
import { mailDocument, mailFirm, queueMail } from './queue-mail.ts';

/** A signing request as the firm follows it: never its token or code. */
const progressOf = (request: SigningRequest) => ({
  side: request.side,
  signerName: request.signerName,
  signerEmail: request.signerEmail,
  status: request.outcome ?? (request.lockedAt ? ('locked' as const) : ('pending' as const)),
  createdAt: request.createdAt,
  viewedAt: request.viewedAt,
  codeSentAt: request.codeSentAt,
  codeVerifiedAt: request.codeVerifiedAt,
  completedAt: request.completedAt,
  refusalReason: request.refusalReason,
  remindersSent: request.remindersSent,
  lastRemindedAt: request.lastRemindedAt,
});

/** Where the signature of a sent document stands: each signer's link, and the sealed copy. */
export const getDocumentSigning = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const doc = found(await scope.documents.find(input.documentId), 'document');
  const [requests, sealed] = await Promise.all([
    scope.signingRequests.listByDocument(doc.id),
    scope.documentFiles.find(doc.id, 'sealed'),
  ]);
  return {
    requests: requests.map(progressOf),
    sealedCopy: sealed ? { sha256: sealed.sha256, sealedAt: sealed.createdAt } : null,
  };
};

/**
 * Sends a signer a new link (a mail lost, a new address): the new link joins the earlier ones, and a
 * locked link is unlocked, its wrong tries forgotten: the firm vouches for the signer again.
 */
export const resendSigningLink = async (
  deps: Deps,
  actor: Actor,
  input: { documentId: string; side: SignatureSide },
) => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const doc = found(await scope.documents.find(input.documentId, { forUpdate: true }), 'document');
    if (doc.status !== 'sent' || !doc.sentAt)
      throw new AppError('DOCUMENT.TRANSITION_NOT_ALLOWED', { status: doc.status, action: 'resend' });
    const request = (await scope.signingRequests.listByDocument(doc.id)).find((r) => r.side === input.side);
    if (!request || request.outcome) throw new AppError('RESOURCE.NOT_FOUND', { resource: 'signingRequest' });
    const firm = await scope.firm.get();
    const token = deps.secrets.newToken();
    await scope.signingRequests.update(request.id, {
      tokenHash: deps.secrets.hashToken(token),
      earlierTokenHashes: [...request.earlierTokenHashes, request.tokenHash],
      lockedAt: null,
      codeAttempts: 0,
      codeHash: null,
      codeSentAt: null,
      codeExpiresAt: null,
    });
    await queueMail(deps, scope, {
      kind: 'signature_request',
      documentId: doc.id,
      to: { name: request.signerName, address: request.signerEmail },
      content: signatureRequestMail({
        firm: mailFirm(firm),
        document: mailDocument(doc),
        signerName: request.signerName,
        link: signingLink(deps.settings.publicUrl, token),
        deadline: signingDeadline({ ...doc, sentAt: doc.sentAt, signingPeriodDays: firm.signingPeriodDays }),
        side: request.side,
      }),
      at,
    });
    return progressOf({ ...request, lockedAt: null, codeAttempts: 0 });
  });
};

/** The firm's mails, newest first: with no SMTP server, this is where they wait to be read. */
export const listMails = (
  deps: Deps,
  actor: Actor,
  input: { documentId?: string; page: number; pageSize: number },
) => deps.store.read(actor.firmId).mails.list(input);

export const getMail = async (deps: Deps, actor: Actor, input: { mailId: string }): Promise<Mail> =>
  found(await deps.store.read(actor.firmId).mails.find(input.mailId), 'mail');

/** The signed copy, sealed: the PDF that carries the signatures and their evidence. */
export const getSealedCopy = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const doc = found(await scope.documents.find(input.documentId), 'document');
  const file = found(await scope.documentFiles.find(doc.id, 'sealed'), 'sealedCopy');
  return { bytes: file.bytes, sha256: file.sha256, fileName: `${doc.number ?? 'document'}-signé.pdf` };
};
