import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { CampaignProgress, CampaignStatus, CampaignView } from '../api/types.ts';
import { isWorking } from './labels.ts';

type ProgressMessage = { status: CampaignStatus; progress: CampaignProgress };

/**
 * A campaign, kept live while it generates or sends: the server pushes its progress (an event
 * stream, about twice a second, closed once the work is done). Should the stream fail (a proxy
 * that buffers, a lost connection), the page asks every 2 seconds instead.
 */
export const useCampaignLive = (id: string) => {
  const client = useQueryClient();
  const [polling, setPolling] = useState(false);
  const campaign = useQuery({
    queryKey: ['campaign', id],
    queryFn: () => api<CampaignView>(`/campaigns/${id}`),
    refetchInterval: (q) => (polling && isWorking(q.state.data?.status) ? 2000 : false),
  });
  const working = isWorking(campaign.data?.status);
  useEffect(() => {
    if (!working || polling) return;
    if (typeof EventSource === 'undefined') {
      setPolling(true);
      return;
    }
    const source = new EventSource(`/api/v1/campaigns/${id}/events`, { withCredentials: true });
    source.addEventListener('progress', (event) => {
      const message = JSON.parse((event as MessageEvent<string>).data) as ProgressMessage;
      client.setQueryData<CampaignView>(['campaign', id], (old) =>
        old ? { ...old, status: message.status, progress: message.progress } : old,
      );
      if (!isWorking(message.status)) source.close();
    });
    source.onerror = () => {
      source.close();
      setPolling(true);
    };
    return () => source.close();
  }, [id, working, polling, client]);
  const wasWorking = useRef(working);
  useEffect(() => {
    // Once the work is done, the follow-up figures, the dates and the lists of items changed with it.
    if (wasWorking.current && !working) {
      void client.invalidateQueries({ queryKey: ['campaign', id] });
      void client.invalidateQueries({ queryKey: ['campaigns'] });
    }
    wasWorking.current = working;
  }, [working, id, client]);
  return campaign;
};
