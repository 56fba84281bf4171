import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
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
          <Group key={doc.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Anchor component={Link} to={`/documents/${doc.id}`} size="sm">
                {doc.companyName} — {t(kindKey(doc.kind))} {doc.number ?? ''}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatCents(doc.totals.totalHtCents)} HT
                {showValidUntil && ` · ${t('document.validUntil')} ${formatDay(doc.validUntil)}`}
                {showUpdated && ` · ${formatInstant(doc.updatedAt)}`}
              </Text>
            </Stack>
            <StatusBadge status={doc.status} />
          </Group>
        ))}
      </Stack>
    );
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {query ? <QueryState query={query}>{(page) => render(page.items)}</QueryState> : render(items ?? [])}
    </Card>
  );
};
