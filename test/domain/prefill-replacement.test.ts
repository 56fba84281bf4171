import { describe, expect, it } from 'vitest';
import { prefillReplacement } from '../../src/domain/renewal/prefill-replacement.ts';
import { aDocument, aDocumentLine, anAmendment } from '../builders/documents.ts';

const letter = aDocument({ lines: [aDocumentLine({ unitPriceCents: 120_000, recurrence: 'yearly' })] });
const amendment = anAmendment(letter.id);

describe('R-D2 the prefill of a replacement letter', () => {
  it('R-D1 replaces every letter in force by default, with the amendments consolidated', () => {
    const result = prefillReplacement([letter, amendment], {}, '2027-01-01');
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.replacesIds).toEqual(['lm-1']);
    expect(result.value.basedOnAmendmentIds).toEqual(['av-1']);
    expect(result.value.lines.map((l) => [l.label, l.unitPriceCents, l.originLineId])).toEqual([
      ['Tenue de la comptabilité', 120_000, 'line-compta'],
      ['Bulletin de paie', 2_500, 'line-paie'],
    ]);
    expect(result.value.coefficient).toBeNull();
  });

  it('R-D3 revalues by the coefficient, half-up per line, except the excluded lines', () => {
    const result = prefillReplacement(
      [letter, amendment],
      { coefficient: '1.03', excludedLineIds: ['line-paie'] },
      '2027-01-01',
    );
    expect(result.ok && result.value.lines.map((l) => l.unitPriceCents)).toEqual([123_600, 2_500]);
    expect(result.ok && result.value.coefficient).toBe('1.03');
  });

  it('R-D3 rounds to the euro when asked', () => {
    const result = prefillReplacement(
      [amendment, letter],
      { coefficient: '1.025', rounding: 'euro' },
      '2027-01-01',
    );
    expect(result.ok && result.value.lines.map((l) => l.unitPriceCents)).toEqual([123_000, 2_600]); // 1 230,00 € and 25,625 € → 26,00 €
  });

  it('R-D3 refuses a coefficient below 1 unless confirmed', () => {
    expect(prefillReplacement([letter], { coefficient: '0.9' }, '2027-01-01')).toMatchObject({
      ok: false,
      error: { code: 'REVALUATION.CONFIRMATION_REQUIRED' },
    });
    expect(
      prefillReplacement([letter], { coefficient: '0.9', confirmCoefficient: true }, '2027-01-01').ok,
    ).toBe(true);
  });

  it('refuses when nothing is in force, or a named letter is not', () => {
    expect(prefillReplacement([], {}, '2027-01-01')).toEqual({
      ok: false,
      error: { code: 'DOCUMENT.NOTHING_TO_REPLACE' },
    });
    expect(prefillReplacement([letter], { replacesIds: ['lm-9'] }, '2027-01-01')).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT.LETTER_NOT_IN_FORCE' },
    });
  });

  it('refuses an effective date before an amendment of those letters takes effect, naming it', () => {
    expect(prefillReplacement([letter, amendment], {}, '2026-02-01')).toEqual({
      ok: false,
      error: {
        code: 'DOCUMENT.AMENDMENT_AFTER_REPLACEMENT',
        details: { amendments: [{ number: 'LM-2026-0001-A01', effectiveDate: '2026-03-01' }] },
      },
    });
  });
});
