import {
  type Adjustment,
  type ExportedEntry,
  scheduleAdjustments,
} from '../../domain/billing/adjustments.ts';
import {
  billingSchedule,
  type MonthTotal,
  monthTotals,
  type ScheduleInput,
} from '../../domain/billing/engagement-schedule.ts';
import { addToMonth, type Month, monthOf, monthsBetween } from '../../domain/billing/months.ts';
import type { ScheduleEntry } from '../../domain/billing/schedule-entry.ts';
import {
  type EntryFigures,
  newTally,
  tallySchedule,
  tallyTotals,
} from '../../domain/billing/schedule-totals.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import { found } from '../app-error.ts';
import type { BillingRecord, FirmScope } from '../ports/index.ts';
import { scheduleInputsOf } from './billing-inputs.ts';
import type { BillingDeps } from './terminate-letter.ts';

/** An entry of the firm's schedule: which client it is billed to. */
export type ClientScheduleEntry = ScheduleEntry & {
  engagementId: string;
  clientName: string;
  clientCode: string | null;
};

export type Schedule = {
  from: Month;
  to: Month;
  entries: ClientScheduleEntry[];
  months: MonthTotal[];
  /** Months of the range already handed to billing. */
  exportedMonths: Month[];
  /** What changed in those months since they were exported (issue 17, item 3). */
  adjustments: Adjustment[];
};

const withClient =
  (record: BillingRecord) =>
  (entry: ScheduleEntry): ClientScheduleEntry => ({
    ...entry,
    engagementId: record.engagementId,
    clientName: record.clientName,
    clientCode: record.clientCode,
  });

/** R-G2: the schedule of the given client records, one month to another. */
export const scheduleOfRecords = (records: readonly BillingRecord[], range: { from: Month; to: Month }) => {
  const inputs = scheduleInputsOf(records);
  return records.flatMap((record, r) =>
    billingSchedule(inputs[r] as ScheduleInput, range).map(withClient(record)),
  );
};

/** The exports of the months of a range: what was handed to billing (R-G3). */
const exportsInRange = async (scope: FirmScope, range: { from: Month; to: Month }) =>
  (await scope.billing.listExports()).filter((e) => e.month >= range.from && e.month <= range.to);

const withAdjustments = async (
  scope: FirmScope,
  range: { from: Month; to: Month },
  entries: ClientScheduleEntry[],
  belongs: (entry: ExportedEntry) => boolean,
): Promise<Schedule> => {
  const exports = await exportsInRange(scope, range);
  const exportedMonths = new Set(exports.map((e) => e.month));
  const exported = exports.flatMap((e) => e.entries).filter(belongs);
  // The records come ordered by client name: a stable sort by month keeps that order within a month.
  const ordered = [...entries].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return {
    ...range,
    entries: ordered,
    months: monthTotals(ordered),
    exportedMonths: [...exportedMonths],
    adjustments: scheduleAdjustments(exported, ordered, exportedMonths),
  };
};

type MonthRange = { from?: Month | undefined; to?: Month | undefined };

/** The months asked for, or the twelve from the current one. */
export const monthsAsked = (deps: BillingDeps, range: MonthRange): { from: Month; to: Month } => {
  const from = range.from ?? monthOf(parisDate(deps.clock.now()));
  return { from, to: range.to ?? addToMonth(from, 11) };
};

/** R-G2: an engagement's billing schedule (« échéancier »), with its adjustments. */
export const getEngagementSchedule = async (
  deps: BillingDeps,
  actor: Actor,
  input: { engagementId: string } & MonthRange,
): Promise<Schedule> => {
  const range = monthsAsked(deps, input);
  const scope = deps.store.read(actor.firmId);
  found(await scope.engagements.find(input.engagementId), 'engagement');
  const records = await scope.billing.listRecords({ engagementIds: [input.engagementId] });
  const ids = new Set(records.flatMap((r) => r.documents.map((d) => d.id)));
  return withAdjustments(scope, range, scheduleOfRecords(records, range), (e) => ids.has(e.documentId));
};

/** One page of the firm's entries (the months' totals cover them all). */
export type EntryPage = { items: ClientScheduleEntry[]; total: number; page: number; pageSize: number };

/** The firm's schedule: every month's totals, and one page of its entries (issue 17). */
export type FirmSchedule = Omit<Schedule, 'entries'> & { entries: EntryPage };

/** A run of one record's entries in one month, on the page asked for. */
type PageSlice = { month: number; record: number; skip: number; take: number };

/**
 * Where one page of the entries falls, in the order of the full list (by month, then by client):
 * whole months and clients are skipped by their counts.
 */
const pageSlices = (
  counts: { perMonth: readonly number[]; perRecord: readonly number[][] },
  { page, pageSize }: { page: number; pageSize: number },
): PageSlice[] => {
  const slices: PageSlice[] = [];
  let skip = (page - 1) * pageSize;
  let left = pageSize;
  for (let m = 0; m < counts.perMonth.length && left > 0; m += 1) {
    if (skip >= (counts.perMonth[m] ?? 0)) {
      skip -= counts.perMonth[m] ?? 0;
      continue;
    }
    for (let r = 0; r < counts.perRecord.length && left > 0; r += 1) {
      const count = counts.perRecord[r]?.[m] ?? 0;
      if (count === 0) continue;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const take = Math.min(count - skip, left);
      slices.push({ month: m, record: r, skip, take });
      left -= take;
      skip = 0;
    }
  }
  return slices;
};

/**
 * One page of the entries: the totals were summed from the records' figures only, so the page's
 * clients are read again whole (their lines' words) and only the entries shown are built.
 */
const pageOfEntries = async (
  scope: FirmScope,
  records: readonly BillingRecord[],
  slices: readonly PageSlice[],
  from: Month,
): Promise<ClientScheduleEntry[]> => {
  if (slices.length === 0) return [];
  const ids = [...new Set(slices.map((slice) => (records[slice.record] as BillingRecord).engagementId))];
  const whole = await scope.billing.listRecords({ engagementIds: ids });
  const inputs = scheduleInputsOf(whole);
  const byId = new Map(
    whole.map((record, i) => [record.engagementId, { record, input: inputs[i] as ScheduleInput }]),
  );
  return slices.flatMap(({ month, record, skip, take }) => {
    const found = byId.get((records[record] as BillingRecord).engagementId);
    // A client that left the firm's clients between the two reads has nothing left to show.
    if (!found) return [];
    const at = addToMonth(from, month);
    return billingSchedule(found.input, { from: at, to: at })
      .slice(skip, skip + take)
      .map(withClient(found.record));
  });
};

/**
 * R-G2: the firm's schedule, every client, month by month: each month's totals (HT per VAT rate,
 * TVA, TTC) summed without building the entries (`tallySchedule`), and one page of the entries in
 * the order of the full list (by month, then by client name, then by document), built for the
 * clients of that page only. The adjustments of exported months come from the same pass, with the
 * first page only (the page that shows them).
 */
export const getFirmSchedule = async (
  deps: BillingDeps,
  actor: Actor,
  input: MonthRange & { page?: number | undefined; pageSize?: number | undefined },
): Promise<FirmSchedule> => {
  const range = monthsAsked(deps, input);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 50;
  const scope = deps.store.read(actor.firmId);
  const records = await scope.billing.listRecords({ figuresOnly: true });
  const exports = await exportsInRange(scope, range);
  const exportedMonths = new Set(exports.map((e) => e.month));
  // The adjustments come with the first page only, as the months' totals are read from it.
  const showsAdjustments = page === 1 && exportedMonths.size > 0;
  const current: EntryFigures[] = [];
  const visit = showsAdjustments
    ? (figures: EntryFigures) => {
        if (exportedMonths.has(figures.month)) current.push(figures);
      }
    : undefined;
  const tally = newTally(range);
  const inputs = scheduleInputsOf(records);
  const perRecord = inputs.map((scheduleInput) => {
    const perMonth: number[] = Array(tally.entries.length).fill(0);
    tallySchedule(tally, scheduleInput, { counts: perMonth, ...(visit ? { visit } : {}) });
    return perMonth;
  });
  const slices = pageSlices({ perMonth: tally.entries, perRecord }, { page, pageSize });
  const items = await pageOfEntries(scope, records, slices, range.from);
  return {
    ...range,
    entries: { items, total: tally.entries.reduce((sum, n) => sum + n, 0), page, pageSize },
    months: tallyTotals(tally),
    exportedMonths: [...exportedMonths],
    adjustments: showsAdjustments
      ? scheduleAdjustments(
          exports.flatMap((e) => e.entries),
          current,
          exportedMonths,
        )
      : [],
  };
};

/**
 * R-G2: every entry of the firm's schedule, month by month, for the exports (CSV, JSON): the
 * records are read once, each month's entries built when the previous month's are written.
 */
export const firmScheduleEntries = async (
  deps: BillingDeps,
  actor: Actor,
  input: MonthRange,
): Promise<{ from: Month; to: Month; months: () => Generator<ClientScheduleEntry[]> }> => {
  const range = monthsAsked(deps, input);
  const records = await deps.store.read(actor.firmId).billing.listRecords();
  const inputs = scheduleInputsOf(records);
  return {
    ...range,
    *months() {
      for (const month of monthsBetween(range.from, range.to)) {
        yield records.flatMap((record, r) =>
          billingSchedule(inputs[r] as ScheduleInput, { from: month, to: month }).map(withClient(record)),
        );
      }
    },
  };
};
