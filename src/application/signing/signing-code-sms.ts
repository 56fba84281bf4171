import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import { maskMobile, signatureCodeSms } from '../../domain/signing/mobile.ts';
import { SIGNING_CODE } from '../../domain/signing/signing-rules.ts';
import { AppError } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports/index.ts';
import type { Document, SigningRequest } from '../records.ts';
import { recordSigningEvent } from './signing-events.ts';

export type CodeChannel = 'email' | 'sms';

/**
 * Issue 15: the code goes by SMS when the firm gave the signer's mobile and the install has an SMS
 * provider, so that the link (by mail) and the code do not travel the same way; by e-mail otherwise,
 * or when the signer asks for it by e-mail (an SMS that did not arrive).
 */
export const codeChannelFor = (
  deps: Pick<Deps, 'sms'>,
  request: Pick<SigningRequest, 'signerMobile'>,
  asked: CodeChannel | undefined,
): CodeChannel => (deps.sms && request.signerMobile && asked !== 'email' ? 'sms' : 'email');

/** A code stored under the link's lock, whose SMS leaves once that transaction has committed. */
export type PendingSms = {
  firmId: string;
  doc: Pick<Document, 'id' | 'engagementId' | 'kind' | 'number'>;
  request: Pick<SigningRequest, 'id' | 'side' | 'signerMobile'>;
  firmName: string;
  code: string;
  codeHash: string;
  at: Date;
  ip: string | null;
  userAgent: string | null;
};

/**
 * Sends the code's SMS after the commit: no call to the provider while the document is locked (on
 * PGlite that would stall every request). Sent: the code's sending is recorded in the history and
 * the trail. Not sent: the code is withdrawn (so the signer may ask at once for one by e-mail, the
 * minute between two codes counting from a code that arrived) and SIGNING.SMS_FAILED says so.
 */
export const deliverCodeSms = async (
  deps: Pick<Deps, 'sms' | 'store'>,
  pending: PendingSms,
): Promise<void> => {
  const mobile = pending.request.signerMobile as string;
  const outcome = deps.sms
    ? await deps.sms.send({
        to: mobile,
        content: signatureCodeSms({
          firmName: pending.firmName,
          document: { kindLabel: DOCUMENT_TITLES[pending.doc.kind], number: pending.doc.number ?? '' },
          code: pending.code,
          validMinutes: SIGNING_CODE.validMinutes,
        }),
      })
    : { ok: false as const, reason: 'aucun fournisseur SMS' };
  await deps.store.transaction(pending.firmId, async (scope) => {
    const request = await scope.signingRequests.find(pending.request.id, { forUpdate: true });
    if (!outcome.ok) {
      // Only the code this call stored: a newer one (by e-mail) is left alone.
      if (request?.codeHash === pending.codeHash)
        await scope.signingRequests.update(pending.request.id, {
          codeHash: null,
          codeSentAt: null,
          codeExpiresAt: null,
          codeChannel: null,
        });
      return;
    }
    const data = { channel: 'sms', to: maskMobile(mobile) } as const;
    await recordEvent(scope, {
      type: 'document.signing_code_sent',
      actor: null,
      at: pending.at,
      engagementId: pending.doc.engagementId,
      documentId: pending.doc.id,
      data: { side: pending.request.side, ip: pending.ip, channel: 'sms' },
    });
    await recordSigningEvent(scope, {
      documentId: pending.doc.id,
      request: pending.request,
      type: 'code_sent',
      at: pending.at,
      ip: pending.ip,
      userAgent: pending.userAgent,
      data,
    });
  });
  if (!outcome.ok)
    throw new AppError('SIGNING.SMS_FAILED', { channel: 'sms', fallback: 'email', reason: outcome.reason });
};
