import { decideTermination, type TerminationRequest } from '../../domain/documents/termination.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { Deps, Termination } from '../ports/index.ts';

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
  input: { letterId: string } & Omit<TerminationRequest, 'noticeGivenOn'>,
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
        { ...input, reason: input.reason.trim(), noticeGivenOn: parisDate(at) },
      ),
    );
    const termination: Termination = {
      ...decision,
      id: deps.ids.uuid(),
      engagementId: engagement.id,
      terminationDocumentId: null,
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
      },
    });
    return termination;
  });
};

export const listTerminations = async (deps: BillingDeps, actor: Actor, input: { engagementId: string }) => {
  const scope = deps.store.read(actor.firmId);
  found(await scope.engagements.find(input.engagementId), 'engagement');
  return scope.billing.listTerminations({ engagementId: input.engagementId });
};
