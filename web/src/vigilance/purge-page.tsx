import {
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useIsAssocie } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { QueryList } from '../ui/query-state.tsx';
import { usePurge, usePurgeable } from './queries.ts';
import type { Purgeable } from './types.ts';

/**
 * « Dossiers à purger » (R-F7): the LCB-FT files whose five years after the end of the relationship
 * are over. An associé purges each one with a reason; the personal data goes, a tombstone (who, when,
 * why) stays. Never before the date: the server refuses it, and the list shows only those past it.
 */
export const VigilancePurgePage = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const files = usePurgeable(isAssocie);
  const [chosen, setChosen] = useState<Purgeable | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('vigilance.purge.page')}</Title>
      <Text size="sm" c="dimmed">
        {t('vigilance.purge.hint')}
      </Text>
      <Card withBorder>
        {!isAssocie ? (
          <Text size="sm">{t('vigilance.purge.associesOnly')}</Text>
        ) : (
          <QueryList query={files} empty={t('vigilance.purge.none')} emptyTestId="vigilance-purge-empty">
            {(items) => (
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-label={t('vigilance.purge.page')} data-testid="vigilance-purge">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('vigilance.client')}</Table.Th>
                      <Table.Th>{t('vigilance.purge.ended')}</Table.Th>
                      <Table.Th>{t('vigilance.purge.retentionEnds')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('vigilance.purge.action')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.engagementId}>
                        <Table.Td>
                          {item.companyName}
                          {item.clientCode ? ` (${item.clientCode})` : ''}
                        </Table.Td>
                        <Table.Td>{formatDay(item.relationshipEndedOn)}</Table.Td>
                        <Table.Td>{formatDay(item.retentionEndsOn)}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="light" color="red" onClick={() => setChosen(item)}>
                            {t('vigilance.purge.button')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryList>
        )}
      </Card>
      {chosen && <PurgeDialog file={chosen} onClose={() => setChosen(null)} />}
    </Stack>
  );
};

const PurgeDialog = ({ file, onClose }: { file: Purgeable; onClose: () => void }) => {
  const t = useT();
  const purge = usePurge(file.engagementId);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (reason.trim() === '') return;
    purge.mutate({ reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('vigilance.purge.confirmTitle', { client: file.companyName })}>
      <Stack>
        <Text size="sm">{t('vigilance.purge.confirmText')}</Text>
        <Textarea
          label={t('vigilance.purge.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          error={tried && reason.trim() === '' ? t('vigilance.purge.reasonRequired') : undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {purge.error && <ProblemText error={purge.error} />}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={purge.isPending} onClick={submit}>
            {t('vigilance.purge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
