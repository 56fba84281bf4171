import { annualValue } from '../documents/fees.ts';
import {
  isLetterInForceOn,
  type LetterInForce,
  letterScopeOn,
  type ScopeLine,
  type SignedAmendment,
} from '../documents/scope.ts';
import type { IsoDate } from '../shared/dates.ts';
import { type BillingPeriod, instalmentOfCycle, MONTHS_PER_PERIOD } from './instalments.ts';
import { firstDayOf, type Month, monthFromNumber, monthNumber, monthOf } from './months.ts';
import { type BilledLine, type ScheduleEntry, scheduleEntry } from './schedule-entry.ts';

export type BillingLetter = LetterInForce & {
  /** A replacement letter: its predecessors billed the month it starts in (R-G2, never twice). */
  readonly replacesOthers: boolean;
  readonly billingPeriod?: BillingPeriod;
  /** Months of the letter's first period (firstPeriodOf); a year when not given. */
  readonly firstPeriodMonths?: number;
};

/**
 * R-G2: the day a letter's instalment of a month is decided: the first of the month, or the
 * effective date in the month a new letter starts (a month begun is due in full). A letter in force
 * that day is billed for the month with the scope of that day, so a change within a period applies
 * from the next one, and a replacement starting within a month its predecessor billed starts the
 * month after: the same month is never billed twice.
 */
const billingDay = (letter: BillingLetter, month: Month): IsoDate => {
  const first = firstDayOf(month);
  if (letter.replacesOthers || first >= letter.effectiveDate) return first;
  return monthOf(letter.effectiveDate) === month ? letter.effectiveDate : first;
};

/** The month billing starts: the effective month, or the next one for a replacement starting mid-month. */
const firstBilledMonth = (letter: BillingLetter): number => {
  const start = monthNumber(monthOf(letter.effectiveDate));
  return letter.replacesOthers && firstDayOf(monthOf(letter.effectiveDate)) < letter.effectiveDate
    ? start + 1
    : start;
};

/** The cycle a month falls in: the first period (possibly not a year), then years (R-G3). */
const cycleOf = (letter: BillingLetter, offset: number) => {
  const firstMonths = letter.firstPeriodMonths ?? 12;
  if (offset < firstMonths) return { months: firstMonths, monthIndex: offset };
  return { months: 12, monthIndex: (offset - firstMonths) % 12 };
};

export type PricedScope = {
  readonly lines: readonly { readonly line: ScopeLine; readonly annualCents: number }[];
  readonly source: { readonly id: string; readonly number: string | null };
};

/** A letter's priced scopes, by the number of its amendments applied: it changes only with them. */
export type ScopeCache = Map<number, PricedScope>;

/**
 * The letter's recurring lines on a day, each with its annual fees, and the document they come
 * from: the latest amendment applied, else the letter. Amendments apply in date order, so how many
 * are effective on the day says which: a schedule of twelve months prices each scope once.
 */
export const pricedScopeOn = (
  letter: BillingLetter,
  amendments: readonly SignedAmendment[],
  day: IsoDate,
  cache: ScopeCache,
): PricedScope => {
  let applied = 0;
  let latest: SignedAmendment | undefined;
  for (const a of amendments) {
    if (a.letterId !== letter.id || a.effectiveDate > day) continue;
    applied += 1;
    if (!latest || a.effectiveDate >= latest.effectiveDate) latest = a;
  }
  const known = cache.get(applied);
  if (known) return known;
  const scope = letterScopeOn(letter, amendments, day);
  const priced: PricedScope = {
    lines: scope.lines.map((line) => ({ line, annualCents: annualValue(line) })),
    source: latest
      ? { id: latest.id, number: latest.number ?? null }
      : { id: letter.id, number: letter.number },
  };
  cache.set(applied, priced);
  return priced;
};

/** Where a month's instalment falls in the letter's cycle (R-G3). */
export type InstalmentPosition = { months: number; periodMonths: number; index: number };

/**
 * R-G2 and R-G3: whether a letter bills an instalment in a month, and then the day its scope is
 * read on and the instalment's place in its cycle; nothing when it bills nothing that month.
 */
export const instalmentSlot = (
  letter: BillingLetter,
  month: Month,
): { day: IsoDate; position: InstalmentPosition } | undefined => {
  const offset = monthNumber(month) - firstBilledMonth(letter);
  const day = billingDay(letter, month);
  if (offset < 0 || !isLetterInForceOn(letter, day)) return undefined;
  const periodMonths = MONTHS_PER_PERIOD[letter.billingPeriod ?? 'monthly'];
  const cycle = cycleOf(letter, offset);
  if (cycle.monthIndex % periodMonths !== 0) return undefined;
  return { day, position: { months: cycle.months, periodMonths, index: cycle.monthIndex / periodMonths } };
};

/** R-G2 and R-G3: one letter's recurring instalment of a month, or nothing that month. */
export const letterInstalment = (
  letter: BillingLetter,
  amendments: readonly SignedAmendment[],
  month: Month,
  cache: ScopeCache = new Map(),
): ScheduleEntry | undefined => {
  const slot = instalmentSlot(letter, month);
  if (!slot) return undefined;
  const scope = pricedScopeOn(letter, amendments, slot.day, cache);
  if (scope.lines.length === 0) return undefined;
  const position = slot.position;
  const lines: BilledLine[] = scope.lines.map(({ line, annualCents }) => ({
    lineId: line.lineId,
    label: line.label,
    amountCents: instalmentOfCycle(annualCents, position),
    vatRateBp: line.vatRateBp,
  }));
  return scheduleEntry(
    {
      month,
      type: 'recurring',
      documentId: letter.id,
      number: letter.number,
      sourceDocumentId: scope.source.id,
      sourceNumber: scope.source.number,
    },
    lines,
  );
};

/** R-G2: every letter's recurring instalments from one month to another, both included, by month. */
export const recurringSchedule = (
  input: { letters: readonly BillingLetter[]; amendments: readonly SignedAmendment[] },
  range: { from: Month; to: Month },
): ScheduleEntry[] => {
  const entries: ScheduleEntry[] = [];
  const [from, to] = [monthNumber(range.from), monthNumber(range.to)];
  for (const letter of input.letters) {
    const cache: ScopeCache = new Map();
    for (let n = from; n <= to; n += 1) {
      const entry = letterInstalment(letter, input.amendments, monthFromNumber(n), cache);
      if (entry) entries.push(entry);
    }
  }
  // Stable: within a month, the letters keep their order.
  return entries.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
};
