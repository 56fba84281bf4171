import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiAll, query } from '../api/client.ts';
import type {
  CampaignItem,
  CampaignItemStatus,
  CampaignPreview,
  CampaignSettings,
  CampaignView,
  Page,
} from '../api/types.ts';

export const useCampaigns = () =>
  useQuery({
    queryKey: ['campaigns'],
    queryFn: () => apiAll<CampaignView>('/campaigns'),
  });

/** While a campaign works in the background, its progress comes through useCampaignProgress. */
export const useCampaign = (id: string) =>
  useQuery({ queryKey: ['campaign', id], queryFn: () => api<CampaignView>(`/campaigns/${id}`) });

export type PreviewFilters = { page: number; outcome?: 'planned' | 'skipped'; search?: string };

export const PREVIEW_PAGE_SIZE = 50;

export const usePreview = (id: string, version: number, filters: PreviewFilters) =>
  useQuery({
    // The version: a saved change of the settings changes the plan.
    queryKey: ['campaign', id, 'preview', version, filters],
    queryFn: () =>
      api<CampaignPreview>(`/campaigns/${id}/preview${query({ pageSize: PREVIEW_PAGE_SIZE, ...filters })}`),
    placeholderData: keepPreviousData,
  });

export const useCampaignItems = (id: string, status: CampaignItemStatus, page = 1, enabled = true) =>
  useQuery({
    enabled,
    queryKey: ['campaign', id, 'items', status, page],
    queryFn: () => api<Page<CampaignItem>>(`/campaigns/${id}/items${query({ status, page, pageSize: 50 })}`),
    placeholderData: keepPreviousData,
  });

export type CampaignDraft = { name: string; settings: CampaignSettings };

export const useCreateCampaign = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: CampaignDraft) => api<CampaignView>('/campaigns', { body: draft, idempotent: true }),
    onSuccess: async (campaign) => {
      client.setQueryData(['campaign', campaign.id], campaign);
      await client.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
};

export const useUpdateCampaign = (campaign: CampaignView) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: CampaignDraft) =>
      api<CampaignView>(`/campaigns/${campaign.id}`, {
        method: 'PATCH',
        body: { version: campaign.version, ...draft },
      }),
    onSuccess: async (updated) => {
      client.setQueryData(['campaign', updated.id], updated);
      await client.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
};

/** generate and send: commands answered 202 with the campaign, whose work goes on in the background. */
export const useCampaignCommand = (id: string, command: 'generate' | 'send') => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<CampaignView>(`/campaigns/${id}/${command}`, { method: 'POST' }),
    onSuccess: async (updated) => {
      client.setQueryData(['campaign', id], updated);
      await client.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
};
