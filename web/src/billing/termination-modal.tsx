import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, fieldErrors } from '../api/client.ts';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import type { TerminateBody, Termination } from './types.ts';

/** The refusals about the end date: shown on that field, with the earliest date the notice allows. */
const DATE_CODES = ['TERMINATION.NOTICE_NOT_RESPECTED', 'TERMINATION.END_BEFORE_START'];

const endDateError = (error: unknown): string | undefined => {
  if (!(error instanceof ApiError) || !DATE_CODES.includes(error.problem.code)) return undefined;
  const earliest = error.problem.details?.earliestEndDate;
  return typeof earliest === 'string' ? `${error.message} (${formatDay(earliest)})` : error.message;
};

type Props = { documentId: string; engagementId: string; onClose: () => void };

/** R-G1: the client or the firm ends a letter in force, on a date the notice allows or agreed. */
export const TerminationModal = ({ documentId, engagementId, onClose }: Props) => {
  const t = useT();
  const client = useQueryClient();
  const [requestedBy, setRequestedBy] = useState<'client' | 'firm'>('client');
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const terminate = useMutation({
    mutationFn: (body: TerminateBody) =>
      api<Termination>(`/documents/${documentId}/terminate`, { body, idempotent: true }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['billing'] });
      await client.invalidateQueries({ queryKey: ['document'] });
      await client.invalidateQueries({ queryKey: ['engagement', engagementId] });
      onClose();
    },
  });
  const errors = fieldErrors(terminate.error);
  const dateError = endDateError(terminate.error) ?? errors.endDate;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    terminate.mutate({
      requestedBy,
      reason,
      endDate: endDate ?? '',
      agreedOtherwise: agreed,
      reasonConfidential: confidential,
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('termination.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Radio.Group
            label={t('termination.requestedBy')}
            value={requestedBy}
            onChange={(value) => setRequestedBy(value as 'client' | 'firm')}
          >
            <Group mt={4}>
              <Radio value="client" label={t('termination.byClient')} />
              <Radio value="firm" label={t('termination.byFirm')} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('termination.reason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={
              errors.reason ??
              (terminate.error instanceof ApiError &&
              terminate.error.problem.code === 'TERMINATION.REASON_REQUIRED'
                ? terminate.error.message
                : undefined)
            }
            data-autofocus
          />
          <Checkbox
            label={t('termination.confidential')}
            checked={confidential}
            onChange={(event) => setConfidential(event.currentTarget.checked)}
          />
          <DateField
            label={t('termination.endDate')}
            description={t('termination.endDateHint')}
            valueFormat="DD/MM/YYYY"
            required
            value={endDate}
            onChange={(value) => setEndDate(value ? String(value).slice(0, 10) : null)}
            error={dateError}
          />
          <Checkbox
            label={t('termination.agreed')}
            checked={agreed}
            onChange={(event) => setAgreed(event.currentTarget.checked)}
          />
          {terminate.error && !dateError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              <ProblemText error={terminate.error} />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={terminate.isPending}>
              {t('termination.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
