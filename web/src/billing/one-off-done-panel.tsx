import { Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { DocumentView } from '../api/types.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatCents, formatDay, todayInParis } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { notifyError } from '../ui/notify.ts';
import { formatMonth, isoOf } from './queries.ts';
import type { LineDone } from './types.ts';

type Line = DocumentView['document']['lines'][number];

/** The confirmation: the day it was done (today by default), said in French before it is final. */
const DoneModal = ({
  documentId,
  line,
  onClose,
}: {
  documentId: string;
  line: Line;
  onClose: () => void;
}) => {
  const t = useT();
  const client = useQueryClient();
  const [doneOn, setDoneOn] = useState(todayInParis());
  const mark = useMutation({
    mutationFn: () => api<LineDone>(`/documents/${documentId}/lines/${line.id}/done`, { body: { doneOn } }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['billing'] });
    },
    onError: (error) => notifyError(error),
  });
  return (
    <Modal opened onClose={onClose} title={t('billing.markDoneTitle')}>
      {mark.data ? (
        <Stack>
          <Text size="sm" role="status">
            {t('billing.lineDone', { month: formatMonth(mark.data.doneOn.slice(0, 7)) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('billing.doneAt', { date: formatDay(mark.data.doneOn) })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('billing.closeDone')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">{t('billing.markDoneExplain', { label: line.label })}</Text>
          <DateField
            label={t('billing.doneOn')}
            value={doneOn || null}
            required
            onChange={(value) => setDoneOn(isoOf(value, ''))}
          />
          <Group justify="flex-end">
            <Button loading={mark.isPending} disabled={!doneOn} onClick={() => mark.mutate()}>
              {t('billing.confirmDone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};

/**
 * R-G2 on a signed work order's page: its one-off lines, each billed the month the firm marks it
 * done (POST /documents/{id}/lines/{lineId}/done); writers get « Marquer réalisé » with the day.
 */
export const OneOffDonePanel = ({ view }: { view: DocumentView }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const [line, setLine] = useState<Line | null>(null);
  const doc = view.document;
  const oneOffs = doc.lines.filter((l) => l.recurrence === 'one_off');
  if (!canWrite || doc.kind !== 'work_order' || doc.status !== 'signed' || oneOffs.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="one-off-title">
      <Title order={3} size="h4" id="one-off-title" mb="sm">
        {t('billing.markDoneTitle')}
      </Title>
      <Table aria-labelledby="one-off-title">
        <Table.Tbody>
          {oneOffs.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td ta="right">{formatCents(l.unitPriceCents)}</Table.Td>
              <Table.Td ta="right">
                <Button size="compact-xs" variant="light" onClick={() => setLine(l)}>
                  {t('billing.markDone')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {line && <DoneModal documentId={doc.id} line={line} onClose={() => setLine(null)} />}
    </Card>
  );
};
