import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { DocumentVigilance, VigilanceFile, VigilanceSettings } from './types.ts';

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
 * replaces the cached one; the documents' gate lists are stale after it.
 */
export const useFileChange = <T>(engagementId: string, part: string, method: 'PUT' | 'POST') => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) =>
      api<VigilanceFile>(`/engagements/${engagementId}/vigilance/${part}`, { method, body }),
    onSuccess: (file) => {
      client.setQueryData(vigilanceKey(engagementId), file);
      void client.invalidateQueries({ queryKey: ['document'] });
    },
  });
};
