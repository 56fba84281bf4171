import {
  type Adjustment,
  type ExportedEntry,
  scheduleAdjustments,
} from '../../domain/billing/adjustments.ts';
import { billingSchedule, type MonthTotal, monthTotals } from '../../domain/billing/engagement-schedule.ts';
import { addToMonth, type Month, monthOf } from '../../domain/billing/months.ts';
import type { ScheduleEntry } from '../../domain/billing/schedule-entry.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import { found } from '../app-error.ts';
import type { BillingRecord, FirmScope } from '../ports/index.ts';
import { scheduleInputOf } from './billing-inputs.ts';
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

/** R-G2: the schedule of the given client records, one month to another. */
export const scheduleOfRecords = (records: readonly BillingRecord[], range: { from: Month; to: Month }) =>
  records.flatMap((record) =>
    billingSchedule(scheduleInputOf(record), range).map(
      (entry): ClientScheduleEntry => ({
        ...entry,
        engagementId: record.engagementId,
        clientName: record.clientName,
        clientCode: record.clientCode,
      }),
    ),
  );

const withAdjustments = async (
  scope: FirmScope,
  range: { from: Month; to: Month },
  entries: ClientScheduleEntry[],
  belongs: (entry: ExportedEntry) => boolean,
): Promise<Schedule> => {
  const exports = (await scope.billing.listExports()).filter(
    (e) => e.month >= range.from && e.month <= range.to,
  );
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

/** R-G2: the firm's schedule, every client, month by month. */
export const getFirmSchedule = async (
  deps: BillingDeps,
  actor: Actor,
  input: MonthRange,
): Promise<Schedule> => {
  const range = monthsAsked(deps, input);
  const scope = deps.store.read(actor.firmId);
  const records = await scope.billing.listRecords();
  return withAdjustments(scope, range, scheduleOfRecords(records, range), () => true);
};
