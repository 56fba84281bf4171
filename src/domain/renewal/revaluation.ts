import type { ScopeLine } from '../documents/scope.ts';
import {
  type Cents,
  compareDecimal,
  type Decimal,
  isDecimal,
  multiplyCents,
  multiplyCentsToEuro,
} from '../shared/money.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';

export const ROUNDINGS = ['cent', 'euro'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

/**
 * R-D3: a coefficient is > 0; below 1 (a decrease) or above 1.5 it needs an explicit confirmation,
 * since such a value is far more often a typing slip than a decision.
 */
export const assertCoefficient = (coefficient: Decimal, confirmed: boolean): Result<Decimal, Refusal> => {
  if (!isDecimal(coefficient) || compareDecimal(coefficient, '0') <= 0) {
    return refuse('REVALUATION.INVALID_COEFFICIENT', { coefficient });
  }
  const unusual = compareDecimal(coefficient, '1') < 0 || compareDecimal(coefficient, '1.5') > 0;
  if (unusual && !confirmed) return refuse('REVALUATION.CONFIRMATION_REQUIRED', { coefficient });
  return ok(coefficient);
};

/** R-D3: new unit price = old × coefficient, rounded half-up to the cent (or to the euro). */
export const revaluePrice = (priceCents: Cents, coefficient: Decimal, rounding: Rounding = 'cent'): Cents =>
  rounding === 'euro' ? multiplyCentsToEuro(priceCents, coefficient) : multiplyCents(priceCents, coefficient);

export type ReplacementLine = Omit<ScopeLine, 'lineId' | 'letterId'> & { readonly originLineId: string };

/**
 * R-D2: the lines of a new replacement letter: the consolidated recurring scope in force, each unit
 * price revalued unless its line is excluded; each line remembers the line it came from.
 */
export const prefillReplacementLines = (
  scopeLines: readonly ScopeLine[],
  options: { coefficient?: Decimal | null; rounding?: Rounding; excludedLineIds?: readonly string[] } = {},
): ReplacementLine[] =>
  scopeLines.map(({ lineId, letterId: _letterId, ...line }) => ({
    ...line,
    originLineId: lineId,
    unitPriceCents:
      options.coefficient && !options.excludedLineIds?.includes(lineId)
        ? revaluePrice(line.unitPriceCents, options.coefficient, options.rounding)
        : line.unitPriceCents,
  }));
