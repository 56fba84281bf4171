import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiAll, query } from './client.ts';
import type {
  DocumentListItem,
  DocumentView,
  EngagementListItem,
  EngagementView,
  Firm,
  HistoryEvent,
  Page,
  Scope,
  Service,
  TermsSummary,
  User,
} from './types.ts';

export type EngagementFilters = {
  state?: 'prospect' | 'client';
  responsibleUserId?: string;
  search?: string;
  page: number;
  pageSize?: number;
};

export const useEngagements = (filters: EngagementFilters) =>
  useQuery({
    queryKey: ['engagements', filters],
    queryFn: () =>
      api<Page<EngagementListItem>>(`/engagements${query({ pageSize: 25, sort: 'updatedAt', ...filters })}`),
    placeholderData: keepPreviousData,
  });

/** A query of one resource waits for its id: never a request to `/engagements/` (an empty id). */
export const useEngagement = (id: string) =>
  useQuery({
    queryKey: ['engagement', id],
    queryFn: () => api<EngagementView>(`/engagements/${id}`),
    enabled: id !== '',
  });

export const useEngagementHistory = (id: string) =>
  useQuery({
    queryKey: ['engagement', id, 'history'],
    queryFn: () => apiAll<HistoryEvent>(`/engagements/${id}/history`),
    enabled: id !== '',
  });

export const useScope = (id: string, date: string) =>
  useQuery({
    queryKey: ['engagement', id, 'scope', date],
    queryFn: () => api<Scope>(`/engagements/${id}/scope${query({ date })}`),
    placeholderData: keepPreviousData,
    enabled: id !== '',
  });

export type DocumentFilters = {
  engagementId?: string;
  status?: string;
  kind?: string;
  pageSize?: number;
  sort?: string;
  direction?: 'asc' | 'desc';
  /** The sent letters the signed-in associé signs for the firm. */
  awaitingMySignature?: boolean;
};

export const useDocuments = ({ awaitingMySignature, ...filters }: DocumentFilters, enabled = true) =>
  useQuery({
    queryKey: ['documents', { awaitingMySignature, ...filters }],
    queryFn: () =>
      api<Page<DocumentListItem>>(
        `/documents${query({ pageSize: 200, ...filters, awaitingMySignature: awaitingMySignature ? 'true' : undefined })}`,
      ),
    enabled,
  });

export const useDocument = (id: string) =>
  useQuery({
    queryKey: ['document', id],
    queryFn: () => api<DocumentView>(`/documents/${id}`),
    enabled: id !== '',
  });

export const useDocumentHistory = (id: string) =>
  useQuery({
    queryKey: ['document', id, 'history'],
    queryFn: () => apiAll<HistoryEvent>(`/documents/${id}/history`),
    enabled: id !== '',
  });

export const useServices = (includeArchived = false) =>
  useQuery({
    queryKey: ['services', includeArchived],
    queryFn: () =>
      apiAll<Service>(`/services${query({ includeArchived: includeArchived ? 'true' : undefined })}`),
    staleTime: 60_000,
  });

export const useTerms = () =>
  useQuery({ queryKey: ['terms'], queryFn: () => apiAll<TermsSummary>('/terms'), staleTime: 60_000 });

export const useUsers = () =>
  useQuery({ queryKey: ['users'], queryFn: () => apiAll<User>('/users'), staleTime: 60_000 });

export const useFirm = () => useQuery({ queryKey: ['firm'], queryFn: () => api<Firm>('/firm') });
