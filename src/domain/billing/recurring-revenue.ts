import { annualValue } from '../documents/fees.ts';
import { type LetterInForce, type SignedAmendment, scopeInForce } from '../documents/scope.ts';
import type { IsoDate } from '../shared/dates.ts';
import type { Cents } from '../shared/money.ts';

export type RevenueEngagement = {
  readonly engagementId: string;
  readonly clientName: string;
  readonly responsibleUserId: string;
  readonly letters: readonly LetterInForce[];
  readonly amendments: readonly SignedAmendment[];
};

/** A line without a catalogue service, or one whose service has no domain. */
export const UNKNOWN_DOMAIN = 'autre';

export type RevenueShare = { readonly key: string; readonly annualCents: Cents };

export type RecurringRevenue = {
  readonly date: IsoDate;
  readonly totalCents: Cents;
  readonly byDomain: readonly RevenueShare[];
  readonly byResponsible: readonly RevenueShare[];
  readonly byClient: readonly (RevenueShare & { readonly clientName: string })[];
};

const add = (totals: Map<string, Cents>, key: string, cents: Cents) =>
  totals.set(key, (totals.get(key) ?? 0) + cents);

const shares = (totals: Map<string, Cents>): RevenueShare[] =>
  [...totals.entries()]
    .filter(([, annualCents]) => annualCents !== 0)
    .map(([key, annualCents]) => ({ key, annualCents }))
    .sort((a, b) => b.annualCents - a.annualCents || a.key.localeCompare(b.key));

/**
 * R-G4: the annual recurring fees (HT) in force on a date, as the scope in force gives them
 * (R-C3): in total, by the domain of each line's service, by responsible user and by client.
 */
export const recurringRevenueOn = (
  engagements: readonly RevenueEngagement[],
  domainOf: ReadonlyMap<string, string>,
  date: IsoDate,
): RecurringRevenue => {
  const byDomain = new Map<string, Cents>();
  const byResponsible = new Map<string, Cents>();
  const byClient = new Map<string, Cents>();
  const names = new Map<string, string>();
  let totalCents = 0;
  for (const engagement of engagements) {
    const scope = scopeInForce(engagement, date);
    if (scope.annualRecurringCents === 0) continue;
    totalCents += scope.annualRecurringCents;
    for (const line of scope.lines) {
      const domain = (line.serviceId && domainOf.get(line.serviceId)) || UNKNOWN_DOMAIN;
      add(byDomain, domain, annualValue(line));
    }
    add(byResponsible, engagement.responsibleUserId, scope.annualRecurringCents);
    add(byClient, engagement.engagementId, scope.annualRecurringCents);
    names.set(engagement.engagementId, engagement.clientName);
  }
  return {
    date,
    totalCents,
    byDomain: shares(byDomain),
    byResponsible: shares(byResponsible),
    byClient: shares(byClient).map((share) => ({ ...share, clientName: names.get(share.key) ?? '' })),
  };
};
