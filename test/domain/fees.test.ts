import { describe, expect, it } from 'vitest';
import {
  annualValue,
  computeTotals,
  DEFAULT_VAT_RATE_BP,
  isQuantity,
  lineAmount,
  type PricedLine,
  vatByRate,
} from '../../src/domain/documents/fees.ts';
import { revaluePrice } from '../../src/domain/renewal/revaluation.ts';
import { splitInstalments } from '../../src/domain/shared/money.ts';

const aPricedLine = (overrides: Partial<PricedLine> = {}): PricedLine => ({
  quantity: '1',
  unitPriceCents: 20000,
  vatRateBp: DEFAULT_VAT_RATE_BP,
  recurrence: 'monthly',
  ...overrides,
});

describe('E worked examples of DOMAIN.md', () => {
  it('E coefficient on a fixed fee: 1 200,00 × 1,03 = 1 236,00', () => {
    expect(revaluePrice(120000, '1.03')).toBe(123600);
  });

  it('E coefficient, half-up: 33,33 × 1,025 = 34,16', () => {
    expect(revaluePrice(3333, '1.025')).toBe(3416);
  });

  it('E unit price: payslip 25,00 × 1,03 = 25,75', () => {
    expect(revaluePrice(2500, '1.03')).toBe(2575);
  });

  it('E instalments: 1 236,00 / 12 = 12 × 103,00', () => {
    expect(splitInstalments(123600, 12)).toEqual(Array(12).fill(10300));
  });

  it('E instalments with remainder: 1 000,00 / 12 = 11 × 83,33 + 83,37', () => {
    expect(splitInstalments(100000, 12)).toEqual([...Array(11).fill(8333), 8337]);
  });

  it('E VAT: 103,00 HT gives TVA 20,60 and TTC 123,60', () => {
    const totals = computeTotals([aPricedLine({ unitPriceCents: 10300, recurrence: 'one_off' })]);
    expect(totals.totalHtCents).toBe(10300);
    expect(totals.totalVatCents).toBe(2060);
    expect(totals.totalTtcCents).toBe(12360);
  });

  it('E unit line: 7 payslips × 25,75 = 180,25 HT', () => {
    expect(lineAmount({ quantity: '7', unitPriceCents: 2575 })).toBe(18025);
  });
});

describe('E lines', () => {
  it('E a quantity is a positive decimal of at most 3 places, up to 100 000', () => {
    expect(['7', '7.5', '1.125', '100000'].every(isQuantity)).toBe(true);
    expect(['0', '7,5', '1.1255', '100000.001', '-1', '', 'abc'].some(isQuantity)).toBe(false);
  });

  it('E VAT is 20 % by default', () => {
    expect(DEFAULT_VAT_RATE_BP).toBe(2000);
  });

  it('E hourly rate × estimated hours, and fractional quantities rounded half-up', () => {
    expect(lineAmount({ quantity: '3.5', unitPriceCents: 15000 })).toBe(52500);
    expect(lineAmount({ quantity: '0.333', unitPriceCents: 1000 })).toBe(333);
    expect(lineAmount({ quantity: '0.5', unitPriceCents: 5 })).toBe(3);
  });

  it('E annual value = line amount × periods per year, zero for a one-off line', () => {
    expect(annualValue(aPricedLine({ recurrence: 'monthly', unitPriceCents: 20000 }))).toBe(240000);
    expect(annualValue(aPricedLine({ recurrence: 'quarterly', unitPriceCents: 45000 }))).toBe(180000);
    expect(annualValue(aPricedLine({ recurrence: 'yearly', unitPriceCents: 150000 }))).toBe(150000);
    expect(annualValue(aPricedLine({ recurrence: 'one_off', unitPriceCents: 80000 }))).toBe(0);
    expect(annualValue(aPricedLine({ quantity: '7', unitPriceCents: 2575 }))).toBe(216300);
  });
});

describe('E VAT per rate', () => {
  it('E computes VAT on the total of each rate, not line by line', () => {
    const vat = vatByRate([
      { rateBp: 2000, amountCents: 2 },
      { rateBp: 2000, amountCents: 2 },
      { rateBp: 2000, amountCents: 2 },
    ]);
    expect(vat).toEqual([{ rateBp: 2000, baseCents: 6, vatCents: 1 }]);
  });

  it('E keeps 0 % disbursements apart, highest rate first', () => {
    const vat = vatByRate([
      { rateBp: 0, amountCents: 8000 },
      { rateBp: 2000, amountCents: 10300 },
      { rateBp: 550, amountCents: 1000 },
    ]);
    expect(vat).toEqual([
      { rateBp: 2000, baseCents: 10300, vatCents: 2060 },
      { rateBp: 550, baseCents: 1000, vatCents: 55 },
      { rateBp: 0, baseCents: 8000, vatCents: 0 },
    ]);
  });
});

describe('E document totals', () => {
  it('E counts recurring lines for a year and one-off lines once, with HT, TVA and TTC', () => {
    const totals = computeTotals([
      aPricedLine({ unitPriceCents: 20000, recurrence: 'monthly' }),
      aPricedLine({ unitPriceCents: 50000, recurrence: 'one_off' }),
      aPricedLine({ unitPriceCents: 8000, recurrence: 'one_off', vatRateBp: 0 }),
    ]);
    expect(totals).toEqual({
      totalHtCents: 298000,
      vat: [
        { rateBp: 2000, baseCents: 290000, vatCents: 58000 },
        { rateBp: 0, baseCents: 8000, vatCents: 0 },
      ],
      totalVatCents: 58000,
      totalTtcCents: 356000,
      annualRecurringHtCents: 240000,
      oneOffHtCents: 58000,
      monthlyInstalmentsCents: Array(12).fill(20000),
    });
  });

  it('E splits the annual recurring fees in 12 exact monthly instalments', () => {
    const totals = computeTotals([aPricedLine({ unitPriceCents: 100000, recurrence: 'yearly' })]);
    expect(totals.monthlyInstalmentsCents).toEqual([...Array(11).fill(8333), 8337]);
  });

  it('E gives zero everywhere for an empty document', () => {
    const totals = computeTotals([]);
    expect(totals.totalTtcCents).toBe(0);
    expect(totals.vat).toEqual([]);
    expect(totals.monthlyInstalmentsCents).toEqual(Array(12).fill(0));
  });
});
