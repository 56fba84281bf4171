import { describe, expect, it } from 'vitest';
import {
  assertCampaignSettings,
  type CampaignSettings,
  type ClientException,
  effectiveCoefficient,
  type RevaluationRule,
  revalueByRule,
} from '../../src/domain/renewal/campaign-settings.ts';
import { revaluePrice } from '../../src/domain/renewal/revaluation.ts';

/** The Syntec-style index of the examples: reference 318,4, new 327,3 (ratio 1,0279522613…). */
const anIndexRule = (
  overrides: Partial<{ referenceIndex: string; newIndex: string }> = {},
): RevaluationRule => ({ method: 'index', referenceIndex: '318.4', newIndex: '327.3', ...overrides });

const aCoefficientRule = (coefficient = '1.03'): RevaluationRule => ({ method: 'coefficient', coefficient });

const someSettings = (overrides: Partial<CampaignSettings> = {}): CampaignSettings => ({
  selection: {
    responsibleUserIds: [],
    termsVersionBelow: null,
    signedBefore: null,
    fiscalYearEndMonths: [],
    serviceIds: [],
  },
  revaluation: aCoefficientRule(),
  rounding: 'cent',
  excludedServiceIds: [],
  excludedLineIds: [],
  exceptions: [],
  termsVersionId: null,
  effectiveDate: '2027-01-01',
  validUntil: '2026-12-15',
  confirmUnusualCoefficient: false,
  ...overrides,
});

const anotherCoefficientFor = (engagementId: string, coefficient: string): ClientException => ({
  engagementId,
  action: 'coefficient',
  coefficient,
});

describe('R-D3 effectiveCoefficient', () => {
  it('R-D3 a coefficient rule amounts to its coefficient, as typed', () => {
    expect(effectiveCoefficient(aCoefficientRule('1.03'))).toBe('1.03');
    expect(effectiveCoefficient(aCoefficientRule('1.025000'))).toBe('1.025000');
  });

  it('R-D3 an index rule amounts to new / reference, shown to six decimals half-up', () => {
    // 327,3 / 318,4 = 1,02795226… → 1,027952
    expect(effectiveCoefficient(anIndexRule())).toBe('1.027952');
    // 318,4 / 310 = 1,02709677… → 1,027097
    expect(effectiveCoefficient(anIndexRule({ referenceIndex: '310', newIndex: '318.4' }))).toBe('1.027097');
  });

  it('R-D3 an index ratio drops its trailing zeros', () => {
    expect(effectiveCoefficient(anIndexRule({ referenceIndex: '100', newIndex: '103' }))).toBe('1.03');
    expect(effectiveCoefficient(anIndexRule({ referenceIndex: '318.4', newIndex: '318.4' }))).toBe('1');
    expect(effectiveCoefficient(anIndexRule({ referenceIndex: '200', newIndex: '300' }))).toBe('1.5');
  });
});

describe('R-D3 revalueByRule with a coefficient', () => {
  it('R-D3 E 1 200,00 × 1,03 = 1 236,00 and a payslip 25,00 × 1,03 = 25,75', () => {
    expect(revalueByRule(120000, aCoefficientRule('1.03'), 'cent')).toBe(123600);
    expect(revalueByRule(2500, aCoefficientRule('1.03'), 'cent')).toBe(2575);
  });

  it('R-D3 E rounds half-up to the cent: 33,33 × 1,025 = 34,16325 → 34,16', () => {
    expect(revalueByRule(3333, aCoefficientRule('1.025'), 'cent')).toBe(3416);
    // 10,00 × 1,0005 = 10,005: exactly half a cent, rounded up
    expect(revalueByRule(1000, aCoefficientRule('1.0005'), 'cent')).toBe(1001);
  });

  it('R-D3 rounds half-up to the euro on demand', () => {
    // 123,45 × 1,03 = 127,1535 → 127,00
    expect(revalueByRule(12345, aCoefficientRule('1.03'), 'euro')).toBe(12700);
    // 1 212,34 × 1,03 = 1 248,7102 → 1 249,00
    expect(revalueByRule(121234, aCoefficientRule('1.03'), 'euro')).toBe(124900);
    // 48,50 × 1,03 = 49,955 → 50,00; 48,00 × 1,03 = 49,44 → 49,00
    expect(revalueByRule(4850, aCoefficientRule('1.03'), 'euro')).toBe(5000);
    expect(revalueByRule(4800, aCoefficientRule('1.03'), 'euro')).toBe(4900);
  });
});

describe('R-D3 revalueByRule with an index formula', () => {
  it('R-D3 1 200,00 × 327,3 / 318,4 in one exact division: 1 233,5427… → 1 233,54', () => {
    // 120 000 × 3 273 / 3 184 = 392 760 000 / 3 184 = 123 354,271…
    expect(revalueByRule(120000, anIndexRule(), 'cent')).toBe(123354);
  });

  it('R-D3 the exact division differs from the product by the ratio rounded to 4 decimals', () => {
    // 327,3 / 318,4 rounded to 4 decimals is 1,0280: 1 200,00 × 1,0280 = 1 233,60, six cents more.
    expect(revaluePrice(120000, '1.0280')).toBe(123360);
    expect(revalueByRule(120000, anIndexRule(), 'cent')).not.toBe(123360);
  });

  it('R-D3 the exact division differs even from the product by the 6-decimal ratio shown', () => {
    // 15,92 × 327,3 / 318,4 = 1 592 × 3 273 / 3 184 = 1 636,5 cents exactly: half-up → 16,37.
    // 15,92 × 1,027952 = 16,36499… → 16,36.
    expect(revalueByRule(1592, anIndexRule(), 'cent')).toBe(1637);
    expect(revaluePrice(1592, effectiveCoefficient(anIndexRule()))).toBe(1636);
  });

  it('R-D3 an index formula rounds to the euro on the exact value', () => {
    // 1 233,5427… → 1 234,00
    expect(revalueByRule(120000, anIndexRule(), 'euro')).toBe(123400);
    // 12,16 × 327,3 / 318,4 = 12,4999… → 12,00; by the 4-decimal ratio, 12,16 × 1,0280 = 12,5005… → 13,00
    expect(revalueByRule(1216, anIndexRule(), 'euro')).toBe(1200);
    expect(revaluePrice(1216, '1.0280', 'euro')).toBe(1300);
  });

  it('R-D3 an unchanged index keeps every price', () => {
    const flat = anIndexRule({ referenceIndex: '318.4', newIndex: '318.40' });
    expect(revalueByRule(120000, flat, 'cent')).toBe(120000);
    expect(revalueByRule(3333, flat, 'cent')).toBe(3333);
    expect(revalueByRule(120050, flat, 'euro')).toBe(120100);
  });
});

describe('R-D3 assertCampaignSettings', () => {
  it('R-D3 accepts an ordinary coefficient and an ordinary index, unchanged', () => {
    const byCoefficient = someSettings();
    expect(assertCampaignSettings(byCoefficient)).toEqual({ ok: true, value: byCoefficient });
    const byIndex = someSettings({ revaluation: anIndexRule() });
    expect(assertCampaignSettings(byIndex)).toEqual({ ok: true, value: byIndex });
  });

  it.each([
    ['0', '318.4'],
    ['327.3', '0'],
    ['0.000', '318.4'],
    ['-327.3', '318.4'],
    ['327.3', '-318.4'],
    ['327,3', '318.4'],
    ['327.3', 'abc'],
    ['', '318.4'],
    ['327.3', '318.4000001'],
  ])('R-D3 refuses the index formula new %j / reference %j, confirmed or not', (newIndex, referenceIndex) => {
    for (const confirmUnusualCoefficient of [false, true]) {
      expect(
        assertCampaignSettings(
          someSettings({ revaluation: anIndexRule({ newIndex, referenceIndex }), confirmUnusualCoefficient }),
        ),
      ).toEqual({
        ok: false,
        error: { code: 'REVALUATION.INDEX_INVALID', details: { newIndex, referenceIndex } },
      });
    }
  });

  it.each([
    // 480 / 318,4 = 1,507537… : above 1,5
    ['480', '1.507538'],
    // 310 / 318,4 = 0,973618… : a decrease
    ['310', '0.973618'],
  ])('R-D3 asks a confirmation for the index %s / 318,4 (ratio %s)', (newIndex, ratio) => {
    const settings = someSettings({ revaluation: anIndexRule({ newIndex }) });
    expect(assertCampaignSettings(settings)).toEqual({
      ok: false,
      error: { code: 'REVALUATION.CONFIRMATION_REQUIRED', details: { coefficient: ratio } },
    });
    const confirmed = { ...settings, confirmUnusualCoefficient: true };
    expect(assertCampaignSettings(confirmed)).toEqual({ ok: true, value: confirmed });
  });

  it('R-D3 an index ratio of exactly 1,5 or exactly 1 needs no confirmation', () => {
    expect(assertCampaignSettings(someSettings({ revaluation: anIndexRule({ newIndex: '477.6' }) })).ok).toBe(
      true,
    );
    expect(assertCampaignSettings(someSettings({ revaluation: anIndexRule({ newIndex: '318.4' }) })).ok).toBe(
      true,
    );
  });

  it.each(['0.98', '1.51', '2'])(
    'R-D3 asks a confirmation for the campaign coefficient %s',
    (coefficient) => {
      const settings = someSettings({ revaluation: aCoefficientRule(coefficient) });
      expect(assertCampaignSettings(settings)).toEqual({
        ok: false,
        error: { code: 'REVALUATION.CONFIRMATION_REQUIRED', details: { coefficient } },
      });
      expect(assertCampaignSettings({ ...settings, confirmUnusualCoefficient: true }).ok).toBe(true);
    },
  );

  it.each(['0', '-1.03', '1,03', ''])(
    'R-D3 refuses the campaign coefficient %j, even confirmed',
    (coefficient) => {
      expect(
        assertCampaignSettings(
          someSettings({ revaluation: aCoefficientRule(coefficient), confirmUnusualCoefficient: true }),
        ),
      ).toEqual({ ok: false, error: { code: 'REVALUATION.INVALID_COEFFICIENT', details: { coefficient } } });
    },
  );

  it('R-D3 an exception’s coefficient is checked like the campaign’s, the one confirmation covering it', () => {
    const settings = someSettings({ exceptions: [anotherCoefficientFor('eng-2', '1.6')] });
    expect(assertCampaignSettings(settings)).toEqual({
      ok: false,
      error: { code: 'REVALUATION.CONFIRMATION_REQUIRED', details: { coefficient: '1.6' } },
    });
    expect(assertCampaignSettings({ ...settings, confirmUnusualCoefficient: true }).ok).toBe(true);
  });

  it('R-D3 an exception’s coefficient of 0 is refused, even confirmed', () => {
    const settings = someSettings({
      exceptions: [anotherCoefficientFor('eng-2', '1.04'), anotherCoefficientFor('eng-3', '0')],
      confirmUnusualCoefficient: true,
    });
    expect(assertCampaignSettings(settings)).toEqual({
      ok: false,
      error: { code: 'REVALUATION.INVALID_COEFFICIENT', details: { coefficient: '0' } },
    });
  });

  it('R-D3 reports the campaign’s own coefficient before an exception’s', () => {
    const settings = someSettings({
      revaluation: aCoefficientRule('0'),
      exceptions: [anotherCoefficientFor('eng-2', '1.6')],
    });
    expect(assertCampaignSettings(settings)).toEqual({
      ok: false,
      error: { code: 'REVALUATION.INVALID_COEFFICIENT', details: { coefficient: '0' } },
    });
  });

  it('R-D3 fixed prices and a client left out carry no coefficient to check', () => {
    const settings = someSettings({
      exceptions: [
        {
          engagementId: 'eng-2',
          action: 'fixed_prices',
          prices: [{ serviceId: 'svc-paie', unitPriceCents: 1 }],
        },
        { engagementId: 'eng-3', action: 'leave_out', reason: null },
      ],
    });
    expect(assertCampaignSettings(settings)).toEqual({ ok: true, value: settings });
  });

  // Bug reported to the lead: the check reads the index ratio rounded to six decimals, so a ratio
  // within half a millionth of 1 (or of 1,5) passes unconfirmed although it lowers (or raises by
  // more than 50 %) the prices it is applied to.
  it('R-D3 an index ratio just below 1 (0,9999995) needs a confirmation: it lowers prices', () => {
    const rule = anIndexRule({ referenceIndex: '20000', newIndex: '19999.99' });
    // 20 000,00 × 19 999,99 / 20 000 = 19 999,99: a decrease
    expect(revalueByRule(2000000, rule, 'cent')).toBe(1999999);
    expect(assertCampaignSettings(someSettings({ revaluation: rule }))).toMatchObject({
      ok: false,
      error: { code: 'REVALUATION.CONFIRMATION_REQUIRED' },
    });
  });

  it('R-D3 an index ratio just above 1,5 (1,50000045) needs a confirmation', () => {
    const rule = anIndexRule({ referenceIndex: '20000', newIndex: '30000.009' });
    // 20 000,00 × 1,50000045 = 30 000,009 → 30 000,01: more than 1,5 times the price
    expect(revalueByRule(2000000, rule, 'cent')).toBe(3000001);
    expect(assertCampaignSettings(someSettings({ revaluation: rule }))).toMatchObject({
      ok: false,
      error: { code: 'REVALUATION.CONFIRMATION_REQUIRED' },
    });
  });
});
