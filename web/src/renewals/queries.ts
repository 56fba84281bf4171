import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import type { NoticeDeadlineItem, OutdatedTerms } from '../api/types.ts';

/** R-D6: the clients whose letter in force carries terms older than `below` (default: the current version). */
export const useOutdatedTerms = (below?: number) =>
  useQuery({
    queryKey: ['renewals', 'outdated-terms', below ?? null],
    queryFn: () => api<OutdatedTerms>(`/renewals/outdated-terms${query({ below })}`),
    placeholderData: keepPreviousData,
  });

/** The letters in force whose notice deadline falls within the next `days` days, soonest first. */
export const useNoticeDeadlines = (days: number, enabled = true) =>
  useQuery({
    enabled,
    queryKey: ['renewals', 'notice-deadlines', days],
    queryFn: () => api<{ items: NoticeDeadlineItem[] }>(`/renewals/notice-deadlines${query({ days })}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
