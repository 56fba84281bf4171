import { Anchor, Card, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDocuments, useEngagementHistory } from '../api/queries.ts';
import type { DocumentListItem, HistoryEvent } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { formatInstant } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { type Translate, useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';

/** "document.sent" → the French sentence; an unknown type shows as itself. */
export const describeEvent = (t: Translate, event: HistoryEvent, withDetail = true): string => {
  const key = `event.${event.type}` as MessageKey;
  const text = t(key);
  const after = (event.after ?? {}) as Record<string, unknown>;
  const detail = withDetail ? [after.number, after.clientCode].filter(Boolean).join(' ') : '';
  return `${text === key ? event.type : text}${detail ? ` (${detail})` : ''}`;
};

export type HistoryEntry =
  | { kind: 'event'; event: HistoryEvent }
  | { kind: 'document'; documentId: string; events: HistoryEvent[] };

/**
 * The history, newest first, with the events of one document together under its name: a document's
 * creation, edits, sending and signatures are one line each otherwise, and the engagement's own
 * events get lost among them. A document's group sits where its latest event is.
 */
export const groupHistory = (events: readonly HistoryEvent[]): HistoryEntry[] => {
  const entries: HistoryEntry[] = [];
  const groups = new Map<string, HistoryEvent[]>();
  for (const event of [...events].reverse()) {
    // The engagement's own milestones (converted into a client…) stay on their own line even when a
    // document set them off: they are what the history is read for.
    if (!event.documentId || event.type.startsWith('engagement.')) {
      entries.push({ kind: 'event', event });
      continue;
    }
    const group = groups.get(event.documentId);
    if (group) group.push(event);
    else {
      const created = [event];
      groups.set(event.documentId, created);
      entries.push({ kind: 'document', documentId: event.documentId, events: created });
    }
  }
  return entries;
};

/** « Lettre de mission LM-2026-0001 », or « Lettre de mission (brouillon) » before it is numbered. */
const documentName = (t: Translate, doc: DocumentListItem | undefined, events: HistoryEvent[]) => {
  const numbered = events
    .map((event) => (event.after as { number?: unknown } | null)?.number)
    .find((number): number is string => typeof number === 'string');
  const number = doc?.number ?? numbered;
  const kind = doc ? t(kindKey(doc.kind)) : t('history.document');
  return number ? `${kind} ${number}` : `${kind} (${t('history.unnumbered')})`;
};

const EventLine = ({ event, withDetail }: { event: HistoryEvent; withDetail: boolean }) => {
  const t = useT();
  const data = (event.data ?? {}) as Record<string, unknown>;
  return (
    <Stack gap={0}>
      <Text size="sm">{describeEvent(t, event, withDetail)}</Text>
      <Text size="xs" c="dimmed">
        {formatInstant(event.at)} · {event.actorName ?? t('history.system')}
      </Text>
      {typeof data.reason === 'string' && <Text size="xs">{data.reason}</Text>}
    </Stack>
  );
};

const DocumentEntry = ({ events, doc }: { events: HistoryEvent[]; doc: DocumentListItem | undefined }) => {
  const t = useT();
  const [latest] = events;
  return (
    <Stack gap={2} data-testid="history-document">
      {latest && <EventLine event={latest} withDetail={false} />}
      {events.length > 1 && (
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>
            {t('history.allEvents', { count: events.length })}
          </summary>
          <List size="sm" spacing={4} listStyleType="none" mt={4} aria-label={documentName(t, doc, events)}>
            {events.slice(1).map((event) => (
              <List.Item key={event.id}>
                <EventLine event={event} withDetail={false} />
              </List.Item>
            ))}
          </List>
        </details>
      )}
    </Stack>
  );
};

export const HistoryList = ({ engagementId }: { engagementId: string }) => {
  const t = useT();
  const history = useEngagementHistory(engagementId);
  // The same query as the engagement page's documents: read once, from the cache.
  const documents = useDocuments({ engagementId, sort: 'createdAt', direction: 'asc' });
  const byId = new Map((documents.data?.items ?? []).map((doc) => [doc.id, doc]));
  return (
    <Card withBorder component="section" aria-labelledby="history-title">
      <Title order={3} size="h4" id="history-title" mb="sm">
        {t('engagement.history')}
      </Title>
      <QueryState query={history}>
        {(events) => (
          <Timeline bulletSize={12} lineWidth={2}>
            {groupHistory(events).map((entry) =>
              entry.kind === 'event' ? (
                <Timeline.Item key={entry.event.id} title={describeEvent(t, entry.event)}>
                  <Text size="xs" c="dimmed">
                    {formatInstant(entry.event.at)} · {entry.event.actorName ?? t('history.system')}
                  </Text>
                </Timeline.Item>
              ) : (
                <Timeline.Item
                  key={entry.documentId}
                  title={
                    <Anchor component={Link} to={`/documents/${entry.documentId}`} fw={600} size="sm">
                      {documentName(t, byId.get(entry.documentId), entry.events)}
                    </Anchor>
                  }
                >
                  <DocumentEntry events={entry.events} doc={byId.get(entry.documentId)} />
                </Timeline.Item>
              ),
            )}
          </Timeline>
        )}
      </QueryState>
    </Card>
  );
};
