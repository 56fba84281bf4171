import { annualValue } from '../../domain/documents/fees.ts';
import { isDueWithin, upcomingNoticeDeadline } from '../../domain/renewal/notice-deadlines.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { Actor } from '../actor.ts';
import type { CampaignDeps } from '../ports/index.ts';
import type { ServiceDomain } from '../records.ts';
import { loadPortfolio } from './portfolio.ts';

type ClientRef = { engagementId: string; companyName: string; clientCode: string | null };

/**
 * R-D6: the clients whose letter in force carries terms older than a version (by default the
 * version in force today): the ones to re-paper.
 */
export const listOutdatedTerms = async (deps: CampaignDeps, actor: Actor, input: { below?: number }) => {
  const scope = deps.store.read(actor.firmId);
  const today = parisDate(deps.clock.now());
  const [{ clients }, current] = await Promise.all([
    loadPortfolio(scope, { date: today }),
    scope.terms.currentOn(today),
  ]);
  const below = input.below ?? current?.version ?? 0;
  const items = clients.flatMap((client) =>
    client.letters
      .filter((letter) => (letter.termsVersion ?? 0) < below)
      .map(
        (
          letter,
        ): ClientRef & { letterId: string; letterNumber: string | null; termsVersion: number | null } => ({
          engagementId: client.engagementId,
          companyName: client.companyName,
          clientCode: client.clientCode,
          letterId: letter.letterId,
          letterNumber: letter.number,
          termsVersion: letter.termsVersion,
        }),
      ),
  );
  return { currentVersion: current?.version ?? null, below, items };
};

/**
 * The letters in force whose notice deadline (fiscal year end minus the notice period) falls in
 * the next `days` days, soonest first: the last days to renegotiate, or to let the client go.
 */
export const listNoticeDeadlines = async (deps: CampaignDeps, actor: Actor, input: { days: number }) => {
  const scope = deps.store.read(actor.firmId);
  const today = parisDate(deps.clock.now());
  const { clients, records } = await loadPortfolio(scope, { date: today });
  const items = clients.flatMap((client) => {
    const documents = records.get(client.engagementId)?.documents ?? [];
    return client.scope.letters.flatMap((letterScope) => {
      const letter = documents.find((doc) => doc.id === letterScope.letterId);
      if (!letter) return [];
      const term = upcomingNoticeDeadline(
        {
          effectiveDate: letterScope.effectiveDate,
          durationMonths: letter.durationMonths,
          noticeMonths: letter.noticeMonths,
          renewal: letter.renewal,
          fiscalYearEnd: client.fiscalYearEnd,
        },
        today,
      );
      if (!term || !isDueWithin(term.noticeDeadline, today, input.days)) return [];
      return [
        {
          engagementId: client.engagementId,
          companyName: client.companyName,
          clientCode: client.clientCode,
          letterId: letter.id,
          letterNumber: letter.number,
          periodEnd: term.periodEnd,
          noticeDeadline: term.noticeDeadline,
          annualFeesCents: letterScope.annualRecurringCents,
          // R-G1: a letter already terminated shows its end date; the list links to its termination.
          endDate: letter.endDate ?? null,
        },
      ];
    });
  });
  return { items: items.sort((a, b) => a.noticeDeadline.localeCompare(b.noticeDeadline)) };
};

/** R-C3 over the portfolio: the annual recurring fees in force today, in total and by domain. */
export const summarizeRecurringFees = async (deps: CampaignDeps, actor: Actor) => {
  const scope = deps.store.read(actor.firmId);
  const today = parisDate(deps.clock.now());
  const [{ clients }, services] = await Promise.all([
    loadPortfolio(scope, { date: today }),
    scope.services.list({ includeArchived: true }),
  ]);
  const domainOf = new Map(services.map((service) => [service.id, service.domain]));
  const byDomain = new Map<ServiceDomain, number>();
  let totalCents = 0;
  let withFees = 0;
  for (const client of clients) {
    if (client.scope.annualRecurringCents > 0) withFees += 1;
    for (const line of client.scope.lines) {
      const domain = (line.serviceId ? domainOf.get(line.serviceId) : undefined) ?? 'autre';
      const value = annualValue(line);
      byDomain.set(domain, (byDomain.get(domain) ?? 0) + value);
      totalCents += value;
    }
  }
  return {
    totalCents,
    byDomain: [...byDomain].map(([domain, cents]) => ({ domain, cents })).sort((a, b) => b.cents - a.cents),
    clients: withFees,
  };
};
