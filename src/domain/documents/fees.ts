import {
  applyBasisPoints,
  type Cents,
  type Decimal,
  multiplyCents,
  splitInstalments,
  sumCents,
} from '../shared/money.ts';
import type { Recurrence } from './kinds.ts';

/** DOMAIN.md E: the default VAT rate, in basis points (2000 = 20 %). */
export const DEFAULT_VAT_RATE_BP = 2000;

/** The largest quantity a line takes (100 000), and the largest unit price (10 M€, in cents). */
export const MAX_QUANTITY = 100_000;
export const MAX_PRICE_CENTS = 1_000_000_000;

/** A line's quantity, written with a dot: a positive decimal of at most 3 places, up to MAX_QUANTITY. */
export const isQuantity = (value: string): boolean =>
  /^\d{1,6}(\.\d{1,3})?$/.test(value) && Number(value) > 0 && Number(value) <= MAX_QUANTITY;

export const PERIODS_PER_YEAR: Record<Recurrence, number> = {
  monthly: 12,
  quarterly: 4,
  yearly: 1,
  one_off: 0,
};

/** How a line is billed (the catalogue's pricing modes, DOMAIN.md E). */
export type LineBilling = 'fixed' | 'unit' | 'hourly' | 'at_cost';

/**
 * Issue 14, items 4 and 6: what a line's figures mean to the client. The service's pricing mode
 * says it; a line without one (typed by hand, or frozen before the mode was recorded) is read from
 * its words: a line at 0 % named « débours » passes a cost on, a unit in hours is time spent, any
 * other unit is counted.
 */
export const lineBillingOf = (line: {
  readonly pricingMode?: LineBilling | null;
  readonly label: string;
  readonly unitLabel: string | null;
  readonly vatRateBp: number;
}): LineBilling => {
  if (line.pricingMode) return line.pricingMode;
  if (line.vatRateBp === 0 && /d[ée]bours/i.test(line.label)) return 'at_cost';
  if (line.unitLabel && /^heures?\b/i.test(line.unitLabel.trim())) return 'hourly';
  return line.unitLabel ? 'unit' : 'fixed';
};

export type PricedLine = {
  readonly quantity: Decimal;
  readonly unitPriceCents: Cents;
  readonly vatRateBp: number;
  readonly recurrence: Recurrence;
};

/** A line is quantity × unit price, rounded half-up to the cent. */
export const lineAmount = (line: Pick<PricedLine, 'quantity' | 'unitPriceCents'>): Cents =>
  multiplyCents(line.unitPriceCents, line.quantity);

/** Annual value of a recurring line = line amount × periods per year; zero for a one-off line. */
export const annualValue = (line: Pick<PricedLine, 'quantity' | 'unitPriceCents' | 'recurrence'>): Cents =>
  lineAmount(line) * PERIODS_PER_YEAR[line.recurrence];

export type VatAmount = { readonly rateBp: number; readonly baseCents: Cents; readonly vatCents: Cents };

/** VAT is computed per rate on the total excluding tax of that rate, rounded half-up. */
export const vatByRate = (bases: readonly { rateBp: number; amountCents: Cents }[]): VatAmount[] => {
  const totals = new Map<number, Cents>();
  for (const { rateBp, amountCents } of bases) totals.set(rateBp, (totals.get(rateBp) ?? 0) + amountCents);
  return [...totals.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBp, baseCents]) => ({ rateBp, baseCents, vatCents: applyBasisPoints(baseCents, rateBp) }));
};

export type DocumentTotals = {
  /** Recurring fees over one year plus the one-off lines: what the document commits to. */
  readonly totalHtCents: Cents;
  readonly vat: readonly VatAmount[];
  readonly totalVatCents: Cents;
  readonly totalTtcCents: Cents;
  readonly annualRecurringHtCents: Cents;
  readonly oneOffHtCents: Cents;
  /** The annual recurring fees paid monthly: 12 instalments, the last one takes the remainder. */
  readonly monthlyInstalmentsCents: readonly Cents[];
};

/**
 * The totals of a document: recurring lines count for their annual value, one-off lines for their
 * amount; VAT per rate on those bases; the annual recurring fees split in 12 monthly instalments.
 */
export const computeTotals = (lines: readonly PricedLine[]): DocumentTotals => {
  const bases = lines.map((line) => ({
    rateBp: line.vatRateBp,
    amountCents: line.recurrence === 'one_off' ? lineAmount(line) : annualValue(line),
  }));
  const vat = vatByRate(bases);
  const totalHtCents = sumCents(bases.map((b) => b.amountCents));
  const totalVatCents = sumCents(vat.map((v) => v.vatCents));
  const annualRecurringHtCents = sumCents(lines.map(annualValue));
  return {
    totalHtCents,
    vat,
    totalVatCents,
    totalTtcCents: totalHtCents + totalVatCents,
    annualRecurringHtCents,
    oneOffHtCents: totalHtCents - annualRecurringHtCents,
    monthlyInstalmentsCents: splitInstalments(annualRecurringHtCents, 12),
  };
};
