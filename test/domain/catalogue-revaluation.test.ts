import { describe, expect, it } from 'vitest';
import {
  defaultUnitLabel,
  defaultVatRateBp,
  isRevaluable,
  needsUnitLabel,
} from '../../src/domain/catalogue/service-pricing.ts';
import {
  type CatalogueItem,
  planCatalogueRevaluation,
} from '../../src/domain/renewal/catalogue-revaluation.ts';

const anItem = (overrides: Partial<CatalogueItem> = {}): CatalogueItem => ({
  id: 'svc-comptes',
  code: 'COMPTES',
  label: 'Comptes annuels',
  pricingMode: 'fixed',
  priceCents: 120000,
  ...overrides,
});

describe('E service pricing', () => {
  it('E a unit price and an hourly rate name their unit; an hourly rate is per hour by default', () => {
    expect(needsUnitLabel('unit')).toBe(true);
    expect(needsUnitLabel('hourly')).toBe(true);
    expect(needsUnitLabel('fixed')).toBe(false);
    expect(defaultUnitLabel('hourly')).toBe('heure');
    expect(defaultUnitLabel('unit')).toBeNull();
  });

  it('E VAT is 20 % by default, 0 % for disbursements', () => {
    expect(defaultVatRateBp('fixed')).toBe(2000);
    expect(defaultVatRateBp('at_cost')).toBe(0);
  });

  it('R-D4 disbursements are never revalued', () => {
    expect(isRevaluable('at_cost')).toBe(false);
    expect(isRevaluable('hourly')).toBe(true);
  });
});

describe('R-D4 planCatalogueRevaluation', () => {
  const catalogue = [
    anItem(),
    anItem({ id: 'svc-paie', code: 'PAIE', pricingMode: 'unit', priceCents: 2500 }),
    anItem({ id: 'svc-situation', code: 'SITUATION', priceCents: 3333 }),
    anItem({ id: 'svc-debours', code: 'DEBOURS', pricingMode: 'at_cost', priceCents: 5000 }),
    anItem({ id: 'svc-gratuit', code: 'GRATUIT', priceCents: 0 }),
  ];

  it('R-D4 applies the worked examples: 1 200,00 × 1,03 = 1 236,00 and 25,00 × 1,03 = 25,75', () => {
    const { revalued } = planCatalogueRevaluation(catalogue, { coefficient: '1.03' });
    expect(revalued.map((r) => [r.code, r.beforeCents, r.afterCents, r.changePercent])).toEqual([
      ['COMPTES', 120000, 123600, '3.00'],
      ['PAIE', 2500, 2575, '3.00'],
      ['SITUATION', 3333, 3433, '3.00'],
      ['GRATUIT', 0, 0, null],
    ]);
  });

  it('R-D4 rounds half-up to the cent: 33,33 × 1,025 = 34,16; or to the euro on demand', () => {
    const [situation] = [anItem({ priceCents: 3333 })];
    expect(planCatalogueRevaluation([situation!], { coefficient: '1.025' }).revalued[0]?.afterCents).toBe(
      3416,
    );
    expect(
      planCatalogueRevaluation([situation!], { coefficient: '1.025', rounding: 'euro' }).revalued[0]
        ?.afterCents,
    ).toBe(3400);
  });

  it('R-D4 skips the excluded services and the disbursements, saying why', () => {
    const { revalued, skipped } = planCatalogueRevaluation(catalogue, {
      coefficient: '1.03',
      excludedIds: ['svc-paie'],
    });
    expect(revalued.map((r) => r.code)).toEqual(['COMPTES', 'SITUATION', 'GRATUIT']);
    expect(skipped).toEqual([
      { serviceId: 'svc-paie', code: 'PAIE', label: 'Comptes annuels', priceCents: 2500, reason: 'excluded' },
      {
        serviceId: 'svc-debours',
        code: 'DEBOURS',
        label: 'Comptes annuels',
        priceCents: 5000,
        reason: 'at_cost',
      },
    ]);
  });
});
