import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { DocumentView, SigningTrail } from '../api/types.ts';
import { formatInstant, formatInstantAt } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { type Language, type Translate, useI18n } from '../i18n/i18n.tsx';

const WITH_TRAIL = ['sent', 'signed', 'refused', 'expired', 'cancelled', 'replaced'];

type TrailEvent = SigningTrail['events'][number];

/**
 * One step in the reader's language: in French, the very line of the evidence page; in English, the
 * step's name with what the line adds (to whom, the reason).
 */
const lineOf = (t: Translate, language: Language, event: TrailEvent): string => {
  if (language === 'fr') return event.description;
  const detail = event.data.to ?? event.data.reason ?? event.data.wording ?? null;
  const name = t(`trail.${event.type}` as MessageKey);
  return detail === null ? name : `${name}: ${String(detail)}`;
};

/**
 * The signature trail of a sent document (issue 15, item 4): every invitation, opening, code,
 * consent, reading, signature and the seal, in time order, as the evidence page prints them.
 */
export const SigningTrailPanel = ({ view }: { view: DocumentView }) => {
  const { t, language } = useI18n();
  const doc = view.document;
  const trail = useQuery({
    queryKey: ['document', doc.id, 'signing', 'trail'],
    queryFn: () => api<SigningTrail>(`/documents/${doc.id}/signing/trail`),
    enabled: WITH_TRAIL.includes(doc.status),
  });
  if (!trail.data || trail.data.events.length === 0) return null;
  const when = (at: Date | string) => (language === 'fr' ? formatInstantAt(at) : formatInstant(at));
  return (
    <Card
      withBorder
      mt="md"
      component="section"
      aria-labelledby="signing-trail-title"
      data-testid="signing-trail"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="signing-trail-title">
            {t('trail.title')}
          </Title>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('trail.transaction', { id: trail.data.transactionId })}
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trail.at')}</Table.Th>
                <Table.Th>{t('trail.by')}</Table.Th>
                <Table.Th>{t('trail.event')}</Table.Th>
                <Table.Th>{t('trail.ip')}</Table.Th>
                <Table.Th>{t('trail.browser')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trail.data.events.map((event, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the trail only grows, in a fixed order: a step's place is its identity.
                <Table.Tr key={`${event.type}-${String(event.at)}-${index}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(event.at)}</Table.Td>
                  <Table.Td>{event.signerName ?? 'Lettrine'}</Table.Td>
                  <Table.Td>{lineOf(t, language, event)}</Table.Td>
                  <Table.Td>{event.ip ?? '—'}</Table.Td>
                  <Table.Td
                    title={event.userAgent ?? undefined}
                    maw={220}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    <Text size="xs" lineClamp={2}>
                      {event.browser ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
};
