import { addMonths, type IsoDate, nextFiscalYearEnd } from '../shared/dates.ts';

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
 */
export const letterTerm = (input: {
  effectiveDate: IsoDate;
  durationMonths: number;
  noticeMonths: number;
  fiscalYearEnd: string;
}): LetterTerm => {
  const firstYearEnd = nextFiscalYearEnd(input.effectiveDate, input.fiscalYearEnd);
  const extraYears = Math.max(0, Math.ceil(input.durationMonths / 12) - 1);
  const periodEnd =
    extraYears === 0
      ? firstYearEnd
      : nextFiscalYearEnd(addMonths(firstYearEnd, 12 * extraYears - 1), input.fiscalYearEnd);
  return { periodEnd, noticeDeadline: addMonths(periodEnd, -input.noticeMonths) };
};
