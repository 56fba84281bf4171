import { addDays, addMonths, type IsoDate, nextFiscalYearEnd } from '../shared/dates.ts';

export type LetterTerm = {
  /** The last day the letter covers before it renews (tacitly or by a new letter). */
  readonly periodEnd: IsoDate;
  /** The last day either party may give notice not to renew. */
  readonly noticeDeadline: IsoDate;
};

/**
 * DOMAIN.md "Duration": a letter covers the client's fiscal years, so its first period ends on
 * the first fiscal year end on or after its start, extended by whole years when the duration is
 * longer than one year; notice is due `noticeMonths` before that end (usually three months).
 * A letter starting after that year's notice deadline runs to the next fiscal year end: a client
 * is never bound to a renewal it could not refuse (a letter of 4 November with a 31 December
 * closing would otherwise have had to be refused by 30 September). Issue 14, item 1: nor to one it
 * could refuse only within days: the first deadline falls at least MIN_NOTICE_LEAD_MONTHS after the
 * start (a letter created on a proposal signed on 25 September would otherwise have had to be
 * refused by 30 September, five days later).
 */
/** The least time a client has, from the start of a letter, before its first notice deadline. */
export const MIN_NOTICE_LEAD_MONTHS = 1;

export const letterTerm = (input: {
  effectiveDate: IsoDate;
  durationMonths: number;
  noticeMonths: number;
  fiscalYearEnd: string;
}): LetterTerm => {
  const closing = nextFiscalYearEnd(input.effectiveDate, input.fiscalYearEnd);
  const firstYearEnd =
    addMonths(closing, -input.noticeMonths) < addMonths(input.effectiveDate, MIN_NOTICE_LEAD_MONTHS)
      ? nextFiscalYearEnd(addDays(closing, 1), input.fiscalYearEnd)
      : closing;
  const extraYears = Math.max(0, Math.ceil(input.durationMonths / 12) - 1);
  const periodEnd =
    extraYears === 0
      ? firstYearEnd
      : nextFiscalYearEnd(addMonths(firstYearEnd, 12 * extraYears - 1), input.fiscalYearEnd);
  return { periodEnd, noticeDeadline: addMonths(periodEnd, -input.noticeMonths) };
};
