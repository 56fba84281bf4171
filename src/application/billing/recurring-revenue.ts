import { type RecurringRevenue, recurringRevenueOn } from '../../domain/billing/recurring-revenue.ts';
import { type RevenueBridge, revenueBridge } from '../../domain/billing/revenue-bridge.ts';
import { addMonths, type IsoDate, parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import { revenueEngagementOf } from './billing-inputs.ts';
import type { BillingDeps } from './terminate-letter.ts';

/** R-G4: the annual recurring fees in force on a date, by domain, responsible user and client. */
export const getRecurringRevenue = async (
  deps: BillingDeps,
  actor: Actor,
  input: { date?: IsoDate | undefined },
): Promise<RecurringRevenue> => {
  const date = input.date ?? parisDate(deps.clock.now());
  const scope = deps.store.read(actor.firmId);
  const records = await scope.billing.listRecords();
  const services = await scope.services.list({ includeArchived: true });
  const domains = new Map(services.map((s) => [s.id, s.domain]));
  return recurringRevenueOn(records.map(revenueEngagementOf), domains, date);
};

/** R-G4: the bridge of the annual recurring fees between two dates. */
export const getRevenueBridge = async (
  deps: BillingDeps,
  actor: Actor,
  input: { from?: IsoDate | undefined; to?: IsoDate | undefined },
): Promise<RevenueBridge> => {
  const to = input.to ?? parisDate(deps.clock.now());
  const from = input.from ?? addMonths(to, -12);
  const records = await deps.store.read(actor.firmId).billing.listRecords();
  return revenueBridge(records.map(revenueEngagementOf), from, to);
};
