import { letterTerm } from '../documents/term.ts';
import { addDays, addMonths, type IsoDate, nextFiscalYearEnd } from '../shared/dates.ts';

export type NoticeTerms = {
  readonly effectiveDate: IsoDate;
  readonly durationMonths: number;
  readonly noticeMonths: number;
  readonly renewal: 'tacit' | 'new_letter';
  readonly fiscalYearEnd: string;
};

/**
 * DOMAIN.md "Duration": the next day, on or after today, by which either party must give notice
 * not to renew a letter: its first period's deadline, then, for a tacit renewal, one a fiscal year
 * later each year. A letter that ends without tacit renewal has no deadline after its first period.
 */
export const upcomingNoticeDeadline = (
  terms: NoticeTerms,
  today: IsoDate,
): { periodEnd: IsoDate; noticeDeadline: IsoDate } | undefined => {
  const first = letterTerm(terms);
  if (first.noticeDeadline >= today) return first;
  if (terms.renewal !== 'tacit') return undefined;
  // Jump close to today in one step, then walk the fiscal year ends.
  const yearsBehind = Math.max(0, Number(today.slice(0, 4)) - Number(first.periodEnd.slice(0, 4)) - 1);
  let periodEnd = nextFiscalYearEnd(addMonths(first.periodEnd, 12 * yearsBehind), terms.fiscalYearEnd);
  for (;;) {
    periodEnd = nextFiscalYearEnd(addDays(periodEnd, 1), terms.fiscalYearEnd);
    const noticeDeadline = addMonths(periodEnd, -terms.noticeMonths);
    if (noticeDeadline >= today) return { periodEnd, noticeDeadline };
  }
};

/** Whether a deadline falls within the next `days` days, today included. */
export const isDueWithin = (deadline: IsoDate, today: IsoDate, days: number): boolean =>
  deadline >= today && deadline <= addDays(today, days);
