import type { IsoDate } from '../shared/dates.ts';
import {
  type Cents,
  compareDecimal,
  compareRatio,
  type Decimal,
  divideDecimals,
  isDecimal,
  scaleCents,
} from '../shared/money.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import { assertCoefficient, type Rounding, revaluePrice } from './revaluation.ts';

/** R-D5: which client engagements a campaign renews. An empty list or a null means "any". */
export type CampaignSelection = {
  readonly responsibleUserIds: readonly string[];
  /** R-D6: only the clients whose letter in force carries terms older than this version. */
  readonly termsVersionBelow: number | null;
  /** Only the clients whose newest letter in force was signed before this day. */
  readonly signedBefore: IsoDate | null;
  /** Months (1–12) of the company's fiscal year end. */
  readonly fiscalYearEndMonths: readonly number[];
  /** Only the clients whose scope in force holds one of these services. */
  readonly serviceIds: readonly string[];
};

/** R-D3: a coefficient, or an index formula: new price = price × new index / reference index. */
export type RevaluationRule =
  | { readonly method: 'coefficient'; readonly coefficient: Decimal }
  | { readonly method: 'index'; readonly referenceIndex: Decimal; readonly newIndex: Decimal };

/** R-D3 per-client exceptions: another coefficient, fixed new unit prices, or left out. */
export type ClientException =
  | { readonly engagementId: string; readonly action: 'coefficient'; readonly coefficient: Decimal }
  | {
      readonly engagementId: string;
      readonly action: 'fixed_prices';
      readonly prices: readonly { readonly serviceId: string; readonly unitPriceCents: Cents }[];
    }
  | { readonly engagementId: string; readonly action: 'leave_out'; readonly reason: string | null };

export type CampaignSettings = {
  readonly selection: CampaignSelection;
  readonly revaluation: RevaluationRule;
  readonly rounding: Rounding;
  /** Lines of these services keep their price (a mission the firm does not revalue this year). */
  readonly excludedServiceIds: readonly string[];
  /** These lines of the letters in force keep their price. */
  readonly excludedLineIds: readonly string[];
  readonly exceptions: readonly ClientException[];
  /** The terms version the new letters carry; null: the version in force on their effective date. */
  readonly termsVersionId: string | null;
  /** The day the replacement letters take effect. */
  readonly effectiveDate: IsoDate;
  /** The last day the client may sign the replacement letter. */
  readonly validUntil: IsoDate;
  /** R-D3: a coefficient below 1 or above 1.5 applies only once confirmed. */
  readonly confirmUnusualCoefficient: boolean;
};

/** The coefficient a rule amounts to: the index ratio shown to six decimals. */
export const effectiveCoefficient = (rule: RevaluationRule): Decimal =>
  rule.method === 'coefficient' ? rule.coefficient : divideDecimals(rule.newIndex, rule.referenceIndex);

/**
 * R-D3: one unit price revalued by a rule. The index formula is one exact division (price × new /
 * reference), never the product by a rounded ratio, so the result does not depend on how many
 * decimals the ratio would have been given.
 */
export const revalueByRule = (priceCents: Cents, rule: RevaluationRule, rounding: Rounding): Cents =>
  rule.method === 'coefficient'
    ? revaluePrice(priceCents, rule.coefficient, rounding)
    : scaleCents(
        priceCents,
        { numerator: rule.newIndex, denominator: rule.referenceIndex },
        rounding === 'euro' ? 100 : 1,
      );

const isPositive = (value: Decimal) => isDecimal(value) && compareDecimal(value, '0') > 0;

/**
 * R-D3 for a whole campaign: the rule's coefficient (or index ratio) and every exception's pass the
 * coefficient check, with the one confirmation covering them all.
 */
export const assertCampaignSettings = (settings: CampaignSettings): Result<CampaignSettings, Refusal> => {
  const { revaluation: rule, confirmUnusualCoefficient: confirmed } = settings;
  if (rule.method === 'index' && !(isPositive(rule.newIndex) && isPositive(rule.referenceIndex))) {
    return refuse('REVALUATION.INDEX_INVALID', {
      newIndex: rule.newIndex,
      referenceIndex: rule.referenceIndex,
    });
  }
  if (rule.method === 'index') {
    // The exact ratio decides, not the six decimals it is shown with: 19 999,99 / 20 000 lowers prices.
    const ratio = { numerator: rule.newIndex, denominator: rule.referenceIndex };
    const unusual = compareRatio(ratio, '1') < 0 || compareRatio(ratio, '1.5') > 0;
    if (unusual && !confirmed)
      return refuse('REVALUATION.CONFIRMATION_REQUIRED', { coefficient: effectiveCoefficient(rule) });
  }
  const coefficients = [
    ...(rule.method === 'coefficient' ? [rule.coefficient] : []),
    ...settings.exceptions.flatMap((e) => (e.action === 'coefficient' ? [e.coefficient] : [])),
  ];
  for (const coefficient of coefficients) {
    const checked = assertCoefficient(coefficient, confirmed);
    if (!checked.ok) return checked;
  }
  return ok(settings);
};
