import { type VatAmount, vatByRate } from '../documents/fees.ts';
import { applyBasisPoints, type Cents } from '../shared/money.ts';
import type { Month } from './months.ts';

/** A line of an instalment: what the client pays that month for one line of its documents. */
export type BilledLine = {
  readonly lineId: string;
  readonly label: string;
  readonly amountCents: Cents;
  readonly vatRateBp: number;
};

/**
 * R-G2: what is due in a month for one letter (its recurring instalment) or one signed document
 * (its one-off lines done that month): the document the figures come from (the letter, or its
 * latest amendment applied), HT per VAT rate, TVA and TTC.
 */
export type ScheduleEntry = {
  readonly month: Month;
  readonly type: 'recurring' | 'one_off';
  /** The letter (recurring) or the document holding the one-off lines: one entry per month each. */
  readonly documentId: string;
  readonly number: string | null;
  readonly sourceDocumentId: string;
  readonly sourceNumber: string | null;
  readonly lines: readonly BilledLine[];
  readonly vat: readonly VatAmount[];
  readonly htCents: Cents;
  readonly vatCents: Cents;
  readonly ttcCents: Cents;
};

/** The entry's totals: VAT per rate on the HT of that rate, as on an invoice (DOMAIN.md E). */
export const scheduleEntry = (
  head: Omit<ScheduleEntry, 'lines' | 'vat' | 'htCents' | 'vatCents' | 'ttcCents'>,
  lines: readonly BilledLine[],
): ScheduleEntry => {
  const htCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const rateBp = lines[0]?.vatRateBp ?? 0;
  // Most instalments carry one rate: the same VAT without grouping (a schedule makes thousands).
  const vat = lines.every((line) => line.vatRateBp === rateBp)
    ? [{ rateBp, baseCents: htCents, vatCents: applyBasisPoints(htCents, rateBp) }]
    : vatByRate(lines.map((line) => ({ rateBp: line.vatRateBp, amountCents: line.amountCents })));
  const vatCents = vat.reduce((sum, rate) => sum + rate.vatCents, 0);
  return { ...head, lines, vat, htCents, vatCents, ttcCents: htCents + vatCents };
};

/** The same entry kept from one computation to the next: what makes a month's adjustment. */
export const entryKey = (entry: Pick<ScheduleEntry, 'month' | 'type' | 'documentId'>): string =>
  `${entry.month}|${entry.type}|${entry.documentId}`;
