import { addDays, addMonths, type IsoDate } from '../../shared/dates.ts';
import type { DocumentFacts } from './facts.ts';

/**
 * The dates a proposal and a work order announce, derived from their own fields (no column of their
 * own): a proposal's planned start, where its schedule begins; a work order's planned completion.
 */

/**
 * A proposal starts on the date it gives; without one, on the first day of the month after it is
 * issued: the earliest month a signed letter can bill in full.
 */
export const proposalPlannedStart = (facts: DocumentFacts): IsoDate =>
  facts.effectiveDate ?? `${addMonths(facts.issuedOn, 1).slice(0, 8)}01`;

/** Without a date of its own, a work order's work is planned to be done within 30 days of its start. */
export const WORK_ORDER_COMPLETION_DAYS = 30;

export const workOrderStart = (facts: DocumentFacts): IsoDate => facts.effectiveDate ?? facts.issuedOn;

/** A work order's planned completion: its validity date when one was given after its start, else start + 30 days. */
export const workOrderCompletion = (facts: DocumentFacts): IsoDate => {
  const start = workOrderStart(facts);
  return facts.validUntil && facts.validUntil >= start
    ? facts.validUntil
    : addDays(start, WORK_ORDER_COMPLETION_DAYS);
};
