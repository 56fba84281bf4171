import { type VatAmount, vatByRate } from '../documents/fees.ts';
import { applyBasisPoints, type Cents } from '../shared/money.ts';
import type { MonthTotal, ScheduleInput } from './engagement-schedule.ts';
import { instalmentOfCycle } from './instalments.ts';
import { type Month, monthFromNumber, monthNumber, monthsBetween } from './months.ts';
import { oneOffSchedule } from './one-offs.ts';
import { instalmentSlot, pricedScopeOn, type ScopeCache } from './schedule.ts';
import type { ScheduleEntry } from './schedule-entry.ts';

/** An entry's figures without its lines: what the month totals and the adjustments need. */
export type EntryFigures = Pick<
  ScheduleEntry,
  'month' | 'type' | 'documentId' | 'number' | 'htCents' | 'vatCents' | 'ttcCents'
>;

/**
 * The running totals of a range of months, filled engagement by engagement (`tallySchedule`):
 * a firm's schedule totalled without building its entries (R-G2, issue 17's 10 000 clients).
 */
export type ScheduleTally = {
  readonly from: Month;
  readonly to: Month;
  /** The range's months, built once for every letter of the firm. */
  readonly months: readonly Month[];
  readonly htCents: number[];
  readonly vatCents: number[];
  readonly entries: number[];
  readonly rates: Map<number, { baseCents: Cents; vatCents: Cents }>[];
};

export const newTally = (range: { from: Month; to: Month }): ScheduleTally => {
  const length = monthNumber(range.to) - monthNumber(range.from) + 1;
  return {
    ...range,
    months: monthsBetween(range.from, range.to),
    htCents: Array(length).fill(0),
    vatCents: Array(length).fill(0),
    entries: Array(length).fill(0),
    rates: Array.from({ length }, () => new Map()),
  };
};

/** Adds one entry's figures (its VAT per rate) to its month, as monthTotals sums entries. */
const addToTally = (
  tally: ScheduleTally,
  index: number,
  htCents: Cents,
  vat: readonly VatAmount[],
  counts: number[] | undefined,
): Cents => {
  let vatCents = 0;
  const rates = tally.rates[index] as Map<number, { baseCents: Cents; vatCents: Cents }>;
  for (const rate of vat) {
    vatCents += rate.vatCents;
    const known = rates.get(rate.rateBp);
    if (known) {
      known.baseCents += rate.baseCents;
      known.vatCents += rate.vatCents;
    } else rates.set(rate.rateBp, { baseCents: rate.baseCents, vatCents: rate.vatCents });
  }
  tally.htCents[index] = (tally.htCents[index] ?? 0) + htCents;
  tally.vatCents[index] = (tally.vatCents[index] ?? 0) + vatCents;
  tally.entries[index] = (tally.entries[index] ?? 0) + 1;
  if (counts) counts[index] = (counts[index] ?? 0) + 1;
  return vatCents;
};

/**
 * R-G2 and R-G3: adds an engagement's schedule (its letters' instalments and its one-off lines) to
 * the tally, with the same figures as billingSchedule's entries, to the cent, without building
 * them: each letter's scope is priced once per set of amendments applied (as letterInstalment
 * does), its instalment summed line by line, its VAT per rate on that sum. `counts` receives the
 * engagement's number of entries per month (to page through the firm's entries), `visit` each
 * entry's figures (for the adjustments of exported months).
 */
export const tallySchedule = (
  tally: ScheduleTally,
  input: ScheduleInput,
  options: { counts?: number[]; visit?: (figures: EntryFigures) => void } = {},
): void => {
  const { counts, visit } = options;
  const [from, to] = [monthNumber(tally.from), monthNumber(tally.to)];
  for (const letter of input.letters) {
    const cache: ScopeCache = new Map();
    // Consecutive instalments are mostly equal: their VAT is computed once.
    let last = { htCents: -1, rateBp: -1, vat: [] as readonly VatAmount[] };
    for (let n = from; n <= to; n += 1) {
      const month = tally.months[n - from] as Month;
      const slot = instalmentSlot(letter, month);
      if (!slot) continue;
      const scope = pricedScopeOn(letter, input.amendments, slot.day, cache);
      const first = scope.lines[0];
      if (!first) continue;
      let htCents = 0;
      let oneRate = true;
      for (const { line, annualCents } of scope.lines) {
        htCents += instalmentOfCycle(annualCents, slot.position);
        if (line.vatRateBp !== first.line.vatRateBp) oneRate = false;
      }
      let vat: readonly VatAmount[];
      if (!oneRate)
        vat = vatByRate(
          scope.lines.map(({ line, annualCents }) => ({
            rateBp: line.vatRateBp,
            amountCents: instalmentOfCycle(annualCents, slot.position),
          })),
        );
      else if (last.htCents === htCents && last.rateBp === first.line.vatRateBp) vat = last.vat;
      else {
        const rateBp = first.line.vatRateBp;
        vat = [{ rateBp, baseCents: htCents, vatCents: applyBasisPoints(htCents, rateBp) }];
        last = { htCents, rateBp, vat };
      }
      const vatCents = addToTally(tally, n - from, htCents, vat, counts);
      visit?.({
        month,
        type: 'recurring',
        documentId: letter.id,
        number: letter.number,
        htCents,
        vatCents,
        ttcCents: htCents + vatCents,
      });
    }
  }
  if (input.oneOffs.length === 0) return;
  for (const entry of oneOffSchedule(input.oneOffs, tally)) {
    addToTally(tally, monthNumber(entry.month) - from, entry.htCents, entry.vat, counts);
    visit?.(entry);
  }
};

/** The tally's months with something due, as monthTotals gives them from the entries. */
export const tallyTotals = (tally: ScheduleTally): MonthTotal[] => {
  const totals: MonthTotal[] = [];
  const from = monthNumber(tally.from);
  tally.entries.forEach((entries, index) => {
    if (entries === 0) return;
    const htCents = tally.htCents[index] ?? 0;
    const vatCents = tally.vatCents[index] ?? 0;
    const vat = [...(tally.rates[index] ?? new Map()).entries()]
      .map(([rateBp, rate]) => ({ rateBp, baseCents: rate.baseCents, vatCents: rate.vatCents }))
      .sort((a, b) => b.rateBp - a.rateBp);
    totals.push({
      month: monthFromNumber(from + index),
      htCents,
      vatCents,
      ttcCents: htCents + vatCents,
      vat,
    });
  });
  return totals;
};
