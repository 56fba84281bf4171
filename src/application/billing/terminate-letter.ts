import { decideTermination, type TerminationRequest } from '../../domain/documents/termination.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { Deps, Termination } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { syncRelationshipEnd } from '../vigilance/relationship.ts';
import { draftTerminationLetter } from './termination-letter.ts';

export type BillingDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/**
 * R-G1 in one transaction: the letter is locked (its engagement first), the domain checks the
 * notice against the letter's terms and its client's closing, the termination is recorded (once:
 * a unique key decides between two concurrent requests), the letter carries its end date, which
 * every reader of the scope in force (R-C3) and the schedule (R-G2) then sees, and the history says
 * who asked, why and when.
 */
export const terminateLetter = async (
  deps: BillingDeps,
  actor: Actor,
  input: { letterId: string; reasonConfidential?: boolean } & Omit<TerminationRequest, 'noticeGivenOn'>,
): Promise<Termination> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const letter = found(await scope.documents.find(input.letterId, { forUpdate: true }), 'document');
    const engagement = found(await scope.engagements.find(letter.engagementId), 'engagement');
    const company = found(await scope.companies.find(engagement.companyId), 'company');
    const decision = unwrap(
      decideTermination(
        {
          ...letter,
          effectiveDate: letter.effectiveDate ?? parisDate(letter.signedAt ?? letter.createdAt),
          fiscalYearEnd: company.fiscalYearEnd,
        },
        {
          requestedBy: input.requestedBy,
          reason: input.reason.trim(),
          endDate: input.endDate,
          agreedOtherwise: input.agreedOtherwise,
          noticeGivenOn: parisDate(at),
        },
      ),
    );
    const id = deps.ids.uuid();
    // R-G1: the letter of termination is born with its termination, a draft until it is sent.
    const terminationDocumentId = await draftTerminationLetter(deps, scope, {
      actor,
      letter,
      termination: { id, engagementId: engagement.id },
      at,
    });
    const termination: Termination = {
      ...decision,
      id,
      engagementId: engagement.id,
      reasonConfidential: input.reasonConfidential ?? false,
      terminationDocumentId,
      registeredMailNumber: null,
      registeredMailSentOn: null,
      recordedBy: actor.userId,
      recordedAt: at,
    };
    if (!(await scope.billing.insertTermination(termination)))
      throw new AppError('TERMINATION.ALREADY_TERMINATED', { letterId: letter.id });
    notStale(
      await scope.documents.save(
        { ...letter, endDate: decision.endDate },
        { expectedVersion: letter.version, at },
      ),
    );
    await recordEvent(scope, {
      type: 'document.terminated',
      actor,
      at,
      engagementId: engagement.id,
      documentId: letter.id,
      before: { endDate: null },
      after: { endDate: decision.endDate },
      data: {
        requestedBy: decision.requestedBy,
        reason: decision.reason,
        noticeGivenOn: decision.noticeGivenOn,
        earliestEndDate: decision.earliestEndDate,
        noticeRespected: decision.noticeRespected,
        agreedOtherwise: decision.agreedOtherwise,
        reasonConfidential: termination.reasonConfidential,
        terminationDocumentId,
      },
    });
    // R-F7: the last letter terminated ends the relationship: the LCB-FT file's retention counts from it.
    await syncRelationshipEnd(deps, scope, { engagementId: engagement.id, actor, at });
    return termination;
  });
};

/** A termination with the state of its letter of termination, as the letter's page shows it. */
export type TerminationView = Termination & {
  terminationDocument: Pick<Document, 'id' | 'number' | 'status' | 'version' | 'sentAt' | 'signedAt'> | null;
};

export const viewOfTermination = (termination: Termination, doc: Document | undefined): TerminationView => ({
  ...termination,
  terminationDocument: doc
    ? {
        id: doc.id,
        number: doc.number,
        status: doc.status,
        version: doc.version,
        sentAt: doc.sentAt,
        signedAt: doc.signedAt,
      }
    : null,
});

export const listTerminations = async (
  deps: BillingDeps,
  actor: Actor,
  input: { engagementId: string },
): Promise<TerminationView[]> => {
  const scope = deps.store.read(actor.firmId);
  found(await scope.engagements.find(input.engagementId), 'engagement');
  const terminations = await scope.billing.listTerminations({ engagementId: input.engagementId });
  const documents = terminations.length > 0 ? await scope.documents.listByEngagement(input.engagementId) : [];
  return terminations.map((termination) =>
    viewOfTermination(
      termination,
      documents.find((doc) => doc.id === termination.terminationDocumentId),
    ),
  );
};

/** One termination as its letter's page shows it. */
export const getTermination = async (
  deps: BillingDeps,
  actor: Actor,
  input: { terminationId?: string; terminationDocumentId?: string },
): Promise<TerminationView> => {
  const scope = deps.store.read(actor.firmId);
  const [termination] = await scope.billing.listTerminations(
    input.terminationId
      ? { id: input.terminationId }
      : { terminationDocumentId: input.terminationDocumentId ?? '' },
  );
  const known = found(termination, 'termination');
  const doc = known.terminationDocumentId
    ? await scope.documents.find(known.terminationDocumentId)
    : undefined;
  return viewOfTermination(known, doc ?? undefined);
};
