import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import type { DocumentListItem, Page } from '../api/types.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { SignForFirmButton } from '../documents/e-signature-panel.tsx';
import { kindKey } from '../documents/labels.ts';
import { formatCents, formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';

/** « À signer par moi »: the sent letters the associé signs for the firm, each signable from here. */
export const ToSignCard = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const toSign = useQuery({
    queryKey: ['documents', 'awaiting-my-signature'],
    queryFn: () =>
      api<Page<DocumentListItem>>(
        `/documents${query({ awaitingMySignature: 'true', sort: 'sentAt', direction: 'asc', pageSize: 20 })}`,
      ),
    enabled: isAssocie,
  });
  if (!isAssocie) return null;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['documents'] });
    await client.invalidateQueries({ queryKey: ['document'] });
  };
  const title = t('dashboard.toSignByMe');
  return (
    <Card withBorder component="section" aria-label={title} data-testid="to-sign">
      <Title order={3} size="h5" mb="xs">
        {title}
        {toSign.data && toSign.data.total > 0 ? ` (${toSign.data.total})` : ''}
      </Title>
      <QueryState query={toSign}>
        {(page) =>
          page.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noneToSignByMe')}
            </Text>
          ) : (
            <Stack gap={6}>
              {page.items.map((doc) => (
                <Group key={doc.id} justify="space-between" wrap="nowrap" data-testid="to-sign-item">
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/documents/${doc.id}`} size="sm">
                      {doc.companyName} — {t(kindKey(doc.kind))}{' '}
                      <span style={{ whiteSpace: 'nowrap' }}>{doc.number ?? ''}</span>
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatCents(doc.totals.totalHtCents)} HT
                      {doc.sentAt ? ` · ${t('dashboard.sentOn', { date: formatInstant(doc.sentAt) })}` : ''}
                    </Text>
                  </Stack>
                  <SignForFirmButton doc={doc} onDone={refresh} size="xs" />
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
};
