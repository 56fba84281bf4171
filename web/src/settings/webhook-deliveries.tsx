import { Badge, Button, Card, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../api/client.ts';
import type { Page, Webhook, WebhookDelivery, WebhookEventType } from '../api/types.ts';
import { formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ListPages } from '../ui/list-pages.tsx';
import { notifyError } from '../ui/notify.ts';
import { QueryState } from '../ui/query-state.tsx';

const PAGE_SIZE = 20;
const COLORS: Record<WebhookDelivery['status'], string> = {
  pending: 'gray',
  delivered: 'teal',
  failed: 'red',
};

/** The deliveries log, firm-wide or for one endpoint, with « Rejouer ». */
export const WebhookDeliveries = ({
  endpoints,
  eventTypes,
}: {
  endpoints: Webhook[];
  eventTypes: WebhookEventType[];
}) => {
  const t = useT();
  const client = useQueryClient();
  const [endpointId, setEndpointId] = useState('');
  const [page, setPage] = useState(1);
  const path = endpointId ? `/webhooks/${endpointId}/deliveries` : '/webhook-deliveries';
  const deliveries = useQuery({
    queryKey: ['webhook-deliveries', endpointId, page],
    queryFn: () => api<Page<WebhookDelivery>>(`${path}${query({ page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
  const replay = useMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      api(`/webhook-deliveries/${delivery.id}/replay`, { body: {}, idempotent: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhook-deliveries'] }),
    onError: (error) => notifyError(error),
  });
  const label = (type: string) => eventTypes.find((item) => item.type === type)?.label ?? type;
  const urlOf = (id: string) => endpoints.find((item) => item.id === id)?.url ?? '—';
  return (
    <Card withBorder component="section" aria-labelledby="deliveries-title">
      <Stack>
        <Title order={3} size="h4" id="deliveries-title">
          {t('webhook.deliveries')}
        </Title>
        <NativeSelect
          label={t('webhook.endpointFilter')}
          value={endpointId}
          onChange={(event) => {
            setEndpointId(event.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('webhook.allEndpoints') },
            ...endpoints.map((item) => ({ value: item.id, label: item.url })),
          ]}
          w="fit-content"
          maw="100%"
        />
        <QueryState query={deliveries}>
          {(data) => (
            <>
              <Table.ScrollContainer minWidth={760}>
                <Table aria-label={t('webhook.deliveries')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('mail.date')}</Table.Th>
                      <Table.Th>{t('webhook.event')}</Table.Th>
                      <Table.Th>{t('webhook.url')}</Table.Th>
                      <Table.Th>{t('mail.status')}</Table.Th>
                      <Table.Th>{t('webhook.attempts')}</Table.Th>
                      <Table.Th>{t('webhook.lastError')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((delivery) => (
                      <Table.Tr key={delivery.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatInstant(delivery.createdAt)}
                        </Table.Td>
                        <Table.Td>
                          {label(delivery.eventType)}
                          {delivery.replayOf && (
                            <Text size="xs" c="dimmed">
                              {t('webhook.replayed')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{urlOf(delivery.endpointId)}</Table.Td>
                        <Table.Td>
                          <Badge color={COLORS[delivery.status]} variant="light">
                            {t(`webhook.status.${delivery.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {delivery.attempts}
                          {delivery.lastStatusCode ? ` (HTTP ${delivery.lastStatusCode})` : ''}
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                            {delivery.lastError ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => replay.mutate(delivery)}
                            loading={replay.isPending && replay.variables?.id === delivery.id}
                          >
                            {t('webhook.replay')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {data.items.length === 0 && <Text c="dimmed">{t('webhook.noDeliveries')}</Text>}
              <ListPages total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
            </>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
};
