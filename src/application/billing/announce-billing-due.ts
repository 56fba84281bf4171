import { type Month, monthOf } from '../../domain/billing/months.ts';
import { newTally, tallySchedule, tallyTotals } from '../../domain/billing/schedule-totals.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports/index.ts';
import { publicPage } from '../signing/signing-link-mails.ts';
import { scheduleInputsOf } from './billing-inputs.ts';

/** Entries a page of the month's link holds: the most the API gives at once. */
export const BILLING_DUE_PAGE_SIZE = 200;

/** The month's entries through the API, page by page (`page` goes on from 1). */
export const monthEntriesUrl = (publicUrl: string, month: Month): string =>
  publicPage(
    publicUrl,
    `/api/v1/billing/schedule?from=${month}&to=${month}&page=1&pageSize=${BILLING_DUE_PAGE_SIZE}`,
  );

/**
 * Issue 17, item 3: once a month, each firm's webhooks receive `billing.due` with what falls due
 * that month: its totals per VAT rate, its number of entries and the link to read them page by
 * page (the entries themselves would make an event of megabytes for a large firm). The month's
 * once-only counter decides that it is announced once, whatever the number of servers or runs:
 * only the transaction that takes it records the event (a rolled-back one leaves it free), and
 * the hourly runs after it write nothing.
 */
export const announceBillingDue = async (
  deps: Pick<Deps, 'store' | 'clock' | 'settings'>,
  input: { firmId: string; month?: Month },
): Promise<boolean> =>
  deps.store.transaction(input.firmId, async (scope) => {
    const at = deps.clock.now();
    const month = input.month ?? monthOf(parisDate(at));
    if (!(await scope.counters.claim(`billing-due-${month}`))) return false;
    const tally = newTally({ from: month, to: month });
    for (const input of scheduleInputsOf(await scope.billing.listRecords({ figuresOnly: true })))
      tallySchedule(tally, input);
    const [total] = tallyTotals(tally);
    await recordEvent(scope, {
      type: 'billing.due',
      actor: null,
      at,
      engagementId: null,
      data: {
        month,
        entries: tally.entries[0] ?? 0,
        htCents: total?.htCents ?? 0,
        vatCents: total?.vatCents ?? 0,
        ttcCents: total?.ttcCents ?? 0,
        vat: total?.vat ?? [],
        entriesUrl: monthEntriesUrl(deps.settings.publicUrl, month),
      },
    });
    return true;
  });

/** The recurring job: every firm, the current month; one firm's failure does not stop the others. */
export const announceBillingDueForAllFirms = async (
  deps: Pick<Deps, 'store' | 'clock' | 'settings'>,
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
