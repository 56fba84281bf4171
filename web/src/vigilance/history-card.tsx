import { Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatDay, formatInstant } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { type Translate, useT } from '../i18n/i18n.tsx';
import { useUserNames } from './queries.ts';
import type { FileEvent, VigilanceFile } from './types.ts';

const PARTS = [
  'clientType',
  'company',
  'person',
  'representatives',
  'beneficialOwners',
  'noBeneficialOwnerOver25',
] as const;

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The parts of the identification a change touched: "représentants légaux, bénéficiaires effectifs". */
const changedParts = (t: Translate, data: Record<string, unknown>): string => {
  const before = record(data.before);
  const after = record(data.after);
  return PARTS.filter((part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]))
    .map((part) => t(`vigilance.history.part.${part}`))
    .join(', ');
};

/** One line of the file's history in words: what happened, with what it is about. */
export const describeFileEvent = (t: Translate, event: FileEvent, file: VigilanceFile): string => {
  const data = record(event.data);
  const key = `vigilance.history.${event.type}` as MessageKey;
  const known = t(key) !== key;
  const evidenceName =
    textOf(data.fileName) ?? file.evidence.find((e) => e.id === data.evidenceId)?.fileName ?? '';
  const level = textOf(data.level);
  const values: Record<string, string> = {
    parts: changedParts(t, data),
    file: evidenceName,
    level: level ? t(`vigilance.level.${level}` as MessageKey) : '—',
    person: textOf(data.personName) ?? '',
    date: formatDay(textOf(data.nextReviewDue)),
    ended: formatDay(textOf(data.after)),
    n: typeof data.newMatches === 'number' ? String(data.newMatches) : '',
  };
  return known ? t(key, values) : event.type;
};

/** The free text an event carries (a decision's reason, a review's note, the origin of funds). */
const noteOf = (event: FileEvent): string | null => {
  const data = record(event.data);
  return textOf(data.reason) ?? textOf(data.note) ?? textOf(data.originOfFunds);
};

/** The file's history (`vigilance_file_events`), newest first: what, who, when. */
export const HistoryCard = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  const nameOf = useUserNames();
  return (
    <Card withBorder component="section" aria-labelledby="vigilance-history-title">
      <Title order={3} size="h4" id="vigilance-history-title" mb="sm">
        {t('vigilance.history')}
      </Title>
      {data.history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('vigilance.history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="vigilance-history">
          {[...data.history]
            .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
            .map((event) => {
              const note = noteOf(event);
              return (
                <Timeline.Item key={event.id} title={describeFileEvent(t, event, data)}>
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {formatInstant(event.at)} ·{' '}
                      {event.userId ? (nameOf(event.userId) ?? '—') : t('history.system')}
                    </Text>
                    {note && <Text size="xs">{note}</Text>}
                  </Stack>
                </Timeline.Item>
              );
            })}
        </Timeline>
      )}
    </Card>
  );
};
