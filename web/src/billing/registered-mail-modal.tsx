import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { isoOf, refreshTermination } from './queries.ts';
import type { Termination } from './types.ts';

type Props = { documentId: string; onClose: () => void };

/** R-G1: the letter of termination posted as a registered letter: its number and the day it left. */
export const RegisteredMailModal = ({ documentId, onClose }: Props) => {
  const t = useT();
  const client = useQueryClient();
  const [number, setNumber] = useState('');
  const [sentOn, setSentOn] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: () =>
      api<Termination>(`/documents/${documentId}/registered-mail`, {
        body: { number, sentOn: sentOn ?? '' },
      }),
    onSuccess: async () => {
      await refreshTermination(client);
      onClose();
    },
  });
  const errors = fieldErrors(record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('termination.registeredTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('termination.registeredNumber')}
            required
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={errors.number}
            data-autofocus
          />
          <DateField
            label={t('termination.registeredSentOn')}
            valueFormat="DD/MM/YYYY"
            required
            value={sentOn}
            onChange={(value) => setSentOn(isoOf(value, null))}
            error={errors.sentOn}
          />
          {record.error && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              <ProblemText error={record.error} />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('termination.registeredConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
