import type { Cents } from '../shared/money.ts';
import type { Month } from './months.ts';
import { entryKey, type ScheduleEntry } from './schedule-entry.ts';

/** What was handed to billing for an entry when its month was exported. */
export type ExportedEntry = Pick<
  ScheduleEntry,
  'month' | 'type' | 'documentId' | 'number' | 'htCents' | 'ttcCents'
>;

export type Adjustment = {
  readonly month: Month;
  readonly type: ScheduleEntry['type'];
  readonly documentId: string;
  readonly number: string | null;
  readonly exportedHtCents: Cents;
  readonly currentHtCents: Cents;
  readonly deltaHtCents: Cents;
  readonly deltaTtcCents: Cents;
};

/**
 * Issue 17, item 3: a month exported to billing is not silently rewritten. When a later change
 * (a retroactive termination, an amendment signed late, a line marked done afterwards) changes an
 * exported month, the difference with what was exported is reported as an adjustment, entry by
 * entry (an entry gone counts as zero, a new one against zero).
 */
export const scheduleAdjustments = (
  exported: readonly ExportedEntry[],
  current: readonly ExportedEntry[],
  exportedMonths: ReadonlySet<Month>,
): Adjustment[] => {
  const before = new Map(exported.map((entry) => [entryKey(entry), entry]));
  const now = new Map(
    current.filter((entry) => exportedMonths.has(entry.month)).map((entry) => [entryKey(entry), entry]),
  );
  const adjustments: Adjustment[] = [];
  for (const key of new Set([...before.keys(), ...now.keys()])) {
    const was = before.get(key);
    const is = now.get(key);
    const head = (is ?? was) as ExportedEntry;
    const deltaHtCents = (is?.htCents ?? 0) - (was?.htCents ?? 0);
    const deltaTtcCents = (is?.ttcCents ?? 0) - (was?.ttcCents ?? 0);
    if (deltaHtCents === 0 && deltaTtcCents === 0) continue;
    adjustments.push({
      month: head.month,
      type: head.type,
      documentId: head.documentId,
      number: head.number,
      exportedHtCents: was?.htCents ?? 0,
      currentHtCents: is?.htCents ?? 0,
      deltaHtCents,
      deltaTtcCents,
    });
  }
  return adjustments.sort(
    (a, b) => a.month.localeCompare(b.month) || a.documentId.localeCompare(b.documentId),
  );
};
