import { describe, expect, it } from 'vitest';
import {
  isOutsideScope,
  letterScopeOn,
  type SignedAmendment,
  scopeInForce,
} from '../../src/domain/documents/scope.ts';
import { aLetterInForce, aLetterLine } from '../builders/scope.ts';

const aLine = aLetterLine;
const aLetter = aLetterInForce;

const anAmendment = (overrides: Partial<SignedAmendment> = {}): SignedAmendment => ({
  id: 'av-1',
  letterId: 'lm-1',
  effectiveDate: '2026-04-01',
  changes: [],
  ...overrides,
});

const prices = (scope: { lines: readonly { unitPriceCents: number }[] }) =>
  scope.lines.map((l) => l.unitPriceCents);

describe('R-C3 scope in force', () => {
  it('R-C3 holds nothing before the letter is effective', () => {
    expect(scopeInForce({ letters: [aLetter()], amendments: [] }, '2025-12-31')).toEqual({
      date: '2025-12-31',
      letters: [],
      lines: [],
      annualRecurringCents: 0,
    });
  });

  it('R-C3 gives each recurring line and the annual recurring fees from the effective date', () => {
    const scope = scopeInForce({ letters: [aLetter()], amendments: [] }, '2026-01-01');
    expect(scope.lines).toEqual([{ ...aLine(), letterId: 'lm-1' }]);
    expect(scope.annualRecurringCents).toBe(240000);
    expect(scope.letters[0]).toMatchObject({
      letterId: 'lm-1',
      number: 'LM-2026-0001',
      effectiveDate: '2026-01-01',
    });
  });

  it('R-C3 leaves the one-off lines of a letter out of the recurring scope', () => {
    const letter = aLetter({ lines: [aLine(), aLine({ lineId: 'line-reprise', recurrence: 'one_off' })] });
    expect(
      scopeInForce({ letters: [letter], amendments: [] }, '2026-06-01').lines.map((l) => l.lineId),
    ).toEqual(['line-compta']);
  });

  it('R-C3 applies an amendment only from its effective date', () => {
    const amendment = anAmendment({
      changes: [{ op: 'modify', targetLineId: 'line-compta', unitPriceCents: 25000 }],
    });
    const input = { letters: [aLetter()], amendments: [amendment] };
    expect(prices(scopeInForce(input, '2026-03-31'))).toEqual([20000]);
    expect(prices(scopeInForce(input, '2026-04-01'))).toEqual([25000]);
  });

  it('R-C3 applies amendments in effective-date order, whatever order they are given in', () => {
    const addPaie = anAmendment({
      id: 'av-1',
      effectiveDate: '2026-03-01',
      changes: [
        { op: 'add', line: aLine({ lineId: 'line-paie', serviceId: 'svc-paie', unitPriceCents: 2500 }) },
      ],
    });
    const removePaie = anAmendment({
      id: 'av-2',
      effectiveDate: '2026-06-01',
      changes: [{ op: 'remove', targetLineId: 'line-paie' }],
    });
    const input = { letters: [aLetter()], amendments: [removePaie, addPaie] };
    expect(scopeInForce(input, '2026-04-01').lines.map((l) => l.lineId)).toEqual([
      'line-compta',
      'line-paie',
    ]);
    expect(scopeInForce(input, '2026-07-01').lines.map((l) => l.lineId)).toEqual(['line-compta']);
  });

  it('R-C3 modifies quantity, price and label, keeping what the change leaves out', () => {
    const amendment = anAmendment({
      changes: [{ op: 'modify', targetLineId: 'line-compta', quantity: '2', label: 'Tenue renforcée' }],
    });
    const paie = aLine({ lineId: 'line-paie', serviceId: 'svc-paie', unitPriceCents: 2500 });
    const scope = letterScopeOn(aLetter({ lines: [aLine(), paie] }), [amendment], '2026-05-01');
    expect(scope.lines[0]).toMatchObject({ quantity: '2', unitPriceCents: 20000, label: 'Tenue renforcée' });
    expect(scope.lines[1]).toEqual({ ...paie, letterId: 'lm-1' });
    expect(scope.annualRecurringCents).toBe(480000 + 30000);
  });

  it('R-C3 ignores the amendments of another letter', () => {
    const other = anAmendment({ letterId: 'lm-2', changes: [{ op: 'remove', targetLineId: 'line-compta' }] });
    expect(letterScopeOn(aLetter(), [other], '2026-05-01').lines).toHaveLength(1);
  });

  it('R-C3 takes a replaced letter out of scope from its replacement’s effective date', () => {
    const replaced = aLetter({ replacedFrom: '2027-01-01' });
    const replacement = aLetter({ id: 'lms-1', number: 'LMS-2026-0001', effectiveDate: '2027-01-01' });
    const input = { letters: [replacement, replaced], amendments: [] };
    expect(scopeInForce(input, '2026-12-31').letters.map((l) => l.letterId)).toEqual(['lm-1']);
    expect(scopeInForce(input, '2027-01-01').letters.map((l) => l.letterId)).toEqual(['lms-1']);
  });
});

describe('R-C5 several letters in force', () => {
  it('R-C5 adds up an accounting letter and a payroll letter in force at once', () => {
    const compta = aLetter();
    const paie = aLetter({
      id: 'lm-2',
      number: 'LM-2026-0002',
      effectiveDate: '2026-02-01',
      lines: [aLine({ lineId: 'line-paie', serviceId: 'svc-paie', quantity: '7', unitPriceCents: 2575 })],
    });
    const scope = scopeInForce({ letters: [paie, compta], amendments: [] }, '2026-03-01');
    expect(scope.letters.map((l) => l.letterId)).toEqual(['lm-1', 'lm-2']);
    expect(scope.lines.map((l) => [l.lineId, l.letterId])).toEqual([
      ['line-compta', 'lm-1'],
      ['line-paie', 'lm-2'],
    ]);
    expect(scope.annualRecurringCents).toBe(240000 + 216300);
  });
});

describe('R-C4 hors forfait', () => {
  const scope = scopeInForce({ letters: [aLetter()], amendments: [] }, '2026-06-01');

  it('R-C4 a work-order line for a service in the scope is not outside it', () => {
    expect(isOutsideScope({ serviceId: 'svc-compta' }, scope)).toBe(false);
  });

  it('R-C4 a work-order line for another service, or for no service, is outside the scope', () => {
    expect(isOutsideScope({ serviceId: 'svc-creation' }, scope)).toBe(true);
    expect(isOutsideScope({ serviceId: null }, scope)).toBe(true);
    expect(isOutsideScope({ serviceId: 'svc-compta' }, { lines: [] })).toBe(true);
  });
});
