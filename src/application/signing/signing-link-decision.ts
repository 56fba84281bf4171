import { parisDate } from '../../domain/shared/dates.ts';
import { documentRefusedMail } from '../../domain/signing/mail-content.ts';
import { typedNameMatches } from '../../domain/signing/signing-rules.ts';
import { CONSENT_WORDING } from '../../domain/signing/signing-trail.ts';
import { AppError } from '../app-error.ts';
import { applySignature } from '../documents/record-signature.ts';
import { transitionDocument } from '../documents/transition-document.ts';
import type { Deps } from '../ports/index.ts';
import { mailDocument, mailFirm, queueMail } from './queue-mail.ts';
import { recordSigningEvent } from './signing-events.ts';
import { isCodeVerified, type LinkInput, withOpenLink } from './signing-link-access.ts';

/**
 * A drawn signature is a small PNG: a finger's scribble (the signing page's pad is 600 × 200), not a
 * photograph. Issue 20: it is decoded and written anew before it is kept, so a crafted file that
 * passes the header checks is refused here instead of crashing the render of the signed copy.
 */
const MAX_DRAWING_BYTES = 200 * 1024;
const MAX_DRAWING_SIDE = 2000;

const decodeDrawing = async (deps: Deps, base64: string | null | undefined): Promise<Uint8Array | null> => {
  if (!base64) return null;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64.replace(/^data:image\/png;base64,/, '')), (c) => c.charCodeAt(0));
  } catch {
    throw new AppError('SIGNING.DRAWING_INVALID');
  }
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const size = isPng && bytes.byteLength <= MAX_DRAWING_BYTES ? deps.pdf.readImage(bytes) : undefined;
  if (!size || size.width > MAX_DRAWING_SIDE || size.height > MAX_DRAWING_SIDE)
    throw new AppError('SIGNING.DRAWING_INVALID');
  const clean = await deps.pdf.cleanImage(bytes);
  if (!clean) throw new AppError('SIGNING.DRAWING_INVALID');
  return clean.bytes;
};

const isKnownLink = async (deps: Deps, token: string): Promise<boolean> =>
  token.length >= 20 &&
  token.length <= 200 &&
  Boolean(await deps.store.signing.findByTokenHash(deps.secrets.hashToken(token)));

/**
 * Signature through the link (R-B3): the code checked, consent given, the signer's own name typed,
 * optionally a drawn signature. The last required signature signs the document and runs the
 * automations once, in this transaction; the sealed copy follows as a job.
 */
export const signThroughLink = async (
  deps: Deps,
  input: LinkInput & { consent: boolean; typedName: string; drawingPngBase64?: string | null },
) => {
  // Decoded before the transaction, which holds the document's lock (and, on PGlite, the one
  // connection), and only for a link that exists: a stranger's image costs one look-up.
  const drawing =
    input.drawingPngBase64 && (await isKnownLink(deps, input.token))
      ? await decodeDrawing(deps, input.drawingPngBase64)
      : null;
  return withOpenLink(deps, input.token, async ({ scope, request, doc }) => {
    const at = deps.clock.now();
    if (!isCodeVerified(request, at)) throw new AppError('SIGNING.CODE_REQUIRED');
    if (!input.consent) throw new AppError('SIGNING.CONSENT_REQUIRED');
    if (!typedNameMatches(input.typedName, request.signerName))
      throw new AppError('SIGNING.NAME_MISMATCH', { expected: request.signerName });
    const associe = request.userId ? await scope.users.find(request.userId) : undefined;
    const { document, signedSides } = await applySignature(deps, scope, {
      doc,
      side: request.side,
      method: 'electronic',
      signer: {
        signerIsAssocie: associe?.role === 'associe' && associe.isActive,
        name: request.signerName,
        userId: request.userId,
        contactId: request.contactId,
        capacity: request.capacity,
      },
      signedOn: parisDate(at),
      at,
      actor: null,
    });
    await scope.signingRequests.update(request.id, {
      outcome: 'signed',
      consentAt: at,
      completedAt: at,
      completedIp: input.ip,
      completedUserAgent: input.userAgent,
      typedName: input.typedName.trim(),
      drawnSignature: drawing,
    });
    // The consent with the exact words ticked, then the signature: two lines of the trail.
    const trace = { documentId: doc.id, request, at, ip: input.ip, userAgent: input.userAgent };
    await recordSigningEvent(
      scope,
      {
        ...trace,
        type: 'consent_given',
        data: { version: CONSENT_WORDING.version, wording: CONSENT_WORDING.text },
      },
      { ...trace, type: 'signed', data: { method: 'link' } },
    );
    return { documentStatus: document.status, signedSides };
  });
};

/**
 * Refusal through the link, with its reason (DOMAIN.md B): the document turns refused and sets
 * nothing off (R-B6); the engagement's responsible is told by mail.
 */
export const refuseThroughLink = (deps: Deps, input: LinkInput & { reason: string }) =>
  withOpenLink(deps, input.token, async ({ scope, request, doc }) => {
    const at = deps.clock.now();
    // The firm does not refuse its own document: it cancels it, in the product.
    if (request.side === 'firm') throw new AppError('SIGNING.FIRM_CANNOT_REFUSE');
    if (!isCodeVerified(request, at)) throw new AppError('SIGNING.CODE_REQUIRED');
    const reason = input.reason.trim();
    const saved = await transitionDocument(
      scope,
      doc,
      { type: 'refuse', reason },
      {
        at,
        actor: null,
        data: { reason, side: request.side, signerName: request.signerName, via: 'signing_link' },
      },
    );
    await scope.signingRequests.update(request.id, {
      outcome: 'refused',
      completedAt: at,
      completedIp: input.ip,
      completedUserAgent: input.userAgent,
      refusalReason: reason,
    });
    await recordSigningEvent(scope, {
      documentId: doc.id,
      request,
      type: 'refused',
      at,
      ip: input.ip,
      userAgent: input.userAgent,
      data: { reason },
    });
    const engagement = await scope.engagements.find(doc.engagementId);
    const responsible = engagement && (await scope.users.find(engagement.responsibleUserId));
    if (responsible?.isActive) {
      await queueMail(deps, scope, {
        kind: 'document_refused',
        documentId: doc.id,
        to: { name: responsible.name, address: responsible.email },
        content: documentRefusedMail({
          firm: mailFirm(await scope.firm.get()),
          document: mailDocument(doc),
          signerName: request.signerName,
          reason,
        }),
        at,
      });
    }
    return { documentStatus: saved.status };
  });
