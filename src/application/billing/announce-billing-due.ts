import { monthTotals } from '../../domain/billing/engagement-schedule.ts';
import { type Month, monthOf } from '../../domain/billing/months.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports/index.ts';
import { scheduleOfRecords } from './billing-schedule.ts';

/**
 * Issue 17, item 3: once a month, each firm's webhooks receive `billing.due` with what falls due
 * that month (its totals per VAT rate and its entries). The firm's gapless counter of that month
 * decides that it is announced once, whatever the number of servers or runs: only the transaction
 * that draws 1 records the event, and a rolled-back one gives the number back.
 */
export const announceBillingDue = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { firmId: string; month?: Month },
): Promise<boolean> =>
  deps.store.transaction(input.firmId, async (scope) => {
    const at = deps.clock.now();
    const month = input.month ?? monthOf(parisDate(at));
    if ((await scope.counters.next(`billing-due-${month}`)) !== 1) return false;
    const entries = scheduleOfRecords(await scope.billing.listRecords(), { from: month, to: month });
    const [total] = monthTotals(entries);
    await recordEvent(scope, {
      type: 'billing.due',
      actor: null,
      at,
      engagementId: null,
      data: {
        month,
        entries: entries.length,
        htCents: total?.htCents ?? 0,
        vatCents: total?.vatCents ?? 0,
        ttcCents: total?.ttcCents ?? 0,
        vat: total?.vat ?? [],
        items: entries.map((e) => ({
          engagementId: e.engagementId,
          clientCode: e.clientCode,
          clientName: e.clientName,
          type: e.type,
          documentId: e.documentId,
          number: e.number,
          sourceNumber: e.sourceNumber,
          htCents: e.htCents,
          vatCents: e.vatCents,
          ttcCents: e.ttcCents,
        })),
      },
    });
    return true;
  });

/** The recurring job: every firm, the current month; one firm's failure does not stop the others. */
export const announceBillingDueForAllFirms = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  options: { onFirmError?: (firmId: string, error: unknown) => void } = {},
): Promise<number> => {
  let announced = 0;
  for (const firm of await deps.store.listFirms()) {
    try {
      if (await announceBillingDue(deps, { firmId: firm.id })) announced += 1;
    } catch (error) {
      options.onFirmError?.(firm.id, error);
    }
  }
  return announced;
};
