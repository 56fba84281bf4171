import { Anchor, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { DocumentListItem } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { StatusBadge } from '../documents/status-badge.tsx';
import { formatCents, formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';

type Props = { documents: DocumentListItem[] };

/** The documents of an engagement, oldest first, with the links the rules create between them. */
export const DocumentsTimeline = ({ documents }: Props) => {
  const t = useT();
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const name = (id: string | null) => {
    const doc = id ? byId.get(id) : undefined;
    return doc ? `${t(kindKey(doc.kind))} ${doc.number ?? t('document.unnumbered')}` : '';
  };
  const link = (id: string, label: string) => (
    <Anchor component={Link} to={`/documents/${id}`} size="xs">
      {label}
    </Anchor>
  );
  return (
    <Card withBorder component="section" aria-labelledby="documents-title">
      <Title order={3} size="h4" id="documents-title" mb="sm">
        {t('engagement.documents')}
      </Title>
      {documents.length === 0 && <Text c="dimmed">{t('engagement.noDocuments')}</Text>}
      <Timeline bulletSize={14} lineWidth={2} active={documents.length}>
        {documents.map((doc) => {
          const letters = documents.filter((other) => other.sourceProposalId === doc.id);
          return (
            <Timeline.Item
              key={doc.id}
              title={
                <Group gap="xs">
                  <Anchor component={Link} to={`/documents/${doc.id}`} fw={600}>
                    {t(kindKey(doc.kind))} {doc.number ?? t('document.unnumbered')}
                  </Anchor>
                  <StatusBadge status={doc.status} />
                </Group>
              }
            >
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('document.createdOn', { date: formatDay(String(doc.createdAt).slice(0, 10)) })} ·{' '}
                  {t('totals.ht')} {formatCents(doc.totals.totalHtCents)}
                  {doc.effectiveDate
                    ? ` · ${t('document.effectiveDate')} ${formatDay(doc.effectiveDate)}`
                    : ''}
                </Text>
                {doc.sourceProposalId && (
                  <Text size="xs">
                    {t('link.fromProposal')} {link(doc.sourceProposalId, name(doc.sourceProposalId))}
                  </Text>
                )}
                {letters.map((letter) => (
                  <Text size="xs" key={letter.id}>
                    {t('link.createdLetter')} {link(letter.id, name(letter.id))}
                  </Text>
                ))}
                {doc.amendsLetterId && (
                  <Text size="xs">
                    {t('link.amends')} {link(doc.amendsLetterId, name(doc.amendsLetterId))}
                  </Text>
                )}
                {doc.replacesIds.map((id) => (
                  <Text size="xs" key={id}>
                    {t('link.replaces')} {link(id, name(id))}
                  </Text>
                ))}
                {doc.replacedById && (
                  <Text size="xs">
                    {t('link.replacedBy')} {link(doc.replacedById, name(doc.replacedById))}
                  </Text>
                )}
              </Stack>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
};
