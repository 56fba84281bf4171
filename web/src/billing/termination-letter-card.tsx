import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { SendDialog } from '../documents/send-dialog.tsx';
import { StatusBadge } from '../documents/status-badge.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';
import { refreshTermination } from './queries.ts';
import { RegisteredMailModal } from './registered-mail-modal.tsx';
import type { Termination } from './types.ts';

/** The registered letter's number and day, once the letter of termination was posted that way. */
export const RegisteredLine = ({ termination }: { termination: Termination }) => {
  const t = useT();
  if (!termination.registeredMailNumber || !termination.registeredMailSentOn) return null;
  return (
    <Text size="sm" data-testid="registered-mail">
      {t('termination.registeredLine', {
        number: termination.registeredMailNumber,
        date: formatDay(termination.registeredMailSentOn),
      })}
    </Text>
  );
};

/**
 * R-G1: the letter of termination of a termination, with its status and what can be done with it:
 * its PDF, sending it for signature, or recording it was posted as a registered letter. A
 * termination without a letter (recorded before it existed, or its letter cancelled) prepares one.
 */
export const TerminationLetterCard = ({
  termination,
  canWrite,
}: {
  termination: Termination;
  canWrite: boolean;
}) => {
  const t = useT();
  const client = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const [sending, setSending] = useState(false);
  const refresh = () => refreshTermination(client);
  const prepare = useMutation({
    mutationFn: () =>
      api<Termination>(`/terminations/${termination.id}/letter`, { body: {}, idempotent: true }),
    onSuccess: refresh,
    onError: notifyError,
  });
  const letter = termination.terminationDocument;
  if (!letter || letter.status === 'cancelled')
    return (
      <Stack gap={4}>
        <Text size="sm">{t('termination.letterNone')}</Text>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            onClick={() => prepare.mutate()}
            loading={prepare.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('termination.prepareLetter')}
          </Button>
        )}
      </Stack>
    );
  return (
    <Stack gap={6} data-testid="termination-letter">
      <Group gap="xs">
        <Anchor component={Link} to={`/documents/${letter.id}`} size="sm">
          {t('kind.termination_letter')} {letter.number ?? ''}
        </Anchor>
        <StatusBadge status={letter.status} />
      </Group>
      <RegisteredLine termination={termination} />
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          component="a"
          href={`/api/v1/documents/${letter.id}/pdf`}
          target="_blank"
          rel="noopener"
        >
          {t('termination.viewPdf')}
        </Button>
        {canWrite && letter.status === 'draft' && (
          <>
            <Button size="xs" onClick={() => setSending(true)}>
              {t('termination.sendForSignature')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setRegistering(true)}>
              {t('termination.registered')}
            </Button>
          </>
        )}
      </Group>
      {registering && <RegisteredMailModal documentId={letter.id} onClose={() => setRegistering(false)} />}
      {sending && (
        <SendDialog
          doc={{ id: letter.id, kind: 'termination_letter', engagementId: termination.engagementId }}
          version={letter.version}
          onClose={() => {
            setSending(false);
            void refresh();
          }}
        />
      )}
    </Stack>
  );
};
