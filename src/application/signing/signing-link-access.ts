import { lineAmount } from '../../domain/documents/fees.ts';
import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import { REQUIRED_SIGNATURES } from '../../domain/documents/signatures.ts';
import { signatureCodeMail } from '../../domain/signing/mail-content.ts';
import { maskMobile } from '../../domain/signing/mobile.ts';
import {
  maskEmail,
  SIGNING_CODE,
  signingDeadline,
  VERIFIED_CODE_VALID_MINUTES,
} from '../../domain/signing/signing-rules.ts';
import { CONSENT_WORDING } from '../../domain/signing/signing-trail.ts';
import { AppError, found } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Document, SigningRequest } from '../records.ts';
import { mailDocument, mailFirm, queueMail } from './queue-mail.ts';
import { type CodeChannel, codeChannelFor, deliverCodeSms } from './signing-code-sms.ts';
import { recordSigningEvent } from './signing-events.ts';

export type LinkInput = { token: string; ip: string | null; userAgent: string | null };
export type OpenLink = { scope: FirmScope; request: SigningRequest; doc: Document };

const MINUTE = 60_000;
/** A new code at most once a minute per link: the signer's mailbox is not to be flooded. */
const CODE_RESEND_MS = MINUTE;

/**
 * The one door of every signing step: the link's request and its document, both locked, or the same
 * neutral refusal for an unknown link, one already used, or a document no longer awaiting signature
 * (signed, refused, cancelled, expired): whoever holds a dead link learns nothing from it.
 */
export const withOpenLink = async <T>(
  deps: Deps,
  token: string,
  fn: (link: OpenLink) => Promise<T>,
): Promise<T> => {
  const invalid = () => new AppError('SIGNING.LINK_INVALID');
  if (token.length < 20 || token.length > 200) throw invalid();
  const located = await deps.store.signing.findByTokenHash(deps.secrets.hashToken(token));
  if (!located) throw invalid();
  return deps.store.transaction(located.firmId, async (scope) => {
    // The document's lock comes first, then the request's, as in every path that signs, so two
    // signers of one document never wait on each other crosswise. A request keeps its document:
    // the one the link's look-up named is the one to lock.
    const doc = await scope.documents.find(located.documentId, { forUpdate: true });
    const locked = doc && (await scope.signingRequests.find(located.requestId, { forUpdate: true }));
    if (!doc || !locked || locked.documentId !== doc.id) throw invalid();
    if (locked.outcome || locked.lockedAt || doc.status !== 'sent') throw invalid();
    return fn({ scope, request: locked, doc });
  });
};

/**
 * A six-digit code has a million values: its hash must need the server's key, or whoever reads the
 * database finds the code at once. The request's id binds it to its link.
 */
const codeHashOf = (deps: Deps, request: SigningRequest, code: string) =>
  deps.secrets.serverHmac(`signing-code|${request.id}|${code}`);

/** What the public signing page shows; every opening goes to the trail, the first one on the request. */
export const viewSigningLink = (deps: Deps, input: LinkInput) =>
  withOpenLink(deps, input.token, async ({ scope, request, doc }) => {
    const at = deps.clock.now();
    await recordSigningEvent(scope, {
      documentId: doc.id,
      request,
      type: 'link_opened',
      at,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    if (!request.viewedAt) {
      await scope.signingRequests.update(request.id, {
        viewedAt: at,
        viewedIp: input.ip,
        viewedUserAgent: input.userAgent,
      });
      await recordEvent(scope, {
        type: 'document.signing_link_opened',
        actor: null,
        at,
        engagementId: doc.engagementId,
        documentId: doc.id,
        data: { side: request.side, signerName: request.signerName, ip: input.ip },
      });
    }
    // One connection in a transaction: its queries run one after the other.
    const firm = await scope.firm.get();
    const requests = await scope.signingRequests.listByDocument(doc.id);
    const signatures = await scope.signatures.listByDocument(doc.id);
    const verified = isCodeVerified(request, at);
    // What the signer agrees to, line by line, and the general terms attached: as sent (R-B4).
    const lines = doc.frozen?.lines ?? doc.lines;
    // The terms the PDF printed (a proposal refers to those in force when it was sent), else its own.
    const termsId = doc.frozen ? doc.frozen.termsVersionId : doc.termsVersionId;
    const terms = doc.frozen?.facts?.terms ?? (termsId ? await scope.terms.find(termsId) : undefined);
    return {
      state: 'open' as const,
      consent: CONSENT_WORDING,
      firm: { name: firm.name, city: firm.city, accentColor: firm.accentColor, hasLogo: firm.hasLogo },
      document: {
        kind: doc.kind,
        kindLabel: DOCUMENT_TITLES[doc.kind],
        number: doc.number ?? '',
        title: doc.title,
        sentAt: doc.sentAt ?? at,
        deadline: doc.sentAt
          ? signingDeadline({ ...doc, sentAt: doc.sentAt, signingPeriodDays: firm.signingPeriodDays })
          : null,
        totals: doc.frozen?.totals ?? doc.totals,
        lines: lines.map((line) => ({
          operation: line.operation,
          label: line.label,
          description: line.description,
          recurrence: line.recurrence,
          quantity: line.quantity,
          unitPriceCents: line.unitPriceCents,
          amountHtCents: lineAmount(line),
        })),
        terms: terms
          ? {
              title: terms.title,
              version: terms.version,
              effectiveFrom: terms.effectiveFrom,
              body: terms.body,
            }
          : null,
      },
      signer: {
        name: request.signerName,
        side: request.side,
        capacity: request.capacity,
        maskedEmail: maskEmail(request.signerEmail),
        maskedMobile: request.signerMobile && deps.sms ? maskMobile(request.signerMobile) : null,
      },
      code: {
        sentAt: request.codeSentAt,
        channel: request.codeSentAt ? request.codeChannel : null,
        expiresAt: request.codeHash ? request.codeExpiresAt : null,
        verified,
        attemptsLeft: SIGNING_CODE.maxAttempts - request.codeAttempts,
      },
      signatories: REQUIRED_SIGNATURES[doc.kind].map((side) => ({
        side,
        name: requests.find((r) => r.side === side)?.signerName ?? null,
        hasSigned: signatures.some((s) => s.side === side),
      })),
    };
  });

export const isCodeVerified = (request: SigningRequest, at: Date): boolean =>
  request.codeVerifiedAt !== null &&
  at.getTime() - request.codeVerifiedAt.getTime() <= VERIFIED_CODE_VALID_MINUTES * MINUTE;

/** The PDF to read before signing: exactly the one frozen when the document was sent; each read is traced. */
export const getSigningLinkPdf = (deps: Deps, input: LinkInput) =>
  withOpenLink(deps, input.token, async ({ scope, request, doc }) => {
    const file = found(await scope.documentFiles.find(doc.id, 'frozen'), 'document');
    await recordSigningEvent(scope, {
      documentId: doc.id,
      request,
      type: 'document_viewed',
      at: deps.clock.now(),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { bytes: file.bytes, sha256: file.sha256, fileName: `${doc.number ?? 'document'}.pdf` };
  });

/**
 * A six-digit code, valid ten minutes, by SMS to the signer's mobile when the firm gave one and SMS
 * is configured, else by e-mail (signing-code-sms.ts); asking again replaces the previous one.
 */
export const sendSigningCode = async (deps: Deps, input: LinkInput & { channel?: CodeChannel }) => {
  const sent = await withOpenLink(deps, input.token, async ({ scope, request, doc }) => {
    const at = deps.clock.now();
    if (request.codeSentAt && at.getTime() - request.codeSentAt.getTime() < CODE_RESEND_MS)
      throw new AppError('SIGNING.TOO_MANY_REQUESTS', { retryAfterSeconds: 60 });
    const code = deps.secrets.newNumericCode(SIGNING_CODE.digits);
    const expiresAt = new Date(at.getTime() + SIGNING_CODE.validMinutes * MINUTE);
    const channel = codeChannelFor(deps, request, input.channel);
    const codeHash = codeHashOf(deps, request, code);
    await scope.signingRequests.update(request.id, {
      codeHash,
      codeSentAt: at,
      codeExpiresAt: expiresAt,
      codeChannel: channel,
    });
    if (channel === 'sms') {
      const { name: firmName } = await scope.firm.get();
      const sms = {
        firmId: scope.firmId,
        doc,
        request,
        firmName,
        code,
        codeHash,
        at,
        ip: input.ip,
        userAgent: input.userAgent,
      };
      return { sentTo: maskMobile(request.signerMobile as string), expiresAt, channel, sms };
    }
    await queueMail(deps, scope, {
      kind: 'signature_code',
      documentId: doc.id,
      to: { name: request.signerName, address: request.signerEmail },
      content: signatureCodeMail({
        firm: mailFirm(await scope.firm.get()),
        document: mailDocument(doc),
        signerName: request.signerName,
        code,
        validMinutes: SIGNING_CODE.validMinutes,
      }),
      at,
    });
    await recordEvent(scope, {
      type: 'document.signing_code_sent',
      actor: null,
      at,
      engagementId: doc.engagementId,
      documentId: doc.id,
      data: { side: request.side, ip: input.ip },
    });
    await recordSigningEvent(scope, {
      documentId: doc.id,
      request,
      type: 'code_sent',
      at,
      ip: input.ip,
      userAgent: input.userAgent,
      data: { channel: 'email', to: maskEmail(request.signerEmail) },
    });
    return { sentTo: maskEmail(request.signerEmail), expiresAt, channel, sms: null };
  });
  if (sent.sms) await deliverCodeSms(deps, sent.sms);
  return { sentTo: sent.sentTo, expiresAt: sent.expiresAt, channel: sent.channel };
};

type CodeOutcome = { ok: true } | { ok: false; error: AppError };

/**
 * Checks the code: right, it is used up and the signer may decide; wrong, the try counts (written
 * even though the request is refused), and the fifth wrong one locks the link for good.
 */
export const verifySigningCode = async (deps: Deps, input: LinkInput & { code: string }) => {
  const outcome = await withOpenLink(
    deps,
    input.token,
    async ({ scope, request, doc }): Promise<CodeOutcome> => {
      const at = deps.clock.now();
      if (!request.codeHash || !request.codeExpiresAt)
        return { ok: false, error: new AppError('SIGNING.CODE_REQUIRED') };
      if (at > request.codeExpiresAt) return { ok: false, error: new AppError('SIGNING.CODE_EXPIRED') };
      if (deps.secrets.safeEqual(codeHashOf(deps, request, input.code.trim()), request.codeHash)) {
        await scope.signingRequests.update(request.id, { codeHash: null, codeVerifiedAt: at });
        await recordEvent(scope, {
          type: 'document.signing_code_verified',
          actor: null,
          at,
          engagementId: doc.engagementId,
          documentId: doc.id,
          data: { side: request.side, ip: input.ip },
        });
        await recordSigningEvent(scope, {
          documentId: doc.id,
          request,
          type: 'code_verified',
          at,
          ip: input.ip,
          userAgent: input.userAgent,
        });
        return { ok: true };
      }
      const attempts = request.codeAttempts + 1;
      const locks = attempts >= SIGNING_CODE.maxAttempts;
      await scope.signingRequests.update(request.id, {
        codeAttempts: attempts,
        ...(locks ? { lockedAt: at } : {}),
      });
      await recordEvent(scope, {
        type: locks ? 'document.signing_locked' : 'document.signing_code_failed',
        actor: null,
        at,
        engagementId: doc.engagementId,
        documentId: doc.id,
        data: { side: request.side, attempts, ip: input.ip },
      });
      await recordSigningEvent(scope, {
        documentId: doc.id,
        request,
        type: locks ? 'link_locked' : 'code_failed',
        at,
        ip: input.ip,
        userAgent: input.userAgent,
        data: { attemptsLeft: SIGNING_CODE.maxAttempts - attempts },
      });
      return {
        ok: false,
        error: locks
          ? new AppError('SIGNING.LOCKED')
          : new AppError('SIGNING.CODE_INVALID', { attemptsLeft: SIGNING_CODE.maxAttempts - attempts }),
      };
    },
  );
  if (!outcome.ok) throw outcome.error;
  return { verified: true };
};
