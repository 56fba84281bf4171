import { describe, expect, it } from 'vitest';
import { assertLinesAllowed } from '../../src/domain/documents/lines.ts';
import {
  assertAmendmentChanges,
  type LetterInForce,
  letterScopeOn,
} from '../../src/domain/documents/scope.ts';
import { aLetterInForce, aLetterLine } from '../builders/scope.ts';

const aLine = aLetterLine;
const aLetter = (overrides: Partial<LetterInForce> = {}): LetterInForce =>
  aLetterInForce({
    lines: [aLine(), aLine({ lineId: 'line-reprise', recurrence: 'one_off', unitPriceCents: 30000 })],
    ...overrides,
  });

const letterScope = () => letterScopeOn(aLetter(), [], '2026-06-01');

describe('R-C1 lines of a letter', () => {
  it.each(['engagement_letter', 'replacement_letter', 'proposal'] as const)(
    'R-C1 a %s may list recurring and one-off lines',
    (kind) => {
      expect(assertLinesAllowed(kind, [{ recurrence: 'monthly' }, { recurrence: 'one_off' }])).toEqual({
        ok: true,
        value: true,
      });
    },
  );
});

describe('R-C4 lines of a work order', () => {
  it('R-C4 a work order holds one-off lines', () => {
    expect(assertLinesAllowed('work_order', [{ recurrence: 'one_off' }, { recurrence: 'one_off' }]).ok).toBe(
      true,
    );
  });

  it('R-C4 a work order refuses recurring lines and says which ones', () => {
    const result = assertLinesAllowed('work_order', [
      { recurrence: 'monthly' },
      { recurrence: 'one_off' },
      { recurrence: 'yearly' },
    ]);
    expect(result.ok || result.error).toMatchObject({
      code: 'DOCUMENT.LINE_NOT_ALLOWED',
      details: { lineIndexes: [0, 2] },
    });
  });
});

describe('R-C2 assertAmendmentChanges', () => {
  it('R-C2 accepts adding, modifying and removing recurring lines of the letter', () => {
    const result = assertAmendmentChanges(letterScope(), [
      { op: 'add', line: aLine({ lineId: 'line-paie', serviceId: 'svc-paie', unitPriceCents: 2500 }) },
      { op: 'modify', targetLineId: 'line-compta', unitPriceCents: 22000 },
      { op: 'remove', targetLineId: 'line-compta' },
    ]);
    expect(result).toEqual({ ok: true, value: true });
  });

  it('R-C2 refuses a change aimed at a line the letter does not hold, listing every one', () => {
    const result = assertAmendmentChanges(letterScope(), [
      { op: 'modify', targetLineId: 'line-unknown', quantity: '2' },
      { op: 'remove', targetLineId: 'line-gone' },
    ]);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'DOCUMENT.LINE_TARGET_NOT_FOUND',
        details: { targetLineIds: ['line-unknown', 'line-gone'] },
      },
    });
  });

  it('R-C2 refuses a change aimed at a one-off line of the letter (not in the recurring scope)', () => {
    const result = assertAmendmentChanges(letterScope(), [{ op: 'remove', targetLineId: 'line-reprise' }]);
    expect(result.ok || result.error.code).toBe('DOCUMENT.LINE_TARGET_NOT_FOUND');
  });

  it('R-C2 refuses adding a one-off line: an amendment changes the recurring scope only', () => {
    const result = assertAmendmentChanges(letterScope(), [
      { op: 'add', line: aLine({ lineId: 'line-bilan', recurrence: 'one_off' }) },
    ]);
    expect(result.ok || result.error.code).toBe('DOCUMENT.LINE_NOT_ALLOWED');
  });

  it('R-C2 can modify a line added by an earlier amendment', () => {
    const scope = letterScopeOn(
      aLetter(),
      [
        {
          id: 'av-1',
          letterId: 'lm-1',
          effectiveDate: '2026-03-01',
          changes: [{ op: 'add', line: aLine({ lineId: 'line-paie', serviceId: 'svc-paie' }) }],
        },
      ],
      '2026-06-01',
    );
    expect(
      assertAmendmentChanges(scope, [{ op: 'modify', targetLineId: 'line-paie', quantity: '9' }]).ok,
    ).toBe(true);
  });
});
