import { Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { useEngagementHistory } from '../api/queries.ts';
import type { HistoryEvent } from '../api/types.ts';
import { formatInstant } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { type Translate, useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';

/** "document.sent" → the French sentence; an unknown type shows as itself. */
export const describeEvent = (t: Translate, event: HistoryEvent): string => {
  const key = `event.${event.type}` as MessageKey;
  const text = t(key);
  const after = (event.after ?? {}) as Record<string, unknown>;
  const detail = [after.number, after.clientCode].filter(Boolean).join(' ');
  return `${text === key ? event.type : text}${detail ? ` (${detail})` : ''}`;
};

export const HistoryList = ({ engagementId }: { engagementId: string }) => {
  const t = useT();
  const history = useEngagementHistory(engagementId);
  return (
    <Card withBorder component="section" aria-labelledby="history-title">
      <Title order={3} size="h4" id="history-title" mb="sm">
        {t('engagement.history')}
      </Title>
      <QueryState query={history}>
        {(events) => (
          <Timeline bulletSize={12} lineWidth={2}>
            {[...events].reverse().map((event) => {
              const data = (event.data ?? {}) as Record<string, unknown>;
              return (
                <Timeline.Item key={event.id} title={describeEvent(t, event)}>
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {formatInstant(event.at)} · {event.actorName ?? t('history.system')}
                    </Text>
                    {typeof data.reason === 'string' && <Text size="xs">{data.reason}</Text>}
                  </Stack>
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </QueryState>
    </Card>
  );
};
