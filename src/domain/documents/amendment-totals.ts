import { type BillingPeriod, MONTHS_PER_PERIOD } from '../billing/instalments.ts';
import type { IsoDate } from '../shared/dates.ts';
import { type Cents, splitInstalments, sumCents } from '../shared/money.ts';
import { annualValue, type PricedLine, vatByRate } from './fees.ts';
import { periodFees } from './term-period.ts';

/**
 * Issue 14, item 9: what an amendment does to its letter's fees, said as what it is: the letter's
 * annual recurring fees before and after it, the change, and the instalment the client pays from
 * its effective date on the letter's billing period (R-G2), excluding and including VAT. (An amendment's own `totals` only
 * sum the lines it adds or modifies, at their new value: neither the change nor the new total.)
 */
export type AmendmentTotals = {
  readonly effectiveDate: IsoDate;
  readonly letterAnnualBeforeHtCents: Cents;
  readonly letterAnnualAfterHtCents: Cents;
  /** After − before: negative when the amendment lowers the fees. */
  readonly annualChangeHtCents: Cents;
  readonly letterAnnualAfterTtcCents: Cents;
  /** round(annual / 12): the instalment of each month from the effective date (DOMAIN.md E). */
  readonly newMonthlyInstalmentHtCents: Cents;
  readonly newMonthlyInstalmentTtcCents: Cents;
  /** R-G2: the letter's billing period, which the amendment follows. */
  readonly billingPeriod: BillingPeriod;
  /**
   * The instalment of each period from the effective date, annual × months of the period / 12
   * (a quarter of 1 236,00 € is 309,00 €); monthly, the same as newMonthlyInstalment….
   */
  readonly newInstalmentHtCents: Cents;
  readonly newInstalmentTtcCents: Cents;
};

const recurring = (lines: readonly PricedLine[]) => lines.filter((line) => line.recurrence !== 'one_off');

export const amendmentTotalsOf = (input: {
  before: readonly PricedLine[];
  after: readonly PricedLine[];
  effectiveDate: IsoDate;
  billingPeriod?: BillingPeriod;
}): AmendmentTotals => {
  const before = sumCents(recurring(input.before).map(annualValue));
  const afterLines = recurring(input.after);
  const after = sumCents(afterLines.map(annualValue));
  const vat = vatByRate(
    afterLines.map((line) => ({ rateBp: line.vatRateBp, amountCents: annualValue(line) })),
  );
  const afterTtc = after + sumCents(vat.map((v) => v.vatCents));
  const billingPeriod = input.billingPeriod ?? 'monthly';
  const months = MONTHS_PER_PERIOD[billingPeriod];
  const monthlyHt = splitInstalments(after, 12)[0] ?? 0;
  const monthlyTtc = splitInstalments(afterTtc, 12)[0] ?? 0;
  return {
    effectiveDate: input.effectiveDate,
    letterAnnualBeforeHtCents: before,
    letterAnnualAfterHtCents: after,
    annualChangeHtCents: after - before,
    letterAnnualAfterTtcCents: afterTtc,
    newMonthlyInstalmentHtCents: monthlyHt,
    newMonthlyInstalmentTtcCents: monthlyTtc,
    billingPeriod,
    newInstalmentHtCents: billingPeriod === 'monthly' ? monthlyHt : periodFees(after, months),
    newInstalmentTtcCents: billingPeriod === 'monthly' ? monthlyTtc : periodFees(afterTtc, months),
  };
};
