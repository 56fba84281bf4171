import { describe, expect, it } from 'vitest';
import { addToMonth, isMonth, monthsBetween } from '../../../src/domain/billing/months.ts';

describe('R-G2 billing months', () => {
  it('R-G2 counts months across years', () => {
    expect(addToMonth('2027-11', 3)).toBe('2028-02');
    expect(addToMonth('2027-01', -1)).toBe('2026-12');
    expect(monthsBetween('2027-11', '2028-02')).toEqual(['2027-11', '2027-12', '2028-01', '2028-02']);
    expect(monthsBetween('2028-02', '2027-11')).toEqual([]);
  });

  it('R-G2 reads a month as YYYY-MM', () => {
    expect(isMonth('2027-12')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('2027-1')).toBe(false);
  });
});
