import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiAll } from '../api/client.ts';
import { useUsers } from '../api/queries.ts';
import type {
  DocumentVigilance,
  Evidence,
  Match,
  OpenMatch,
  Purgeable,
  RegisterState,
  ReviewDue,
  VigilanceFile,
  VigilanceSettings,
} from './types.ts';

export const vigilanceKey = (engagementId: string) => ['engagement', engagementId, 'vigilance'] as const;

export const useVigilanceFile = (engagementId: string) =>
  useQuery({
    queryKey: vigilanceKey(engagementId),
    queryFn: () => api<VigilanceFile>(`/engagements/${engagementId}/vigilance`),
    retry: false,
  });

/** The gate's list for a document (R-F1, R-F3, R-F4, R-F5): refreshed with its version. */
export const useDocumentVigilance = (documentId: string, version: number) =>
  useQuery({
    queryKey: ['document', documentId, 'vigilance', version],
    queryFn: () => api<DocumentVigilance>(`/documents/${documentId}/vigilance`),
    retry: false,
  });

export const useVigilanceSettings = () =>
  useQuery({
    queryKey: ['vigilance', 'settings'],
    queryFn: () => api<VigilanceSettings>('/vigilance/settings'),
  });

/**
 * A change to the file (PUT or POST on one of its parts): the answer is the whole file, which
 * replaces the cached one; the documents' gate lists and the firm's lists are stale after it.
 */
export const useFileChange = <T>(engagementId: string, part: string, method: 'PUT' | 'POST') => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) =>
      api<VigilanceFile>(`/engagements/${engagementId}/vigilance/${part}`, { method, body }),
    onSuccess: (file) => {
      client.setQueryData(vigilanceKey(engagementId), file);
      void client.invalidateQueries({ queryKey: ['document'] });
      // The firm's lists move with it: reviews due (a review done), matches (a person renamed).
      void client.invalidateQueries({ queryKey: ['vigilance', 'reviews'] });
      void client.invalidateQueries({ queryKey: ['vigilance', 'matches'] });
    },
  });
};

/** R-F4: the reviews due within a month or overdue (all for an associé, one's own otherwise). */
export const useReviewsDue = () =>
  useQuery({
    queryKey: ['vigilance', 'reviews'],
    queryFn: () => apiAll<ReviewDue>('/vigilance/reviews'),
    retry: false,
  });

/** R-F5: the screening matches no associé decided yet (associés only: refused to the others). */
export const useOpenMatches = () =>
  useQuery({
    queryKey: ['vigilance', 'matches'],
    queryFn: () => apiAll<OpenMatch>('/vigilance/matches'),
    retry: false,
  });

/** After a change that moves the firm's LCB-FT lists: the dashboard's counts, the files, the gates. */
const useRefreshVigilance = () => {
  const client = useQueryClient();
  return (engagementId?: string) => {
    void client.invalidateQueries({ queryKey: ['vigilance'] });
    void client.invalidateQueries({ queryKey: ['document'] });
    void client.invalidateQueries({ queryKey: engagementId ? vigilanceKey(engagementId) : ['engagement'] });
  };
};

/** R-F5: an associé clears (not the same person) or confirms a possible match, with a reason. */
export const useMatchDecision = (match: Pick<Match, 'id' | 'engagementId'>) => {
  const refresh = useRefreshVigilance();
  return useMutation({
    mutationFn: (body: { decision: 'cleared' | 'confirmed'; reason: string }) =>
      api<Match>(`/vigilance/matches/${match.id}/decision`, { body }),
    onSuccess: () => refresh(match.engagementId),
  });
};

/** R-F1: who checked an evidence document, and when. */
export const useCheckEvidence = (engagementId: string) => {
  const refresh = useRefreshVigilance();
  return useMutation({
    mutationFn: (evidenceId: string) =>
      api<Evidence>(`/vigilance/evidence/${evidenceId}/check`, { method: 'POST' }),
    onSuccess: () => refresh(engagementId),
  });
};

/** R-F5: an associé imports the Treasury's register (its JSON as published); every file is screened. */
export const useRegisterImport = () => {
  const refresh = useRefreshVigilance();
  return useMutation({
    mutationFn: (register: unknown) =>
      api<RegisterState>('/vigilance/register', { body: register, idempotent: true }),
    onSuccess: () => refresh(),
  });
};

/** R-F7: the files an associé may purge (asked only by an associé: refused to the others). */
export const usePurgeable = (enabled: boolean) =>
  useQuery({
    queryKey: ['vigilance', 'purge'],
    queryFn: () => apiAll<Purgeable>('/vigilance/purge'),
    enabled,
    retry: false,
  });

/** R-F7: an associé purges a file past its retention, with a reason; a tombstone stays. */
export const usePurge = (engagementId: string) => {
  const refresh = useRefreshVigilance();
  return useMutation({
    mutationFn: (body: { reason: string }) => api(`/vigilance/files/${engagementId}/purge`, { body }),
    onSuccess: () => refresh(engagementId),
  });
};

/** The names of the firm's users by id, for the « who » of a file's checks and history. */
export const useUserNames = (): ((id: string | null | undefined) => string | null) => {
  const users = useUsers();
  return (id) => (id ? (users.data?.find((u) => u.id === id)?.name ?? null) : null);
};
