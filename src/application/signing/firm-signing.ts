import type { SignatureSide } from '../../domain/documents/signatures.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports/index.ts';
import type { Mail, SigningRequest } from '../records.ts';
import { isSecretMail } from './deliver-mail.ts';
import { requiredSigners } from './open-signing-requests.ts';
import { queueLinkMail, rotateLink } from './signing-link-mails.ts';

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
  const [requests, sealed, history] = await Promise.all([
    scope.signingRequests.listByDocument(doc.id),
    scope.documentFiles.find(doc.id, 'sealed'),
    scope.events.listByDocument(doc.id),
  ]);
  const failure = sealed
    ? undefined
    : [...history].reverse().find((event) => event.type === 'document.seal_failed');
  return {
    requests: requests.map(progressOf),
    sealedCopy: sealed ? { sha256: sealed.sha256, sealedAt: sealed.createdAt } : null,
    sealFailure: failure
      ? { at: failure.at, message: String((failure.data as { message?: unknown } | null)?.message ?? '') }
      : null,
  };
};

/**
 * Sends a signer a new link (a mail lost, an address corrected on the contact): the link goes to the
 * signatory as they are now and unlocks a link locked by wrong codes, its tries forgotten: the firm
 * vouches for the signer again. When the address or the person changed, the earlier links die (they
 * went to someone else, who could otherwise still read and sign); a mail merely lost leaves them
 * working beside the new one. Recorded in the history.
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
    if (doc.status !== 'sent')
      throw new AppError('DOCUMENT.TRANSITION_NOT_ALLOWED', { status: doc.status, action: 'resend' });
    const request = (await scope.signingRequests.listByDocument(doc.id)).find((r) => r.side === input.side);
    if (!request || request.outcome) throw new AppError('RESOURCE.NOT_FOUND', { resource: 'signingRequest' });
    const signer = (await requiredSigners(scope, doc)).find((s) => s.side === input.side);
    if (!signer?.email) throw new AppError('DOCUMENT.SIGNER_EMAIL_MISSING', { side: input.side });
    const current = {
      signerName: signer.name,
      signerEmail: signer.email,
      capacity: signer.capacity,
      contactId: signer.contactId,
      userId: signer.userId,
    };
    const signerChanged =
      current.signerEmail.toLowerCase() !== request.signerEmail.toLowerCase() ||
      current.contactId !== request.contactId ||
      current.userId !== request.userId;
    const token = await rotateLink(
      deps,
      scope,
      request,
      {
        ...current,
        lockedAt: null,
        codeAttempts: 0,
        codeHash: null,
        codeSentAt: null,
        codeExpiresAt: null,
        // A code the earlier reader verified must not carry over to the new link.
        ...(signerChanged
          ? { codeVerifiedAt: null, viewedAt: null, viewedIp: null, viewedUserAgent: null }
          : {}),
      },
      { revokeEarlier: signerChanged },
    );
    await queueLinkMail(deps, scope, {
      doc,
      firm: await scope.firm.get(),
      signer: { ...request, ...current },
      token,
      at,
      resent: true,
    });
    await recordEvent(scope, {
      type: 'document.signing_link_resent',
      actor,
      at,
      engagementId: doc.engagementId,
      documentId: doc.id,
      data: {
        side: request.side,
        signerName: current.signerName,
        addressChanged: current.signerEmail !== request.signerEmail,
        earlierLinksRevoked: signerChanged,
        unlocked: request.lockedAt !== null,
      },
    });
    return progressOf({ ...request, ...current, lockedAt: null, codeAttempts: 0 });
  });
};

/** The firm's mails, newest first: with no SMTP server, this is where they wait to be read. */
export const listMails = (
  deps: Deps,
  actor: Actor,
  input: { documentId?: string; page: number; pageSize: number },
) => deps.store.read(actor.firmId).mails.list(input);

/**
 * A mail as the firm reads it. One carrying a signer's link or code is theirs: with no mail server
 * it waits in the outbox for the firm to pass it on, so only an associé may open it, and each
 * opening is in the document's history; anyone else sees that it exists, not what it says.
 */
export const getMail = async (
  deps: Deps,
  actor: Actor,
  input: { mailId: string },
): Promise<Mail & { bodyWithheld: boolean }> => {
  const mail = found(await deps.store.read(actor.firmId).mails.find(input.mailId), 'mail');
  const hasSecret = isSecretMail(mail.kind) && mail.textBody !== null;
  if (!hasSecret) return { ...mail, bodyWithheld: false };
  if (actor.role !== 'associe') return { ...mail, textBody: null, htmlBody: null, bodyWithheld: true };
  await deps.store.transaction(actor.firmId, async (scope) => {
    const doc = mail.documentId ? await scope.documents.find(mail.documentId) : undefined;
    if (!doc) return;
    await recordEvent(scope, {
      type: 'document.signing_mail_read',
      actor,
      at: deps.clock.now(),
      engagementId: doc.engagementId,
      documentId: doc.id,
      data: { mailId: mail.id, kind: mail.kind, to: mail.toAddress },
    });
  });
  return { ...mail, bodyWithheld: false };
};

/** The signed copy, sealed: the PDF that carries the signatures and their evidence. */
export const getSealedCopy = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const doc = found(await scope.documents.find(input.documentId), 'document');
  const file = found(await scope.documentFiles.find(doc.id, 'sealed'), 'sealedCopy');
  return { bytes: file.bytes, sha256: file.sha256, fileName: `${doc.number ?? 'document'}-signé.pdf` };
};
