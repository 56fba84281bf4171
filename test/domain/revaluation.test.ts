import { describe, expect, it } from 'vitest';
import type { ScopeLine } from '../../src/domain/documents/scope.ts';
import {
  assertCoefficient,
  prefillReplacementLines,
  revaluePrice,
} from '../../src/domain/renewal/revaluation.ts';

const aScopeLine = (overrides: Partial<ScopeLine> = {}): ScopeLine => ({
  lineId: 'line-compta',
  letterId: 'lm-1',
  serviceId: 'svc-compta',
  label: 'Tenue de la comptabilité',
  unitLabel: null,
  quantity: '1',
  unitPriceCents: 120000,
  vatRateBp: 2000,
  recurrence: 'yearly',
  ...overrides,
});

describe('R-D3 coefficient rules', () => {
  it('R-D3 accepts an ordinary coefficient without confirmation', () => {
    expect(assertCoefficient('1.03', false)).toEqual({ ok: true, value: '1.03' });
    expect(assertCoefficient('1', false).ok).toBe(true);
    expect(assertCoefficient('1.5', false).ok).toBe(true);
  });

  it.each(['0', '0.000', '-1.03', '1,03', 'abc', ''])('R-D3 refuses the coefficient %j', (coefficient) => {
    expect(assertCoefficient(coefficient, true)).toEqual({
      ok: false,
      error: { code: 'REVALUATION.INVALID_COEFFICIENT', details: { coefficient } },
    });
  });

  it.each(['0.95', '1.51', '2'])('R-D3 asks a confirmation for %s', (coefficient) => {
    expect(assertCoefficient(coefficient, false)).toEqual({
      ok: false,
      error: { code: 'REVALUATION.CONFIRMATION_REQUIRED', details: { coefficient } },
    });
    expect(assertCoefficient(coefficient, true)).toEqual({ ok: true, value: coefficient });
  });
});

describe('R-D3 revaluePrice', () => {
  it('R-D3 multiplies and rounds half-up to the cent by default', () => {
    expect(revaluePrice(120000, '1.03')).toBe(123600);
    expect(revaluePrice(3333, '1.025')).toBe(3416);
    expect(revaluePrice(1000, '1.0005')).toBe(1001);
  });

  it('R-D3 rounds to the euro on demand', () => {
    expect(revaluePrice(3333, '1.025', 'euro')).toBe(3400);
    expect(revaluePrice(4950, '1.01', 'euro')).toBe(5000);
    expect(revaluePrice(3333, '1.025', 'cent')).toBe(3416);
  });
});

describe('R-D2 prefillReplacementLines', () => {
  it('R-D2 copies the consolidated scope, each line remembering where it came from', () => {
    const lines = prefillReplacementLines([aScopeLine()]);
    expect(lines).toEqual([
      {
        originLineId: 'line-compta',
        serviceId: 'svc-compta',
        label: 'Tenue de la comptabilité',
        unitLabel: null,
        quantity: '1',
        unitPriceCents: 120000,
        vatRateBp: 2000,
        recurrence: 'yearly',
      },
    ]);
  });

  it('R-D2 revalues every price by the coefficient given', () => {
    const lines = prefillReplacementLines(
      [
        aScopeLine(),
        aScopeLine({ lineId: 'line-paie', unitPriceCents: 2500, quantity: '7', recurrence: 'monthly' }),
      ],
      { coefficient: '1.03' },
    );
    expect(lines.map((line) => line.unitPriceCents)).toEqual([123600, 2575]);
    expect(lines[1]?.quantity).toBe('7');
  });

  it('R-D3 totals are sums of rounded lines', () => {
    const lines = prefillReplacementLines(
      [aScopeLine({ unitPriceCents: 3333 }), aScopeLine({ lineId: 'line-2', unitPriceCents: 3333 })],
      { coefficient: '1.025' },
    );
    expect(lines.reduce((sum, line) => sum + line.unitPriceCents, 0)).toBe(6832);
  });

  it('R-D3 leaves excluded lines at their old price', () => {
    const lines = prefillReplacementLines(
      [aScopeLine(), aScopeLine({ lineId: 'line-paie', unitPriceCents: 2500 })],
      { coefficient: '1.03', excludedLineIds: ['line-paie'] },
    );
    expect(lines.map((line) => line.unitPriceCents)).toEqual([123600, 2500]);
  });

  it('R-D3 rounds revalued prices to the euro on demand', () => {
    const lines = prefillReplacementLines([aScopeLine({ unitPriceCents: 3333 })], {
      coefficient: '1.025',
      rounding: 'euro',
    });
    expect(lines[0]?.unitPriceCents).toBe(3400);
  });

  it('R-D2 keeps prices when no coefficient is given', () => {
    expect(prefillReplacementLines([aScopeLine()], { coefficient: null })[0]?.unitPriceCents).toBe(120000);
  });
});
