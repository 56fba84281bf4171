import { describe, expect, it } from 'vitest';
import { letterTerm, MIN_NOTICE_LEAD_MONTHS } from '../../src/domain/documents/term.ts';
import { addMonths } from '../../src/domain/shared/dates.ts';

describe('the term of a letter', () => {
  it('covers the fiscal year that contains its start, notice three months before the year end', () => {
    expect(
      letterTerm({
        effectiveDate: '2026-01-01',
        durationMonths: 12,
        noticeMonths: 3,
        fiscalYearEnd: '12-31',
      }),
    ).toEqual({
      periodEnd: '2026-12-31',
      noticeDeadline: '2026-09-30',
    });
  });

  it('a letter starting mid-year covers the current fiscal year only', () => {
    expect(
      letterTerm({ effectiveDate: '2026-03-15', durationMonths: 12, noticeMonths: 3, fiscalYearEnd: '12-31' })
        .periodEnd,
    ).toBe('2026-12-31');
  });

  it('follows a fiscal year ending on 30 June', () => {
    expect(
      letterTerm({ effectiveDate: '2026-07-01', durationMonths: 12, noticeMonths: 3, fiscalYearEnd: '06-30' })
        .periodEnd,
    ).toBe('2027-06-30');
  });

  it('a duration of three years ends on the third fiscal year end', () => {
    expect(
      letterTerm({
        effectiveDate: '2026-01-01',
        durationMonths: 36,
        noticeMonths: 6,
        fiscalYearEnd: '12-31',
      }),
    ).toEqual({
      periodEnd: '2028-12-31',
      noticeDeadline: '2028-06-30',
    });
  });

  it('a notice of one month before a 28 February closing', () => {
    expect(
      letterTerm({
        effectiveDate: '2026-05-01',
        durationMonths: 12,
        noticeMonths: 1,
        fiscalYearEnd: '02-28',
      }),
    ).toEqual({
      periodEnd: '2027-02-28',
      noticeDeadline: '2027-01-28',
    });
  });

  it('a letter starting after the notice deadline of its fiscal year runs to the next year end, never binding the client before it could give notice', () => {
    // Reported in review: LMS-2026-0002 started on 4 November with a deadline of 30 September.
    expect(
      letterTerm({
        effectiveDate: '2026-11-04',
        durationMonths: 12,
        noticeMonths: 3,
        fiscalYearEnd: '12-31',
      }),
    ).toEqual({ periodEnd: '2027-12-31', noticeDeadline: '2027-09-30' });
    // Starting on the closing day itself: not a one-day period.
    expect(
      letterTerm({
        effectiveDate: '2026-06-30',
        durationMonths: 12,
        noticeMonths: 3,
        fiscalYearEnd: '06-30',
      }),
    ).toEqual({ periodEnd: '2027-06-30', noticeDeadline: '2027-03-30' });
    // Issue 14, item 1: on the deadline itself, or days before it, the client could not weigh a
    // refusal: the letter runs to the next year end (at least MIN_NOTICE_LEAD_MONTHS to decide).
    expect(
      letterTerm({
        effectiveDate: '2026-09-30',
        durationMonths: 12,
        noticeMonths: 3,
        fiscalYearEnd: '12-31',
      }),
    ).toEqual({ periodEnd: '2027-12-31', noticeDeadline: '2027-09-30' });
  });

  it('a letter created on a proposal signed on 25 September: its notice deadline is not five days after the signature', () => {
    const term = letterTerm({
      effectiveDate: '2026-09-25',
      durationMonths: 12,
      noticeMonths: 3,
      fiscalYearEnd: '12-31',
    });
    expect(term).toEqual({ periodEnd: '2027-12-31', noticeDeadline: '2027-09-30' });
    expect(term.noticeDeadline >= addMonths('2026-09-25', MIN_NOTICE_LEAD_MONTHS)).toBe(true);
    // A month ahead or more, the current year end stands.
    expect(
      letterTerm({
        effectiveDate: '2026-08-30',
        durationMonths: 12,
        noticeMonths: 3,
        fiscalYearEnd: '12-31',
      }),
    ).toEqual({ periodEnd: '2026-12-31', noticeDeadline: '2026-09-30' });
  });
});
