import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { DocumentListItem, Page } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { StatusBadge } from '../documents/status-badge.tsx';
import { formatCents, formatDay, formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';

type Props = {
  title: string;
  empty: string;
  query?: UseQueryResult<Page<DocumentListItem>>;
  items?: DocumentListItem[];
  limit?: number;
  showValidUntil?: boolean;
  showUpdated?: boolean;
  /** The day each was sent. */
  showSent?: boolean;
  /** The number of documents beside the title. */
  showTotal?: boolean;
  /** What each row ends with: its status unless told. */
  action?: (doc: DocumentListItem) => ReactNode;
  /** The card's test id; each row's is it followed by `-item`. */
  testId?: string;
};

/** A short list of documents on the dashboard, each a link to its page. */
export const DocumentList = ({
  title,
  empty,
  query,
  items,
  limit = 8,
  showValidUntil,
  showUpdated,
  showSent,
  showTotal,
  action,
  testId,
}: Props) => {
  const t = useT();
  const render = (documents: DocumentListItem[]) =>
    documents.length === 0 ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : (
      <Stack gap={6}>
        {documents.slice(0, limit).map((doc) => (
          <Group
            key={doc.id}
            justify="space-between"
            wrap="nowrap"
            data-testid={testId ? `${testId}-item` : undefined}
          >
            <Stack gap={0}>
              <Anchor component={Link} to={`/documents/${doc.id}`} size="sm">
                {doc.companyName} — {t(kindKey(doc.kind))}{' '}
                <span style={{ whiteSpace: 'nowrap' }}>{doc.number ?? ''}</span>
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatCents(doc.totals.totalHtCents)} HT
                {showValidUntil && ` · ${t('document.validUntil')} ${formatDay(doc.validUntil)}`}
                {showUpdated && ` · ${formatInstant(doc.updatedAt)}`}
                {showSent && doc.sentAt && ` · ${t('dashboard.sentOn', { date: formatInstant(doc.sentAt) })}`}
              </Text>
            </Stack>
            {action ? action(doc) : <StatusBadge status={doc.status} />}
          </Group>
        ))}
      </Stack>
    );
  return (
    <Card withBorder component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
        {showTotal && query?.data && query.data.total > 0 ? ` (${query.data.total})` : ''}
      </Title>
      {query ? <QueryState query={query}>{(page) => render(page.items)}</QueryState> : render(items ?? [])}
    </Card>
  );
};
