import type { VatAmount } from '../documents/fees.ts';
import type { SignedAmendment } from '../documents/scope.ts';
import type { Cents } from '../shared/money.ts';
import type { Month } from './months.ts';
import { type OneOffLine, oneOffSchedule } from './one-offs.ts';
import { type BillingLetter, recurringSchedule } from './schedule.ts';
import type { ScheduleEntry } from './schedule-entry.ts';

export type ScheduleInput = {
  readonly letters: readonly BillingLetter[];
  readonly amendments: readonly SignedAmendment[];
  readonly oneOffs: readonly OneOffLine[];
};

/**
 * R-G2: the billing schedule (« échéancier ») of an engagement from one month to another: the
 * recurring instalments of its letters and the one-off lines billed, month by month, in the order
 * of their documents' numbers.
 */
export const billingSchedule = (input: ScheduleInput, range: { from: Month; to: Month }): ScheduleEntry[] =>
  [...recurringSchedule(input, range), ...oneOffSchedule(input.oneOffs, range)].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      (a.number ?? '').localeCompare(b.number ?? '') ||
      a.type.localeCompare(b.type),
  );

export type MonthTotal = {
  readonly month: Month;
  readonly htCents: Cents;
  readonly vatCents: Cents;
  readonly ttcCents: Cents;
  /** HT and TVA per rate, each entry's VAT summed (an invoice computes its own). */
  readonly vat: readonly VatAmount[];
};

/** The totals of each month of a schedule: what the firm invoices that month. */
export const monthTotals = (entries: readonly ScheduleEntry[]): MonthTotal[] => {
  const months = new Map<Month, ScheduleEntry[]>();
  for (const entry of entries) {
    const list = months.get(entry.month);
    if (list) list.push(entry);
    else months.set(entry.month, [entry]);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => {
      const rates = new Map<number, VatAmount>();
      for (const rate of list.flatMap((e) => e.vat)) {
        const known = rates.get(rate.rateBp);
        rates.set(rate.rateBp, {
          rateBp: rate.rateBp,
          baseCents: (known?.baseCents ?? 0) + rate.baseCents,
          vatCents: (known?.vatCents ?? 0) + rate.vatCents,
        });
      }
      const htCents = list.reduce((sum, e) => sum + e.htCents, 0);
      const vatCents = list.reduce((sum, e) => sum + e.vatCents, 0);
      const vat = [...rates.values()].sort((a, b) => b.rateBp - a.rateBp);
      return { month, htCents, vatCents, ttcCents: htCents + vatCents, vat };
    });
};
