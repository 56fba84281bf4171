import type { DocumentFacts } from '../../domain/documents/content/facts.ts';
import { endingServicesOf } from '../../domain/documents/content/termination-content.ts';
import { letterScopeOn } from '../../domain/documents/scope.ts';
import { scopeInputs } from '../../domain/documents/scope-inputs.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Document } from '../records.ts';

/**
 * R-G1: what a letter of termination says, from the termination it records: the letter it ends,
 * who asked and why (unless confidential), the notice, and the services in force on the end date
 * (the letter's scope with its amendments, R-C3). Null when no termination links this document.
 */
export const gatherTerminationFacts = async (
  scope: FirmScope,
  doc: Document,
  others: readonly Document[],
): Promise<DocumentFacts['termination']> => {
  const [termination] = await scope.billing.listTerminations({ terminationDocumentId: doc.id });
  if (!termination) return null;
  const letterDoc = others.find((other) => other.id === termination.letterId);
  const inputs = scopeInputs(others);
  const letter = inputs.letters.find((candidate) => candidate.id === termination.letterId);
  const services = letter
    ? endingServicesOf(letterScopeOn(letter, inputs.amendments, termination.endDate))
    : [];
  return {
    letter: {
      kind: letterDoc?.kind ?? 'engagement_letter',
      number: letterDoc?.number ?? null,
      signedOn: letterDoc?.signedAt ? parisDate(letterDoc.signedAt) : null,
      effectiveDate: letterDoc?.effectiveDate ?? null,
    },
    requestedBy: termination.requestedBy,
    reason: termination.reasonConfidential ? null : termination.reason,
    noticeGivenOn: termination.noticeGivenOn,
    endDate: termination.endDate,
    earliestEndDate: termination.earliestEndDate,
    noticeMonths: letterDoc?.noticeMonths ?? doc.noticeMonths,
    noticeRespected: termination.noticeRespected,
    agreedOtherwise: termination.agreedOtherwise,
    // R-G2: the ended letter's period; its letter of termination copied it when drafted.
    billingPeriod: letterDoc?.billingPeriod ?? doc.billingPeriod,
    services,
    registeredMail:
      termination.registeredMailNumber && termination.registeredMailSentOn
        ? { number: termination.registeredMailNumber, sentOn: termination.registeredMailSentOn }
        : null,
  };
};
