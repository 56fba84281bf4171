import { Alert, Badge, Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiAll } from '../api/client.ts';
import type { Webhook, WebhookEventType } from '../api/types.ts';
import { useIsAssocie, useMe } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';
import { QueryState } from '../ui/query-state.tsx';
import { WebhookCreate } from './webhook-create.tsx';
import { WebhookDeliveries } from './webhook-deliveries.tsx';

const EndpointsTable = ({ items, eventTypes }: { items: Webhook[]; eventTypes: WebhookEventType[] }) => {
  const t = useT();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['webhooks'] });
  const toggle = useMutation({
    mutationFn: (hook: Webhook) =>
      api(`/webhooks/${hook.id}`, {
        method: 'PATCH',
        body: { version: hook.version, isActive: !hook.isActive },
      }),
    onSuccess: refresh,
    onError: (error) => notifyError(error),
  });
  const remove = useMutation({
    mutationFn: (hook: Webhook) => api(`/webhooks/${hook.id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (error) => notifyError(error),
  });
  const label = (type: string) => eventTypes.find((item) => item.type === type)?.label ?? type;
  if (items.length === 0) return <Text c="dimmed">{t('webhook.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('webhook.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhook.url')}</Table.Th>
            <Table.Th>{t('webhook.events')}</Table.Th>
            <Table.Th>{t('webhook.active')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((hook) => (
            <Table.Tr key={hook.id}>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {hook.url}
                </Text>
                {hook.description && (
                  <Text size="xs" c="dimmed">
                    {hook.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {hook.events.map((type) => (
                    <Badge key={type} variant="light" style={{ textTransform: 'none' }}>
                      {label(type)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={hook.isActive}
                  onChange={() => toggle.mutate(hook)}
                  aria-label={t('webhook.activeOf', { url: hook.url })}
                  label={hook.isActive ? t('webhook.on') : t('webhook.off')}
                />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    if (window.confirm(t('webhook.deleteConfirm', { url: hook.url }))) remove.mutate(hook);
                  }}
                >
                  {t('webhook.delete')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

/** Webhooks (associé): endpoints that receive the firm's events, signed, with their delivery log. */
export const WebhooksPage = () => {
  const t = useT();
  const me = useMe();
  const isAssocie = useIsAssocie();
  const hooks = useQuery({
    queryKey: ['webhooks'],
    queryFn: () => apiAll<Webhook>('/webhooks'),
    enabled: isAssocie,
  });
  const eventTypes = useQuery({
    queryKey: ['webhook-event-types'],
    queryFn: () => apiAll<WebhookEventType>('/webhook-event-types'),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: isAssocie,
  });
  if (me.data && !isAssocie)
    return (
      <Stack>
        <Title order={2}>{t('webhook.title')}</Title>
        <Alert color="gray">{t('webhook.associeOnly')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <Title order={2}>{t('webhook.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('webhook.intro')}
      </Text>
      <QueryState query={hooks}>
        {(items) => <EndpointsTable items={items} eventTypes={eventTypes.data ?? []} />}
      </QueryState>
      <WebhookCreate eventTypes={eventTypes.data ?? []} />
      <WebhookDeliveries endpoints={hooks.data ?? []} eventTypes={eventTypes.data ?? []} />
    </Stack>
  );
};
