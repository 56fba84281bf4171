import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DocumentView } from '../api/types.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useTerminations } from './queries.ts';
import { TerminationLetterCard } from './termination-letter-card.tsx';
import { TerminationModal } from './termination-modal.tsx';
import type { Termination } from './types.ts';

const LETTER_KINDS = ['engagement_letter', 'replacement_letter'];

/** The query parameter the notice-deadline list adds to open the termination dialog at once. */
export const TERMINATE_PARAM = 'terminer';

const EndedAlert = ({ termination, canWrite }: { termination: Termination; canWrite: boolean }) => {
  const t = useT();
  return (
    <Alert color="orange" title={t('termination.ended', { date: formatDay(termination.endDate) })}>
      <Stack gap="xs">
        <Text size="sm">
          {t(termination.requestedBy === 'client' ? 'termination.askedByClient' : 'termination.askedByFirm', {
            reason: termination.reason,
          })}
        </Text>
        <TerminationLetterCard termination={termination} canWrite={canWrite} />
      </Stack>
    </Alert>
  );
};

/**
 * R-G1 on a letter's page: « Résiliée au … » once terminated, with its letter of termination; for a
 * signed letter still in force, the action that opens the termination dialog (writers only), opened
 * at once when the notice-deadline list links here. On the letter of termination's own page: the
 * letter it ends, and its registered posting.
 */
export const TerminationPanel = ({ view }: { view: DocumentView }) => {
  const t = useT();
  const doc = view.document;
  const canWrite = useCanWrite();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(params.get(TERMINATE_PARAM) !== null);
  const isLetter = LETTER_KINDS.includes(doc.kind) && doc.status === 'signed';
  const isTerminationLetter = doc.kind === 'termination_letter';
  const terminations = useTerminations(isLetter || isTerminationLetter ? doc.engagementId : '');
  if (!terminations.data) return null;
  if (isTerminationLetter) {
    const termination = terminations.data.find((item) => item.terminationDocumentId === doc.id);
    if (!termination) return null;
    return (
      <Alert color="orange" title={t('termination.ended', { date: formatDay(termination.endDate) })}>
        <Stack gap="xs">
          <Anchor component={Link} to={`/documents/${termination.letterId}`} size="sm">
            {t('termination.openTerminated')}
          </Anchor>
          <TerminationLetterCard termination={termination} canWrite={canWrite} />
        </Stack>
      </Alert>
    );
  }
  if (!isLetter) return null;
  const termination = terminations.data.find((item) => item.letterId === doc.id);
  if (termination) return <EndedAlert termination={termination} canWrite={canWrite} />;
  if (!canWrite || doc.replacedAt) return null;
  const close = () => {
    setOpen(false);
    if (params.has(TERMINATE_PARAM)) {
      params.delete(TERMINATE_PARAM);
      setParams(params, { replace: true });
    }
  };
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('termination.action')}
      </Button>
      {open && <TerminationModal documentId={doc.id} engagementId={doc.engagementId} onClose={close} />}
    </>
  );
};
