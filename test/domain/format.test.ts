import { describe, expect, it } from 'vitest';
import { formatDateFr, formatEuros } from '../../src/domain/shared/format.ts';

// Intl fr-FR: U+202F (narrow no-break space) between thousands, U+00A0 (no-break space) before €.
describe('French formats', () => {
  it('R-B5 formats euros the French way, with the exact Unicode spaces', () => {
    expect(formatEuros(123600)).toBe('1\u202f236,00\u00a0€');
    expect(formatEuros(18025)).toBe('180,25\u00a0€');
    expect(formatEuros(0)).toBe('0,00\u00a0€');
    expect(formatEuros(123456789)).toBe('1\u202f234\u202f567,89\u00a0€');
  });

  it('R-B5 formats a negative amount with its sign', () => {
    expect(formatEuros(-50)).toBe('-0,50\u00a0€');
  });

  it('R-B5 formats an ISO date as dd/mm/yyyy, whatever the time zone', () => {
    expect(formatDateFr('2026-11-29')).toBe('29/11/2026');
    expect(formatDateFr('2027-01-01')).toBe('01/01/2027');
    expect(formatDateFr('2026-12-31')).toBe('31/12/2026');
  });
});
