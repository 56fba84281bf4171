import { describe, expect, it } from 'vitest';
import { frenchDayProblem, parseFrenchDay } from './french-date.ts';

describe('a day typed the French way (issue 18)', () => {
  it('reads real days, with or without leading zeros', () => {
    expect(parseFrenchDay('31/12/2026')).toBe('2026-12-31');
    expect(parseFrenchDay(' 1/2/2027 ')).toBe('2027-02-01');
    expect(parseFrenchDay('29/02/2028')).toBe('2028-02-29');
  });

  it('refuses 31/02 instead of rolling it over to 03/03', () => {
    expect(parseFrenchDay('31/02/2027')).toBeUndefined();
    expect(parseFrenchDay('29/02/2027')).toBeUndefined();
    expect(parseFrenchDay('00/01/2027')).toBeUndefined();
    expect(parseFrenchDay('12/13/2027')).toBeUndefined();
    expect(frenchDayProblem('31/02/2027')).toBe('impossible');
  });

  it('tells a bad format from an impossible day, and says nothing of an empty field', () => {
    expect(frenchDayProblem('2027-02-01')).toBe('format');
    expect(frenchDayProblem('demain')).toBe('format');
    expect(frenchDayProblem('')).toBeNull();
    expect(frenchDayProblem('01/02/2027')).toBeNull();
  });
});
