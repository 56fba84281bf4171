import { type Cents, compareDecimal, type Decimal, percentChange, sumCents } from '../shared/money.ts';
import { annualValue, type PricedLine } from './fees.ts';

/**
 * What a client sees before signing an amendment or a replacement letter: each recurring line
 * before → after, with the change of its annual fees in percent, and the same for the total.
 */

/** A recurring line to compare; `key` pairs a line with its counterpart on the other side. */
export type ComparedLine = PricedLine & {
  readonly key: string;
  readonly label: string;
  readonly unitLabel: string | null;
};

export type LineState = {
  readonly label: string;
  readonly quantity: Decimal;
  readonly unitLabel: string | null;
  readonly unitPriceCents: Cents;
  readonly vatRateBp: number;
  readonly recurrence: PricedLine['recurrence'];
  readonly annualCents: Cents;
};

export type ChangeKind = 'added' | 'modified' | 'removed' | 'unchanged';

export type ChangeRow = {
  readonly change: ChangeKind;
  readonly before: LineState | null;
  readonly after: LineState | null;
  /** Change of the line's annual fees in percent ("3.00"), null for an added or removed line. */
  readonly percent: Decimal | null;
};

export type ChangeSummary = {
  readonly rows: readonly ChangeRow[];
  readonly annualBeforeCents: Cents;
  readonly annualAfterCents: Cents;
  readonly percent: Decimal | null;
};

export type AmendmentSummary = ChangeSummary & { readonly effectiveDate: string };
export type ReplacementSummary = ChangeSummary;

const stateOf = (line: ComparedLine): LineState => ({
  label: line.label,
  quantity: line.quantity,
  unitLabel: line.unitLabel,
  unitPriceCents: line.unitPriceCents,
  vatRateBp: line.vatRateBp,
  recurrence: line.recurrence,
  annualCents: annualValue(line),
});

const isSame = (a: LineState, b: LineState): boolean =>
  a.label === b.label &&
  a.unitLabel === b.unitLabel &&
  a.vatRateBp === b.vatRateBp &&
  compareDecimal(a.quantity, b.quantity) === 0 &&
  a.unitPriceCents === b.unitPriceCents &&
  a.recurrence === b.recurrence;

const rowOf = (before: LineState | null, after: LineState | null): ChangeRow => {
  if (!before) return { change: 'added', before, after, percent: null };
  if (!after) return { change: 'removed', before, after, percent: null };
  const change = isSame(before, after) ? 'unchanged' : 'modified';
  return { change, before, after, percent: percentChange(before.annualCents, after.annualCents) ?? null };
};

/**
 * Pairs the lines by key: the lines before in their order (modified, unchanged or removed), then the
 * lines added. Only recurring lines count: one-off lines never belong to the scope in force (R-C1).
 */
export const summariseChanges = (
  before: readonly ComparedLine[],
  after: readonly ComparedLine[],
): ChangeSummary => {
  const recurringBefore = before.filter((line) => line.recurrence !== 'one_off');
  const recurringAfter = after.filter((line) => line.recurrence !== 'one_off');
  const afterByKey = new Map(recurringAfter.map((line) => [line.key, line]));
  const beforeKeys = new Set(recurringBefore.map((line) => line.key));
  const rows = [
    ...recurringBefore.map((line) => {
      const counterpart = afterByKey.get(line.key);
      return rowOf(stateOf(line), counterpart ? stateOf(counterpart) : null);
    }),
    ...recurringAfter.filter((line) => !beforeKeys.has(line.key)).map((line) => rowOf(null, stateOf(line))),
  ];
  const annualBeforeCents = sumCents(recurringBefore.map(annualValue));
  const annualAfterCents = sumCents(recurringAfter.map(annualValue));
  return {
    rows,
    annualBeforeCents,
    annualAfterCents,
    percent: percentChange(annualBeforeCents, annualAfterCents) ?? null,
  };
};
