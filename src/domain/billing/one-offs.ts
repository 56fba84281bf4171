import { lineAmount } from '../documents/fees.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import type { IsoDate } from '../shared/dates.ts';
import type { Decimal } from '../shared/money.ts';
import { type Month, monthOf } from './months.ts';
import { type ScheduleEntry, scheduleEntry } from './schedule-entry.ts';

/** R-G2: when a one-off line is billed: once the firm marks it done, or at the signature. */
export const ONE_OFF_TRIGGERS = ['done', 'signature'] as const;
export type OneOffTrigger = (typeof ONE_OFF_TRIGGERS)[number];

/**
 * The default of a line's trigger: a work order's lines are interventions, billed when done; the
 * one-off lines of a letter (file take-over fees, for instance) are due when the letter is signed.
 */
export const defaultOneOffTrigger = (kind: DocumentKind): OneOffTrigger =>
  kind === 'work_order' ? 'done' : 'signature';

export type OneOffLine = {
  readonly documentId: string;
  readonly number: string | null;
  readonly lineId: string;
  readonly label: string;
  readonly quantity: Decimal;
  readonly unitPriceCents: number;
  readonly vatRateBp: number;
  readonly trigger: OneOffTrigger;
  readonly signedOn: IsoDate;
  /** The day the firm marked it done, if it did. */
  readonly doneOn: IsoDate | null;
};

/** R-G2: the day a one-off line is billed, or null while it waits to be done. */
export const oneOffBillingDate = (
  line: Pick<OneOffLine, 'trigger' | 'signedOn' | 'doneOn'>,
): IsoDate | null => (line.trigger === 'signature' ? line.signedOn : line.doneOn);

/**
 * R-G2: the one-off lines billed in a range of months, one entry per document and month. A line
 * has one billing date, so it is billed once, whatever the months asked for.
 */
export const oneOffSchedule = (
  lines: readonly OneOffLine[],
  range: { from: Month; to: Month },
): ScheduleEntry[] => {
  const groups = new Map<string, { month: Month; line: OneOffLine; lines: OneOffLine[] }>();
  for (const line of lines) {
    const date = oneOffBillingDate(line);
    if (date === null) continue;
    const month = monthOf(date);
    if (month < range.from || month > range.to) continue;
    const key = `${month}|${line.documentId}`;
    const group = groups.get(key) ?? { month, line, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ month, line, lines: billed }) =>
    scheduleEntry(
      {
        month,
        type: 'one_off',
        documentId: line.documentId,
        number: line.number,
        sourceDocumentId: line.documentId,
        sourceNumber: line.number,
      },
      billed.map((l) => ({
        lineId: l.lineId,
        label: l.label,
        amountCents: lineAmount(l),
        vatRateBp: l.vatRateBp,
      })),
    ),
  );
};
