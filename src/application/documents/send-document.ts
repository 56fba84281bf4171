import type { DocumentFacts } from '../../domain/documents/content/facts.ts';
import { isLetterKind, kindPolicy } from '../../domain/documents/kinds.ts';
import {
  checkReplacementUpToDate,
  lettersInForce,
  targetLetterIds,
} from '../../domain/documents/letters-in-force.ts';
import { applyDocumentAction, canApply } from '../../domain/documents/lifecycle.ts';
import {
  amendmentSeries,
  formatAmendmentNumber,
  formatDocumentNumber,
  numberingSeries,
} from '../../domain/documents/numbering.ts';
import { parisDate, yearOf } from '../../domain/shared/dates.ts';
import { deadlineOnSending } from '../../domain/signing/signing-rules.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { FirmScope, SendDocumentDeps } from '../ports/index.ts';
import type { Document, FrozenDocument } from '../records.ts';
import { openSigningRequests } from '../signing/open-signing-requests.ts';
import { assertVigilanceAllowsContract } from '../vigilance/vigilance-gate.ts';
import { refreshAmendmentLines } from './amendment-lines.ts';
import { gatherDocumentFacts } from './document-facts.ts';
import { assertComplete, type DocumentPdf, getDocumentPdf, renderFacts } from './document-pdf.ts';
import { totalsOf } from './line-input.ts';

/** R-B5: the next number of the document's series, drawn inside the sending transaction. */
const drawNumber = async (
  scope: FirmScope,
  doc: Document,
  year: number,
  counter: (series: string) => Promise<number> = (series) => scope.counters.next(series),
): Promise<string> => {
  if (doc.kind === 'amendment') {
    const letter = found(await scope.documents.find(doc.amendsLetterId ?? ''), 'document');
    const letterNumber = letter.number ?? '';
    return formatAmendmentNumber(letterNumber, await counter(amendmentSeries(letterNumber)));
  }
  return formatDocumentNumber(doc.kind, year, await counter(numberingSeries(doc.kind, year)));
};

/**
 * Issue 18: the PDF a sending would freeze now, for the send dialog: the same preparation, facts
 * and rendering as sendDraft, without the « PROJET » watermark, numbered with the number the next
 * sending would draw (read, not drawn: another sending in between takes it, and the frozen copy
 * then carries the following one). Nothing is written. A sent document answers its frozen bytes.
 */
export const getPdfAsSent = async (
  deps: SendDocumentDeps,
  actor: Actor,
  input: { documentId: string },
): Promise<DocumentPdf> => {
  const reader = deps.store.read(actor.firmId);
  const doc = found(await reader.documents.find(input.documentId), 'document');
  if (doc.sentAt !== null) return getDocumentPdf(deps, actor, input);
  const at = deps.clock.now();
  const today = parisDate(at);
  const ready = await prepareSending(reader, doc, today);
  const facts = await gatherDocumentFacts(reader, ready, { issuedOn: today, number: null });
  const number = await drawNumber(reader, doc, yearOf(today), (series) => reader.counters.peek(series));
  const pdf = await renderFacts(deps, reader, { ...facts, number }, { at, watermark: null });
  return { ...pdf, fileName: `${number}.pdf`, isPreview: true };
};

/** R-G1: only a letter of termination goes out as a registered letter; its termination keeps the proof. */
const recordRegisteredMail = async (
  scope: FirmScope,
  doc: Document,
  registeredMail: { number: string; sentOn: string },
): Promise<void> => {
  const [termination] = kindPolicy(doc.kind).drawnFromTermination
    ? await scope.billing.listTerminations({ terminationDocumentId: doc.id })
    : [];
  if (!termination) throw new AppError('TERMINATION.REGISTERED_MAIL_NOT_ALLOWED', { kind: doc.kind });
  await scope.billing.updateTermination(termination.id, {
    registeredMailNumber: registeredMail.number,
    registeredMailSentOn: registeredMail.sentOn,
  });
};

/** What a sent document is frozen with (R-B4): its lines, totals, terms, PDF hash and facts. */
const freeze = (doc: Document, at: Date, pdf: { sha256: string; facts: DocumentFacts }): FrozenDocument => ({
  frozenAt: at.toISOString(),
  lines: doc.lines,
  totals: doc.totals,
  termsVersionId: doc.termsVersionId,
  pdfSha256: pdf.sha256,
  facts: pdf.facts,
});

/** Checks a draft can be sent, and returns it as it will be frozen. */
const prepareSending = async (scope: FirmScope, doc: Document, today: string): Promise<Document> => {
  // R-G1: a letter of termination has no lines: it says what its termination recorded.
  if (doc.lines.length === 0 && !kindPolicy(doc.kind).drawnFromTermination)
    throw new AppError('DOCUMENT.EMPTY');
  if (kindPolicy(doc.kind).hasValidityDate && doc.validUntil && doc.validUntil < today) {
    throw new AppError('DOCUMENT.VALIDITY_PASSED', { validUntil: doc.validUntil });
  }
  if (isLetterKind(doc.kind) && !doc.termsVersionId) throw new AppError('TERMS.NONE_CURRENT');
  const targets = targetLetterIds(doc);
  if (targets.length === 0) return doc;
  const documents = await scope.documents.listByEngagement(doc.engagementId);
  const [letter] = unwrap(lettersInForce(documents, targets, doc.effectiveDate ?? today));
  unwrap(checkReplacementUpToDate(documents, doc));
  if (doc.kind !== 'amendment' || !letter) return doc;
  const lines = refreshAmendmentLines(letter, doc.lines);
  return { ...doc, lines, totals: totalsOf(lines) };
};

type SendInput = {
  documentId: string;
  version?: number;
  signerMobile?: string;
  /** Issue 18: the sender's personal words, quoted in the client's invitation mail. */
  message?: string;
  /**
   * R-G1: a letter of termination posted as a registered letter instead of sent for signature:
   * numbered and frozen as any sending, its PDF (which says so) kept as the copy; no signing link,
   * no signing deadline (its receipt is the proof, it never expires).
   */
  registeredMail?: { number: string; sentOn: string };
};

/**
 * R-B4, R-B5: sending checks the document is complete, numbers it and freezes its content and its
 * PDF, in one transaction: a document is sent with its PDF, or not at all.
 */
export const sendDocument = async (
  deps: SendDocumentDeps,
  actor: Actor,
  /** With the version the sender read, a colleague's last-second edit is not sent unseen. */
  input: SendInput,
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, (scope) => sendDraft(deps, scope, actor, input));
};

/** sendDocument inside the caller's transaction (a campaign sends its letters one by one). */
export const sendDraft = async (
  deps: SendDocumentDeps,
  scope: FirmScope,
  actor: Actor,
  input: SendInput,
): Promise<Document> => {
  const at = deps.clock.now();
  const today = parisDate(at);
  const doc = found(await scope.documents.find(input.documentId, { forUpdate: true }), 'document');
  if (input.version !== undefined && input.version !== doc.version) {
    throw new AppError('EDIT.STALE_VERSION', { currentVersion: doc.version });
  }
  if (!canApply(doc, 'send')) {
    throw new AppError('DOCUMENT.TRANSITION_NOT_ALLOWED', { status: doc.status, action: 'send' });
  }
  if (input.registeredMail) await recordRegisteredMail(scope, doc, input.registeredMail);
  const ready = await prepareSending(scope, doc, today);
  const facts = await gatherDocumentFacts(scope, ready, { issuedOn: today, number: null });
  assertComplete(facts);
  await assertVigilanceAllowsContract(scope, doc, today);
  const number = await drawNumber(scope, doc, yearOf(today));
  const sent = unwrap(applyDocumentAction(ready, { type: 'send', number }, { at }));
  const numbered = { ...facts, number };
  const pdf = await renderFacts(deps, scope, numbered, { at, watermark: null });
  const firm = await scope.firm.get();
  await scope.documentFiles.insert({
    documentId: doc.id,
    purpose: 'frozen',
    contentType: 'application/pdf',
    ...pdf,
    createdAt: at,
  });
  const saved = notStale(
    await scope.documents.save(
      {
        ...sent,
        frozen: freeze(ready, at, { sha256: pdf.sha256, facts: numbered }),
        signingDeadline: input.registeredMail ? null : deadlineOnSending(doc, firm, at),
      },
      { expectedVersion: doc.version, at, rewriteLines: ready.lines !== doc.lines },
    ),
  );
  const signing = input.registeredMail
    ? { registeredMail: input.registeredMail }
    : await openSigningRequests(deps, scope, {
        doc: saved,
        firm,
        at,
        ...(input.signerMobile ? { signerMobile: input.signerMobile } : {}),
        ...(input.message?.trim()
          ? { personal: { message: input.message.trim(), senderName: actor.name } }
          : {}),
      });
  await recordEvent(scope, {
    type: 'document.sent',
    actor,
    at,
    engagementId: doc.engagementId,
    documentId: doc.id,
    before: { status: doc.status },
    after: { status: saved.status, number },
    data: signing,
  });
  return saved;
};
