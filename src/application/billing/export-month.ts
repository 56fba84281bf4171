import type { Month } from '../../domain/billing/months.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { recordEvent } from '../events.ts';
import { scheduleOfRecords } from './billing-schedule.ts';
import type { BillingDeps } from './terminate-letter.ts';

/**
 * Issue 17, item 3: a month is marked as handed to billing with what it held then, so that a
 * later change to it is reported as an adjustment rather than silently rewritten. Marking it again
 * changes nothing.
 */
export const markMonthExported = async (
  deps: BillingDeps,
  actor: Actor,
  input: { month: Month },
): Promise<{ month: Month; exportedAt: Date; entries: number; alreadyExported: boolean }> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const known = (await scope.billing.listExports()).find((e) => e.month === input.month);
    if (known) {
      return {
        month: input.month,
        exportedAt: known.exportedAt,
        entries: known.entries.length,
        alreadyExported: true,
      };
    }
    const entries = scheduleOfRecords(await scope.billing.listRecords(), {
      from: input.month,
      to: input.month,
    }).map(({ month, type, documentId, number, htCents, ttcCents }) => ({
      month,
      type,
      documentId,
      number,
      htCents,
      ttcCents,
    }));
    await scope.billing.insertExport({
      month: input.month,
      entries,
      exportedBy: actor.userId,
      exportedAt: at,
    });
    await recordEvent(scope, {
      type: 'billing.month_exported',
      actor,
      at,
      engagementId: null,
      data: {
        month: input.month,
        entries: entries.length,
        htCents: entries.reduce((sum, e) => sum + e.htCents, 0),
        ttcCents: entries.reduce((sum, e) => sum + e.ttcCents, 0),
      },
    });
    return { month: input.month, exportedAt: at, entries: entries.length, alreadyExported: false };
  });
};
