import { DOCUMENT_TITLES } from '../../domain/documents/kinds.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import { newDraft } from '../documents/new-document.ts';
import { sendDraft } from '../documents/send-document.ts';
import { recordEvent } from '../events.ts';
import type { Deps, FirmScope, SendDocumentDeps, Termination } from '../ports/index.ts';
import type { Document } from '../records.ts';

/**
 * R-G1: the letter of termination (« lettre de fin de mission », FM-YYYY-NNNN) is a document of its
 * own, a draft born with its termination. Its words come from the termination (gathered when it is
 * rendered), so it has no lines and no terms; sending numbers and freezes it like any document.
 */
export const draftTerminationLetter = async (
  deps: Pick<Deps, 'ids'>,
  scope: FirmScope,
  input: { actor: Actor; letter: Document; termination: Pick<Termination, 'id' | 'engagementId'>; at: Date },
): Promise<string> => {
  const { actor, letter, at } = input;
  const id = deps.ids.uuid();
  await scope.documents.insert(
    newDraft({
      at,
      id,
      engagementId: input.termination.engagementId,
      kind: 'termination_letter',
      createdBy: actor.userId,
      firmSignatoryId: letter.firmSignatoryId,
      terms: {
        title: DOCUMENT_TITLES.termination_letter,
        validUntil: null,
        effectiveDate: null,
        durationMonths: letter.durationMonths,
        renewal: letter.renewal,
        noticeMonths: letter.noticeMonths,
        billingPeriod: letter.billingPeriod,
        paymentTerms: null,
        revisionClause: null,
        notes: null,
        termsVersionId: null,
      },
      lines: [],
    }),
  );
  await recordEvent(scope, {
    type: 'document.created',
    actor,
    at,
    engagementId: input.termination.engagementId,
    documentId: id,
    after: { kind: 'termination_letter', status: 'draft', terminationId: input.termination.id },
  });
  return id;
};

/**
 * R-G1: the letter of termination of a termination recorded without one (before it existed), or
 * whose letter was cancelled. A termination with a letter still alive answers that one: preparing
 * twice makes one letter.
 */
export const prepareTerminationLetter = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  actor: Actor,
  input: { terminationId: string },
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const [termination] = await scope.billing.listTerminations({ id: input.terminationId });
    const known = found(termination, 'termination');
    // The terminated letter is locked first: two requests for one termination make one letter.
    const letter = found(await scope.documents.find(known.letterId, { forUpdate: true }), 'document');
    const current = known.terminationDocumentId
      ? await scope.documents.find(known.terminationDocumentId)
      : undefined;
    if (current && current.status !== 'cancelled') return current;
    const id = await draftTerminationLetter(deps, scope, { actor, letter, termination: known, at });
    await scope.billing.updateTermination(known.id, {
      terminationDocumentId: id,
      registeredMailNumber: null,
      registeredMailSentOn: null,
    });
    return found(await scope.documents.find(id), 'document');
  });
};

/**
 * R-G1: the letter of termination posted as a registered letter (« envoyée en recommandé ») instead
 * of sent for signature: numbered and frozen as a sending is, its PDF saying the registered letter's
 * number and day, kept as the copy.
 */
export const sendTerminationByRegisteredMail = async (
  deps: SendDocumentDeps,
  actor: Actor,
  input: { documentId: string; number: string; sentOn: string; version?: number },
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    // Another firm's id answers 404 whatever the date: the document is looked up first.
    found(await scope.documents.find(input.documentId), 'document');
    if (input.sentOn > parisDate(deps.clock.now()))
      throw new AppError('TERMINATION.REGISTERED_MAIL_IN_FUTURE', { sentOn: input.sentOn });
    return sendDraft(deps, scope, actor, {
      documentId: input.documentId,
      ...(input.version !== undefined ? { version: input.version } : {}),
      registeredMail: { number: input.number.trim(), sentOn: input.sentOn },
    });
  });
};
