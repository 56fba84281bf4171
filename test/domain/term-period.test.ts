import { describe, expect, it } from 'vitest';
import { firstPeriodInstalments, firstPeriodOf, periodFees } from '../../src/domain/documents/term-period.ts';
import { sumCents } from '../../src/domain/shared/money.ts';

const terms = { noticeMonths: 3, durationMonths: 12 };

describe('firstPeriodOf: the first period a letter covers, which its fees and schedule follow (issue 14, item 1)', () => {
  it('effective 01/01/2027 with a 31 March closing: 15 months over the fiscal years closed on 31/03/2027 and 31/03/2028, prorated', () => {
    expect(firstPeriodOf({ ...terms, effectiveDate: '2027-01-01', fiscalYearEnd: '03-31' })).toEqual({
      start: '2027-01-01',
      end: '2028-03-31',
      months: 15,
      fiscalYears: [
        { start: '2026-04-01', end: '2027-03-31' },
        { start: '2027-04-01', end: '2028-03-31' },
      ],
      prorated: true,
    });
  });

  it('a calendar year from 1 January: 12 months, one fiscal year, not prorated', () => {
    expect(firstPeriodOf({ ...terms, effectiveDate: '2027-01-01', fiscalYearEnd: '12-31' })).toEqual({
      start: '2027-01-01',
      end: '2027-12-31',
      months: 12,
      fiscalYears: [{ start: '2027-01-01', end: '2027-12-31' }],
      prorated: false,
    });
  });

  it('mid-year: the rest of the fiscal year, prorated; a month begun counts', () => {
    const period = firstPeriodOf({ ...terms, effectiveDate: '2026-07-15', fiscalYearEnd: '12-31' });
    expect(period).toMatchObject({ end: '2026-12-31', months: 6, prorated: true });
    expect(period.fiscalYears).toEqual([{ start: '2026-01-01', end: '2026-12-31' }]);
  });

  it('three years: whole years, not prorated', () => {
    expect(
      firstPeriodOf({
        noticeMonths: 3,
        durationMonths: 36,
        effectiveDate: '2026-01-01',
        fiscalYearEnd: '12-31',
      }),
    ).toMatchObject({ end: '2028-12-31', months: 36, prorated: false });
  });

  it('the prorata of the fees and the instalments agree to the cent, twelve of them making the annual fees', () => {
    // 1 000,00 € a year over 15 months: 1 250,00 €, 14 × 83,33 € and a last one of 83,38 €.
    expect(periodFees(100_000, 15)).toBe(125_000);
    const schedule = firstPeriodInstalments(100_000, 15);
    expect(schedule).toHaveLength(15);
    expect(schedule.slice(0, 14).every((amount) => amount === 8_333)).toBe(true);
    expect(schedule.at(-1)).toBe(8_338);
    expect(sumCents(schedule)).toBe(125_000);
    // A year keeps DOMAIN.md E's example: 11 × 83,33 € + 83,37 €.
    expect(firstPeriodInstalments(100_000, 12)).toEqual([...Array(11).fill(8_333), 8_337]);
    expect(sumCents(firstPeriodInstalments(330_000, 6))).toBe(165_000);
  });
});
