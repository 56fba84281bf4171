import { describe, expect, it } from 'vitest';
import { type ComparedLine, summariseChanges } from '../../src/domain/documents/change-summary.ts';
import { revaluePrice } from '../../src/domain/renewal/revaluation.ts';

const line = (key: string, overrides: Partial<ComparedLine> = {}): ComparedLine => ({
  key,
  label: 'Révision des comptes annuels',
  unitLabel: null,
  quantity: '1',
  unitPriceCents: 120_000,
  vatRateBp: 2000,
  recurrence: 'yearly',
  ...overrides,
});

describe('change summaries of replacement letters and amendments', () => {
  it('R-D3 a replacement letter at 1,03 shows each line before → after and +3,00 % on the worked examples', () => {
    const before = [
      line('fixed'),
      line('payslip', {
        label: 'Bulletin de paie',
        unitLabel: 'bulletin',
        quantity: '7',
        unitPriceCents: 2_500,
        recurrence: 'monthly',
      }),
    ];
    const after = before.map((l) => ({ ...l, unitPriceCents: revaluePrice(l.unitPriceCents, '1.03') }));
    const summary = summariseChanges(before, after);
    expect(
      summary.rows.map((row) => [row.change, row.before?.annualCents, row.after?.annualCents, row.percent]),
    ).toEqual([
      ['modified', 120_000, 123_600, '3.00'], // 1 200,00 × 1,03 = 1 236,00
      ['modified', 210_000, 216_300, '3.00'], // 7 × 25,75 = 180,25 a month
    ]);
    expect(summary.rows[1]?.after?.unitPriceCents).toBe(2_575);
    expect(summary).toMatchObject({ annualBeforeCents: 330_000, annualAfterCents: 339_900, percent: '3.00' });
  });

  it('R-D3 half-up rounding shows the true increase of the line: 33,33 × 1,025 = 34,16, +2,49 %', () => {
    const summary = summariseChanges(
      [line('a', { unitPriceCents: 3_333 })],
      [line('a', { unitPriceCents: revaluePrice(3_333, '1.025') })],
    );
    expect(summary.rows[0]).toMatchObject({
      change: 'modified',
      percent: '2.49',
      after: { unitPriceCents: 3_416 },
    });
  });

  it('R-C2 an amendment: a line added, one modified, one removed, one unchanged, and the new total', () => {
    const before = [
      line('keep'),
      line('more', { quantity: '7', unitPriceCents: 2_500, recurrence: 'monthly' }),
      line('gone', { unitPriceCents: 40_000 }),
    ];
    const after = [
      line('keep'),
      line('more', { quantity: '9', unitPriceCents: 2_500, recurrence: 'monthly' }),
      line('new', { label: 'Situation intermédiaire', unitPriceCents: 40_000, recurrence: 'quarterly' }),
    ];
    const summary = summariseChanges(before, after);
    expect(summary.rows.map((row) => [row.change, row.percent])).toEqual([
      ['unchanged', '0.00'],
      ['modified', '28.57'],
      ['removed', null],
      ['added', null],
    ]);
    // 1 200 + 2 100 + 400 = 3 700 before; 1 200 + 2 700 + 1 600 = 5 500 after.
    expect(summary).toMatchObject({
      annualBeforeCents: 370_000,
      annualAfterCents: 550_000,
      percent: '48.65',
    });
  });

  it('R-C1 one-off lines are outside the recurring scope: never compared', () => {
    const summary = summariseChanges([], [line('once', { recurrence: 'one_off' })]);
    expect(summary).toEqual({ rows: [], annualBeforeCents: 0, annualAfterCents: 0, percent: null });
  });

  it('a change of VAT rate or unit alone is a modification, not « inchangée »', () => {
    expect(summariseChanges([line('a')], [line('a', { vatRateBp: 0 })]).rows[0]?.change).toBe('modified');
    expect(summariseChanges([line('a')], [line('a', { unitLabel: 'heure' })]).rows[0]?.change).toBe(
      'modified',
    );
    expect(
      summariseChanges([line('a', { quantity: '7' })], [line('a', { quantity: '7.00' })]).rows[0]?.change,
    ).toBe('unchanged');
  });

  it('a label change alone is a modification at 0,00 %', () => {
    const summary = summariseChanges([line('a')], [line('a', { label: 'Comptes annuels' })]);
    expect(summary.rows[0]).toMatchObject({ change: 'modified', percent: '0.00' });
  });
});
