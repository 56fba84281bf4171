import { useQuery } from '@tanstack/react-query';
import { annualValue } from '../../../src/domain/documents/fees.ts';
import { api, query } from '../api/client.ts';
import type { EngagementListItem, Page, Scope, Service } from '../api/types.ts';
import { todayInParis } from '../format.ts';

export type RecurringFees = {
  totalCents: number;
  byDomain: { domain: string; cents: number }[];
  clients: number;
  counted: number;
};

const MAX_CLIENTS = 200;

/**
 * The annual recurring fees in force today, in total and by catalogue domain, summed from each
 * client's scope in force (R-C3). The API has no firm-wide figure yet, so this asks one scope per
 * client, eight at a time, for the first 200 clients: fine for a firm's demo, a server endpoint later.
 */
export const useRecurringFees = () =>
  useQuery({
    queryKey: ['dashboard', 'recurring-fees'],
    staleTime: 60_000,
    queryFn: async (): Promise<RecurringFees> => {
      const [clients, services] = await Promise.all([
        api<Page<EngagementListItem>>(`/engagements${query({ state: 'client', pageSize: MAX_CLIENTS })}`),
        api<Service[]>('/services?includeArchived=true'),
      ]);
      const domainOf = new Map(services.map((service) => [service.id, service.domain]));
      const date = todayInParis();
      const scopes: Scope[] = [];
      const queue = [...clients.items];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift())
          scopes.push(await api<Scope>(`/engagements/${next.id}/scope${query({ date })}`));
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const byDomain = new Map<string, number>();
      let totalCents = 0;
      for (const scope of scopes) {
        totalCents += scope.annualRecurringCents;
        for (const letter of scope.letters)
          for (const line of letter.lines) {
            const domain = (line.serviceId && domainOf.get(line.serviceId)) || 'autre';
            byDomain.set(domain, (byDomain.get(domain) ?? 0) + annualValue(line));
          }
      }
      return {
        totalCents,
        byDomain: [...byDomain.entries()]
          .map(([domain, cents]) => ({ domain, cents }))
          .sort((a, b) => b.cents - a.cents),
        clients: clients.total,
        counted: scopes.length,
      };
    },
  });
