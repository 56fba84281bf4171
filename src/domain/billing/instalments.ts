import { periodFees } from '../documents/term-period.ts';
import type { Cents } from '../shared/money.ts';

/** R-G2: how often a letter's recurring fees are billed; monthly unless the letter says otherwise. */
export const BILLING_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const MONTHS_PER_PERIOD: Record<BillingPeriod, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * R-G3: the instalment `index` of a cycle of `cycleMonths` months (a year, or a letter's first
 * period: see firstPeriodOf) billed every `periodMonths` months. Each instalment is the annual
 * fees' prorata for its period, rounded half-up; the last one takes what remains of the cycle's
 * fees, so that twelve monthly instalments make the annual fees to the cent (1 000,00 → 11 × 83,33
 * + 83,37), as the letter's own instalment table says (firstPeriodInstalments).
 */
export const instalmentOfCycle = (
  annualCents: Cents,
  cycle: { months: number; periodMonths: number; index: number },
): Cents => {
  const count = Math.ceil(cycle.months / cycle.periodMonths);
  const each = periodFees(annualCents, cycle.periodMonths);
  return cycle.index < count - 1 ? each : periodFees(annualCents, cycle.months) - each * (count - 1);
};
