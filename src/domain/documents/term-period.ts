import { addDays, addMonths, type IsoDate, nextFiscalYearEnd } from '../shared/dates.ts';
import { type Cents, splitInstalments } from '../shared/money.ts';
import { letterTerm } from './term.ts';

/** A fiscal year of the client: from the day after the previous closing to its closing. */
export type FiscalYear = { readonly start: IsoDate; readonly end: IsoDate };

export type FirstPeriod = {
  /** The letter's effective date. */
  readonly start: IsoDate;
  /** The end of the first period: a fiscal year end (see letterTerm). */
  readonly end: IsoDate;
  /** Calendar months from the start's month to the end's month, both counted: one instalment each. */
  readonly months: number;
  /** The fiscal years the first period covers, the first one possibly begun before the letter. */
  readonly fiscalYears: readonly FiscalYear[];
  /**
   * How the first period's fees relate to the annual fees: none when it lasts whole years,
   * months / 12 otherwise (DOMAIN.md E: the recurring fees are annual).
   */
  readonly prorated: boolean;
};

const monthIndex = (date: IsoDate): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/**
 * Issue 14, item 1: the first period of a letter, which its duration, its fees and its instalment
 * schedule all follow. It runs from the effective date to the end given by letterTerm (the first
 * fiscal year end whose notice deadline the client can still meet, extended by whole years for a
 * longer duration), so it may last less or more than twelve months: a letter effective 01/01/2027
 * for a 31 March closing runs to 31/03/2028, 15 months over the fiscal years closed on 31/03/2027
 * and 31/03/2028. The recurring fees being annual, the first period is billed at their prorata,
 * one monthly instalment per calendar month begun (a month begun is due in full).
 */
export const firstPeriodOf = (input: {
  effectiveDate: IsoDate;
  fiscalYearEnd: string;
  noticeMonths: number;
  durationMonths: number;
}): FirstPeriod => {
  const { periodEnd } = letterTerm(input);
  const fiscalYears: FiscalYear[] = [];
  let end = nextFiscalYearEnd(input.effectiveDate, input.fiscalYearEnd);
  let start = addDays(nextFiscalYearEnd(addMonths(end, -12), input.fiscalYearEnd), 1);
  while (end <= periodEnd) {
    fiscalYears.push({ start, end });
    start = addDays(end, 1);
    end = nextFiscalYearEnd(start, input.fiscalYearEnd);
  }
  const months = monthIndex(periodEnd) - monthIndex(input.effectiveDate) + 1;
  return { start: input.effectiveDate, end: periodEnd, months, fiscalYears, prorated: months % 12 !== 0 };
};

/**
 * The recurring fees of the first period: its monthly instalments, each round(annual / 12), the
 * last one taking what remains of round(annual × months / 12), so that twelve of them make the
 * annual fees (DOMAIN.md E, R-G3) and the period's sum is its prorata to the cent.
 */
export const firstPeriodInstalments = (annualCents: Cents, months: number): Cents[] => {
  if (months <= 0) return [];
  const total = periodFees(annualCents, months);
  const monthly = splitInstalments(annualCents, 12)[0] ?? 0;
  const schedule: Cents[] = Array.from({ length: months - 1 }, () => monthly);
  schedule.push(total - monthly * (months - 1));
  // A year of twelve instalments keeps DOMAIN.md's split exactly (1 000,00 → 11 × 83,33 + 83,37).
  return months === 12 ? splitInstalments(annualCents, 12) : schedule;
};

/** annual × months / 12, rounded half-up to the cent. */
export const periodFees = (annualCents: Cents, months: number): Cents => {
  // A schedule asks this for every line and month of a portfolio: while 2 × annual × months stays
  // an integer a double holds exactly, the same division is done without allocating BigInts.
  const product = annualCents * months;
  if (product >= 0 && product < 2 ** 50) {
    const numerator = 2 * product + 12;
    return (numerator - (numerator % 24)) / 24;
  }
  const numerator = BigInt(annualCents) * BigInt(months);
  return Number((2n * numerator + 12n) / 24n);
};
