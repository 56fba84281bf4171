import { describe, expect, it } from 'vitest';
import { letterTerm } from '../../src/domain/documents/term.ts';
import {
  isDueWithin,
  type NoticeTerms,
  upcomingNoticeDeadline,
} from '../../src/domain/renewal/notice-deadlines.ts';
import { addDays, addMonths, type IsoDate, nextFiscalYearEnd } from '../../src/domain/shared/dates.ts';

/** A one-year letter from 1 January 2026, renewed tacitly, three months' notice, 31 December closing. */
const someTerms = (overrides: Partial<NoticeTerms> = {}): NoticeTerms => ({
  effectiveDate: '2026-01-01',
  durationMonths: 12,
  noticeMonths: 3,
  renewal: 'tacit',
  fiscalYearEnd: '12-31',
  ...overrides,
});

/** The same rule walked one fiscal year at a time, without the shortcut: an oracle for long gaps. */
const walkYearByYear = (terms: NoticeTerms, today: IsoDate) => {
  let term = letterTerm(terms);
  if (term.noticeDeadline >= today) return term;
  if (terms.renewal !== 'tacit') return undefined;
  for (;;) {
    const periodEnd = nextFiscalYearEnd(addDays(term.periodEnd, 1), terms.fiscalYearEnd);
    term = { periodEnd, noticeDeadline: addMonths(periodEnd, -terms.noticeMonths) };
    if (term.noticeDeadline >= today) return term;
  }
};

describe('upcomingNoticeDeadline', () => {
  it('a 31 December closing with three months’ notice: notice by 30 September of the first year', () => {
    expect(upcomingNoticeDeadline(someTerms(), '2026-03-01')).toEqual({
      periodEnd: '2026-12-31',
      noticeDeadline: '2026-09-30',
    });
  });

  it('the deadline day itself is still upcoming', () => {
    expect(upcomingNoticeDeadline(someTerms(), '2026-09-30')).toEqual({
      periodEnd: '2026-12-31',
      noticeDeadline: '2026-09-30',
    });
  });

  it('a tacit renewal: the day after, the next deadline is a fiscal year later', () => {
    expect(upcomingNoticeDeadline(someTerms(), '2026-10-01')).toEqual({
      periodEnd: '2027-12-31',
      noticeDeadline: '2027-09-30',
    });
  });

  it('a tacit renewal years later: the deadline of the current year, or of the next once it has passed', () => {
    expect(upcomingNoticeDeadline(someTerms(), '2030-05-10')).toEqual({
      periodEnd: '2030-12-31',
      noticeDeadline: '2030-09-30',
    });
    expect(upcomingNoticeDeadline(someTerms(), '2030-09-30')).toEqual({
      periodEnd: '2030-12-31',
      noticeDeadline: '2030-09-30',
    });
    expect(upcomingNoticeDeadline(someTerms(), '2030-10-01')).toEqual({
      periodEnd: '2031-12-31',
      noticeDeadline: '2031-09-30',
    });
  });

  it('a letter renewed by a new letter has its first deadline only', () => {
    const terms = someTerms({ renewal: 'new_letter' });
    expect(upcomingNoticeDeadline(terms, '2026-09-30')).toEqual({
      periodEnd: '2026-12-31',
      noticeDeadline: '2026-09-30',
    });
    expect(upcomingNoticeDeadline(terms, '2026-10-01')).toBeUndefined();
    expect(upcomingNoticeDeadline(terms, '2031-01-15')).toBeUndefined();
  });

  it('a 30 June closing: notice by 30 March, year after year', () => {
    const terms = someTerms({ effectiveDate: '2026-07-01', fiscalYearEnd: '06-30' });
    expect(upcomingNoticeDeadline(terms, '2026-07-01')).toEqual({
      periodEnd: '2027-06-30',
      noticeDeadline: '2027-03-30',
    });
    expect(upcomingNoticeDeadline(terms, '2028-01-01')).toEqual({
      periodEnd: '2028-06-30',
      noticeDeadline: '2028-03-30',
    });
    expect(upcomingNoticeDeadline(terms, '2028-03-31')).toEqual({
      periodEnd: '2029-06-30',
      noticeDeadline: '2029-03-30',
    });
  });

  it('a three-year first period, then yearly renewals', () => {
    const terms = someTerms({ durationMonths: 36, noticeMonths: 6 });
    expect(upcomingNoticeDeadline(terms, '2026-02-01')).toEqual({
      periodEnd: '2028-12-31',
      noticeDeadline: '2028-06-30',
    });
    expect(upcomingNoticeDeadline(terms, '2028-07-01')).toEqual({
      periodEnd: '2029-12-31',
      noticeDeadline: '2029-06-30',
    });
  });

  it('a letter starting after its year’s notice deadline has its first deadline a year later', () => {
    expect(upcomingNoticeDeadline(someTerms({ effectiveDate: '2026-11-04' }), '2026-11-04')).toEqual({
      periodEnd: '2027-12-31',
      noticeDeadline: '2027-09-30',
    });
  });

  it('a 29 February closing falls on 28 February in common years', () => {
    const terms = someTerms({ effectiveDate: '2027-03-01', fiscalYearEnd: '02-29', noticeMonths: 1 });
    expect(upcomingNoticeDeadline(terms, '2027-03-01')).toEqual({
      periodEnd: '2028-02-29',
      noticeDeadline: '2028-01-29',
    });
    expect(upcomingNoticeDeadline(terms, '2028-02-01')).toEqual({
      periodEnd: '2029-02-28',
      noticeDeadline: '2029-01-28',
    });
    expect(upcomingNoticeDeadline(terms, '2031-02-01')).toEqual({
      periodEnd: '2032-02-29',
      noticeDeadline: '2032-01-29',
    });
  });

  it('whatever the gap, the shortcut gives what a year-by-year walk gives', () => {
    const variants = [
      someTerms(),
      someTerms({ effectiveDate: '2026-07-01', fiscalYearEnd: '06-30' }),
      someTerms({ effectiveDate: '2026-11-04', noticeMonths: 1 }),
      someTerms({ effectiveDate: '2027-03-01', fiscalYearEnd: '02-29', noticeMonths: 1 }),
      someTerms({ fiscalYearEnd: '03-31', noticeMonths: 6, durationMonths: 24 }),
      someTerms({ fiscalYearEnd: '01-31', noticeMonths: 0 }),
    ];
    const mismatches: string[] = [];
    for (const terms of variants) {
      for (let today = '2025-12-01'; today < '2036-01-01'; today = addDays(today, 13)) {
        const got = JSON.stringify(upcomingNoticeDeadline(terms, today));
        const walked = JSON.stringify(walkYearByYear(terms, today));
        if (got !== walked) mismatches.push(`${JSON.stringify(terms)} on ${today}: ${got} ≠ ${walked}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isDueWithin', () => {
  it('counts today and the last day of the window, both included', () => {
    expect(isDueWithin('2026-09-15', '2026-09-15', 30)).toBe(true);
    expect(isDueWithin('2026-10-15', '2026-09-15', 30)).toBe(true);
    expect(isDueWithin('2026-10-01', '2026-09-15', 30)).toBe(true);
  });

  it('leaves out a deadline already passed, and one beyond the window', () => {
    expect(isDueWithin('2026-09-14', '2026-09-15', 30)).toBe(false);
    expect(isDueWithin('2026-10-16', '2026-09-15', 30)).toBe(false);
  });

  it('a window of zero days is today only', () => {
    expect(isDueWithin('2026-09-15', '2026-09-15', 0)).toBe(true);
    expect(isDueWithin('2026-09-16', '2026-09-15', 0)).toBe(false);
  });

  it('crosses the end of a year', () => {
    expect(isDueWithin('2027-01-14', '2026-12-15', 30)).toBe(true);
    expect(isDueWithin('2027-01-15', '2026-12-15', 30)).toBe(false);
  });
});
