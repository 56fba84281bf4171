import { isRevaluable, type PricingMode } from '../catalogue/service-pricing.ts';
import type { Cents, Decimal } from '../shared/money.ts';
import { percentChange } from '../shared/money.ts';
import { type Rounding, revaluePrice } from './revaluation.ts';

export type CatalogueItem = {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly pricingMode: PricingMode;
  readonly priceCents: Cents;
};

export type RevaluedItem = {
  readonly serviceId: string;
  readonly code: string;
  readonly label: string;
  readonly beforeCents: Cents;
  readonly afterCents: Cents;
  /** "3.00" for +3 %; null from a price of zero. */
  readonly changePercent: Decimal | null;
};

export type SkippedItem = {
  readonly serviceId: string;
  readonly code: string;
  readonly label: string;
  readonly priceCents: Cents;
  readonly reason: 'excluded' | 'at_cost';
};

export type CatalogueRevaluation = {
  readonly revalued: readonly RevaluedItem[];
  readonly skipped: readonly SkippedItem[];
};

/**
 * R-D4: the same coefficient over the whole catalogue ("sur l'ensemble des missions"), each price
 * revalued as R-D3 says (exact decimals, half-up per price, optionally to the euro). The services
 * the firm excludes and the disbursements keep their price. The coefficient is checked beforehand
 * (assertCoefficient).
 */
export const planCatalogueRevaluation = (
  items: readonly CatalogueItem[],
  options: { coefficient: Decimal; rounding?: Rounding; excludedIds?: readonly string[] },
): CatalogueRevaluation => {
  const revalued: RevaluedItem[] = [];
  const skipped: SkippedItem[] = [];
  for (const { id: serviceId, code, label, pricingMode, priceCents } of items) {
    const excluded = options.excludedIds?.includes(serviceId) ?? false;
    if (excluded || !isRevaluable(pricingMode)) {
      skipped.push({ serviceId, code, label, priceCents, reason: excluded ? 'excluded' : 'at_cost' });
      continue;
    }
    const afterCents = revaluePrice(priceCents, options.coefficient, options.rounding);
    revalued.push({
      serviceId,
      code,
      label,
      beforeCents: priceCents,
      afterCents,
      changePercent: percentChange(priceCents, afterCents) ?? null,
    });
  }
  return { revalued, skipped };
};
