import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { notificationsOut } from '../../../src/http/notifications.schemas.ts';
import { api } from '../api/client.ts';
import { kindKey } from '../documents/labels.ts';
import { formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';

type Notifications = z.output<typeof notificationsOut>;
type Notification = Notifications['items'][number];

const KEY = ['notifications'] as const;
/**
 * The count is asked again every little while and when the window comes back to the front: the app's
 * event streams follow one resource to its end (a campaign), and a bell's stream would never end.
 * Closed, the bell asks the count alone (a page of one); the list only while it is open.
 */
const EVERY_MS = 10_000;

const BellIcon = () => (
  <svg
    width="20"
    height="20"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden
  >
    <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

const Item = ({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) => {
  const t = useT();
  const name = item.document
    ? `${t(kindKey(item.document.kind))} ${item.document.number ?? ''}`.trim()
    : t('history.document');
  return (
    <Stack gap={0} data-testid="notification" data-unread={item.readAt ? undefined : 'true'}>
      <Group gap={6} wrap="nowrap" align="baseline">
        {!item.readAt && (
          <Text span c="grape.8" fz="xs" aria-label={t('notifications.unread')}>
            ●
          </Text>
        )}
        <Anchor
          component={Link}
          to={item.documentId ? `/documents/${item.documentId}` : '/'}
          size="sm"
          fw={item.readAt ? 400 : 600}
          onClick={() => onOpen(item)}
        >
          {t(`notifications.${item.type}`, { document: name })}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {item.companyName ? `${item.companyName} · ` : ''}
        {formatInstant(item.at)}
      </Text>
      {item.reason !== null && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('esign.refusalReason', { reason: item.reason })}
        </Text>
      )}
    </Stack>
  );
};

/** The bell in the shell: documents signed, refused or expired that concern the user. */
export const NotificationBell = () => {
  const t = useT();
  const client = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  const count = useQuery({
    queryKey: [...KEY, 'count'],
    queryFn: () => api<Notifications>('/notifications?pageSize=1'),
    refetchInterval: opened ? false : EVERY_MS,
    refetchOnWindowFocus: !opened,
  });
  const list = useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: () => api<Notifications>('/notifications?pageSize=30'),
    enabled: opened,
    refetchInterval: opened ? EVERY_MS : false,
  });
  const markRead = useMutation({
    mutationFn: (ids?: number[]) => api('/notifications/read', { body: ids ? { ids } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const unread = (opened ? list.data?.unread : undefined) ?? count.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label');
  return (
    <Popover
      opened={opened}
      onChange={(value) => !value && close()}
      width={340}
      position="bottom-end"
      shadow="md"
    >
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={16}
        disabled={unread === 0}
        color="red"
        offset={4}
        data-testid="notification-count"
      >
        {/* The button is the popover's target (aria-expanded belongs on it, not on the indicator). */}
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={label}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Stack gap="xs" component="section" aria-label={t('notifications.label')}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600} size="sm">
              {t('notifications.label')}
            </Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(undefined)}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {(list.data?.items.length ?? 0) === 0 ? (
            <Text size="sm" c="dimmed">
              {t('notifications.none')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360}>
              <Stack gap="sm">
                {list.data?.items.map((item) => (
                  <Item
                    key={item.id}
                    item={item}
                    onOpen={(opened) => {
                      close();
                      if (!opened.readAt) markRead.mutate([opened.id]);
                    }}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
};
