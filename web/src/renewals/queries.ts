import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import type { NoticeDeadlines, OutdatedTerms } from '../api/types.ts';

/** The renewal lists run over the whole portfolio: they are read a page at a time. */
export const RENEWALS_PAGE_SIZE = 50;

/** R-D6: the clients whose letter in force carries terms older than `below` (default: the current version). */
export const useOutdatedTerms = (below: number | undefined, page = 1) =>
  useQuery({
    queryKey: ['renewals', 'outdated-terms', below ?? null, page],
    queryFn: () =>
      api<OutdatedTerms>(`/renewals/outdated-terms${query({ below, page, pageSize: RENEWALS_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

/** The letters in force whose notice deadline falls within the next `days` days, soonest first. */
export const useNoticeDeadlines = (
  days: number,
  {
    page = 1,
    pageSize = RENEWALS_PAGE_SIZE,
    enabled = true,
  }: { page?: number; pageSize?: number; enabled?: boolean } = {},
) =>
  useQuery({
    enabled,
    queryKey: ['renewals', 'notice-deadlines', days, page, pageSize],
    queryFn: () => api<NoticeDeadlines>(`/renewals/notice-deadlines${query({ days, page, pageSize })}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
