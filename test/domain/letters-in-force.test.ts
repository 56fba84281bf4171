import { describe, expect, it } from 'vitest';
import {
  amendmentsInForce,
  checkReplacementUpToDate,
  lettersInForce,
  needsUpToDateCheck,
  targetLetterIds,
} from '../../src/domain/documents/letters-in-force.ts';
import {
  amendedLetterScopes,
  scopeInputs,
  scopeOfDocuments,
} from '../../src/domain/documents/scope-inputs.ts';
import { aDocument, aDocumentLine, anAmendment } from '../builders/documents.ts';

const letter = aDocument();
const amendment = anAmendment(letter.id);

describe('the scope in force read from an engagement’s documents (R-C3)', () => {
  it('R-B1 counts only letters and amendments with effect: drafts, sent and refused ones do not', () => {
    const documents = [
      letter,
      amendment,
      aDocument({ id: 'lm-draft', status: 'draft', number: null }),
      anAmendment(letter.id, { id: 'av-sent', status: 'sent' }),
      aDocument({ id: 'os-1', kind: 'proposal', status: 'signed' }),
    ];
    const inputs = scopeInputs(documents);
    expect(inputs.letters.map((l) => l.id)).toEqual(['lm-1']);
    expect(inputs.amendments.map((a) => a.id)).toEqual(['av-1']);
  });

  it('R-C3 a replaced letter stops on its replacement’s effective date', () => {
    const replaced = aDocument({ status: 'replaced', replacedById: 'lms-1' });
    const replacement = aDocument({
      id: 'lms-1',
      kind: 'replacement_letter',
      effectiveDate: '2027-01-01',
      replacesIds: [replaced.id],
    });
    expect(scopeOfDocuments([replaced, replacement], '2026-12-31').letters.map((l) => l.letterId)).toEqual([
      'lm-1',
    ]);
    expect(scopeOfDocuments([replaced, replacement], '2027-01-01').letters.map((l) => l.letterId)).toEqual([
      'lms-1',
    ]);
  });

  it('R-C3 a letter without an effective date takes effect on its signature day (Paris)', () => {
    const undated = aDocument({ effectiveDate: null, signedAt: new Date('2026-01-31T23:30:00Z') });
    expect(scopeInputs([undated]).letters[0]?.effectiveDate).toBe('2026-02-01');
  });

  it('R-C2 an amendment modifies only the fields it changed, and removes a line', () => {
    const twoLines = aDocument({
      lines: [
        aDocumentLine(),
        aDocumentLine({ id: 'line-tva', label: 'Déclaration de TVA', unitPriceCents: 5_000 }),
      ],
    });
    const change = anAmendment(twoLines.id, {
      lines: [
        aDocumentLine({
          id: 'mod-1',
          operation: 'modify',
          targetLineId: 'line-compta',
          changedFields: ['unitPriceCents'],
          label: 'ignored',
          unitPriceCents: 25_000,
        }),
        aDocumentLine({ id: 'rem-1', operation: 'remove', targetLineId: 'line-tva' }),
      ],
    });
    const scope = scopeOfDocuments([twoLines, change], '2026-03-01');
    expect(scope.lines.map((l) => [l.label, l.unitPriceCents])).toEqual([
      ['Tenue de la comptabilité', 25_000],
    ]);
  });

  it('R-C2 a modify line written before changedFields existed changes every field', () => {
    const change = anAmendment(letter.id, {
      lines: [
        aDocumentLine({
          id: 'mod-1',
          operation: 'modify',
          targetLineId: 'line-compta',
          label: 'Tenue',
          quantity: '2',
        }),
      ],
    });
    const [line] = scopeOfDocuments([letter, change], '2026-03-01').lines;
    expect(line).toMatchObject({ label: 'Tenue', quantity: '2' });
  });

  it('R-C2 previews a draft amendment: the letter’s scope without, then with it', () => {
    const draft = anAmendment(letter.id, { status: 'draft', number: null });
    const scopes = amendedLetterScopes(draft, [letter], '2026-03-01');
    expect(scopes?.before.annualRecurringCents).toBe(240_000);
    expect(scopes?.after.annualRecurringCents).toBe(240_000 + 12 * 7 * 2_500);
    expect(amendedLetterScopes(anAmendment('lm-unknown'), [letter], '2026-03-01')).toBeUndefined();
  });
});

describe('the letters an amendment or a replacement aims at (R-C2, R-D1)', () => {
  it('names the replaced letters, the amended letter, or none', () => {
    expect(targetLetterIds(aDocument({ kind: 'replacement_letter', replacesIds: ['a', 'b'] }))).toEqual([
      'a',
      'b',
    ]);
    expect(targetLetterIds(amendment)).toEqual(['lm-1']);
    expect(targetLetterIds(aDocument({ kind: 'amendment', amendsLetterId: null }))).toEqual([]);
    expect(targetLetterIds(aDocument({ kind: 'work_order' }))).toEqual([]);
  });

  it('R-C2 gives the letters in force with their consolidated lines', () => {
    const result = lettersInForce([letter, amendment], ['lm-1'], '2026-03-01');
    expect(result.ok && result.value.map((l) => l.lines.length)).toEqual([2]);
  });

  it('R-D1 refuses a letter not in force on the date with DOCUMENT.LETTER_NOT_IN_FORCE naming it', () => {
    expect(lettersInForce([letter], ['lm-1', 'lm-2'], '2026-03-01')).toEqual({
      ok: false,
      error: { code: 'DOCUMENT.LETTER_NOT_IN_FORCE', details: { letterIds: ['lm-2'] } },
    });
    expect(lettersInForce([letter], ['lm-1'], '2025-12-31').ok).toBe(false);
  });

  it('lists the signed amendments, not replaced, of the given letters only', () => {
    const other = anAmendment('lm-2', { id: 'av-2' });
    const replaced = anAmendment(letter.id, { id: 'av-3', status: 'replaced' });
    const orphan = aDocument({ id: 'av-4', kind: 'amendment', amendsLetterId: null });
    expect(
      amendmentsInForce([letter, amendment, other, replaced, orphan], ['lm-1']).map((d) => d.id),
    ).toEqual(['av-1']);
  });
});

describe('R-D2 a replacement letter is sent or signed only on the scope it was prepared from', () => {
  const replacement = (basedOnAmendmentIds: string[] | null) =>
    aDocument({
      id: 'lms-1',
      kind: 'replacement_letter',
      status: 'sent',
      replacesIds: ['lm-1'],
      basedOnAmendmentIds,
    });

  it('accepts a replacement prepared from the amendments in force, and any other kind', () => {
    expect(checkReplacementUpToDate([letter, amendment], replacement(['av-1']))).toEqual({
      ok: true,
      value: true,
    });
    expect(checkReplacementUpToDate([letter, amendment], letter).ok).toBe(true);
  });

  it('refuses with DOCUMENT.SCOPE_CHANGED when an amendment was signed since, naming it', () => {
    expect(checkReplacementUpToDate([letter, amendment], replacement(null))).toEqual({
      ok: false,
      error: { code: 'DOCUMENT.SCOPE_CHANGED', details: { amendmentNumbers: ['LM-2026-0001-A01'] } },
    });
  });

  it('refuses when an amendment it consolidated is no longer in force', () => {
    expect(checkReplacementUpToDate([letter], replacement(['av-1'])).ok).toBe(false);
  });

  it('R-D2 checks a replacement letter against its engagement’s documents, and no other kind', () => {
    const kinds = ['proposal', 'engagement_letter', 'amendment', 'replacement_letter', 'work_order'] as const;
    expect(kinds.filter(needsUpToDateCheck)).toEqual(['replacement_letter']);
  });
});
