import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  isIsoDate,
  nextFiscalYearEnd,
  parisDate,
  yearOf,
} from '../../src/domain/shared/dates.ts';

describe('parisDate', () => {
  it('R-B5 takes the day in Paris across midnight UTC on 31 December (numbering year)', () => {
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDate(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });

  it('follows summer time (UTC+2)', () => {
    expect(parisDate(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(parisDate(new Date('2026-07-14T21:30:00Z'))).toBe('2026-07-14');
  });

  it('gives the year of a date', () => {
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    expect(isIsoDate('2026-11-29')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('rejects impossible or badly written dates', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-02-32')).toBe(false);
    expect(isIsoDate('2026-1-1')).toBe(false);
    expect(isIsoDate('29/11/2026')).toBe(false);
  });
});

describe('addDays and addMonths', () => {
  it('adds days across the year end, both ways', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('keeps the day when the month has it', () => {
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
  });
});

describe('nextFiscalYearEnd', () => {
  it('gives the closing of the current year when it is still ahead, or today', () => {
    expect(nextFiscalYearEnd('2026-06-15', '12-31')).toBe('2026-12-31');
    expect(nextFiscalYearEnd('2026-12-31', '12-31')).toBe('2026-12-31');
  });

  it('moves to next year once the closing has passed', () => {
    expect(nextFiscalYearEnd('2027-01-01', '12-31')).toBe('2027-12-31');
    expect(nextFiscalYearEnd('2026-07-01', '06-30')).toBe('2027-06-30');
  });

  it('falls back to 28 February for a 29 February closing in common years', () => {
    expect(nextFiscalYearEnd('2026-01-10', '02-29')).toBe('2026-02-28');
    expect(nextFiscalYearEnd('2027-03-01', '02-29')).toBe('2028-02-29');
  });

  // Regression: a malformed closing used to give impossible dates such as "2026-13-01".
  it('throws on a malformed closing instead of producing an impossible date', () => {
    for (const closing of ['13-01', '00-10', '12-32', '12-00', 'abc', '1231', '']) {
      expect(() => nextFiscalYearEnd('2026-06-15', closing)).toThrow(RangeError);
    }
  });
});
