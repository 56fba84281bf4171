import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiAll, query } from '../api/client.ts';
import type { Bridge, Revenue, Schedule, Termination } from './types.ts';

export type MonthRange = { from?: string; to?: string };

/** R-G2: one engagement's instalments per month (the twelve months from now without a range). */
export const useEngagementSchedule = (engagementId: string, range: MonthRange = {}) =>
  useQuery({
    queryKey: ['billing', 'engagement', engagementId, range],
    queryFn: () => api<Schedule>(`/engagements/${engagementId}/schedule${query(range)}`),
    placeholderData: keepPreviousData,
  });

/** R-G2, R-G3: the whole firm's instalments per month, with the exported months and adjustments. */
export const useFirmSchedule = (range: MonthRange = {}) =>
  useQuery({
    queryKey: ['billing', 'schedule', range],
    queryFn: () => api<Schedule>(`/billing/schedule${query(range)}`),
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
export const isoOf = (value: unknown, fallback: string) => (value ? String(value).slice(0, 10) : fallback);
