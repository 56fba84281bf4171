/** The shapes of the billing API (issue 17), inferred from the server's zod schemas (type-only). */
import type { z } from 'zod';
import type {
  bridgeOut,
  firmScheduleOut,
  lineDoneOut,
  monthExportOut,
  revenueOut,
  scheduleOut,
  terminateBody,
  terminationOut,
} from '../../../src/http/billing.schemas.ts';

export type Schedule = z.infer<typeof scheduleOut>;
export type ScheduleEntry = Schedule['entries'][number];
/** The firm's schedule: every month's totals, one page of its entries. */
export type FirmSchedule = z.infer<typeof firmScheduleOut>;
export type MonthTotal = Schedule['months'][number];
export type LineDone = z.infer<typeof lineDoneOut>;
export type MonthExport = z.infer<typeof monthExportOut>;
export type Revenue = z.infer<typeof revenueOut>;
export type Bridge = z.infer<typeof bridgeOut>;
export type BridgeMovement = keyof Bridge['movements'];
export type Termination = z.infer<typeof terminationOut>;
export type TerminateBody = z.input<typeof terminateBody>;
