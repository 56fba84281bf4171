import { keepPreviousData, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, apiAll, query } from '../api/client.ts';
import type { Bridge, FirmSchedule, Revenue, Schedule, Termination } from './types.ts';

export type MonthRange = { from?: string; to?: string };

/** R-G2: one engagement's instalments per month (the twelve months from now without a range). */
export const useEngagementSchedule = (engagementId: string, range: MonthRange = {}) =>
  useQuery({
    queryKey: ['billing', 'engagement', engagementId, range],
    queryFn: () => api<Schedule>(`/engagements/${engagementId}/schedule${query(range)}`),
    placeholderData: keepPreviousData,
  });

/**
 * R-G2, R-G3: the whole firm's months (totals, exported months, adjustments) and its entries page
 * by page (the server's page size): the first page comes with the totals, « Voir plus » fetches the
 * next one.
 */
export const useFirmSchedule = (range: MonthRange = {}) =>
  useInfiniteQuery({
    queryKey: ['billing', 'schedule', range],
    queryFn: ({ pageParam }) =>
      api<FirmSchedule>(`/billing/schedule${query({ ...range, page: String(pageParam) })}`),
    initialPageParam: 1,
    getNextPageParam: (last: FirmSchedule) =>
      last.entries.page * last.entries.pageSize < last.entries.total ? last.entries.page + 1 : undefined,
    placeholderData: keepPreviousData,
  });

/** R-G4: the annual recurring fees in force on a day. */
export const useRecurringRevenue = (date: string) =>
  useQuery({
    queryKey: ['billing', 'revenue', date],
    queryFn: () => api<Revenue>(`/billing/recurring-revenue${query({ date })}`),
    placeholderData: keepPreviousData,
  });

/** R-G4: how the recurring fees moved between two days. */
export const useRevenueBridge = (from: string, to: string) =>
  useQuery({
    queryKey: ['billing', 'bridge', from, to],
    queryFn: () => api<Bridge>(`/billing/revenue-bridge${query({ from, to })}`),
    placeholderData: keepPreviousData,
  });

/** R-G1: the terminations recorded on an engagement's letters. */
export const useTerminations = (engagementId: string) =>
  useQuery({
    enabled: engagementId !== '',
    queryKey: ['billing', 'terminations', engagementId],
    queryFn: () => apiAll<Termination>(`/engagements/${engagementId}/terminations`),
  });

/** "2027-05" → "05/2027", the month as the French read it. */
export const formatMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The value of a date input as AAAA-MM-JJ, or the fallback while it is empty. */
export const isoOf = <F extends string | null>(value: unknown, fallback: F): string | F =>
  value ? String(value).slice(0, 10) : fallback;

/** R-G1: what a termination's letter changes: the billing pages and the documents. */
export const refreshTermination = async (client: QueryClient) => {
  await client.invalidateQueries({ queryKey: ['billing'] });
  await client.invalidateQueries({ queryKey: ['document'] });
};
