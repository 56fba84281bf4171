import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../i18n/i18n.tsx';

type Props = {
  label: string;
  title: string;
  body: string;
  counts: { label: string; value: number | undefined }[];
  confirmLabel: string;
  loading: boolean;
  onConfirm: () => void;
};

/**
 * Issue 18: a campaign's generation and sending act on hundreds of clients at once; the button
 * opens a dialog with what will be done, counted, and the user confirms.
 */
export const ConfirmCommandButton = ({
  label,
  title,
  body,
  counts,
  confirmLabel,
  loading,
  onConfirm,
}: Props) => {
  const t = useT();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} loading={loading}>
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
        <Stack>
          <Text size="sm">{body}</Text>
          <Table withRowBorders={false} verticalSpacing={4} data-testid="confirm-counts">
            <Table.Tbody>
              {counts.map((count) => (
                <Table.Tr key={count.label}>
                  <Table.Th>{count.label}</Table.Th>
                  <Table.Td ta="right">
                    {count.value === undefined ? '…' : count.value.toLocaleString('fr-FR')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              data-autofocus
              onClick={() => {
                setOpened(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
};
