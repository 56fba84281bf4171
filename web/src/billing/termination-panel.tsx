import { Alert, Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { DocumentView } from '../api/types.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useTerminations } from './queries.ts';
import { TerminationModal } from './termination-modal.tsx';

const LETTER_KINDS = ['engagement_letter', 'replacement_letter'];

/**
 * R-G1 on a letter's page: « Résiliée au … » once terminated; for a signed letter still in force,
 * the action that opens the termination dialog (writers only).
 */
export const TerminationPanel = ({ view }: { view: DocumentView }) => {
  const t = useT();
  const doc = view.document;
  const canWrite = useCanWrite();
  const [open, setOpen] = useState(false);
  const isLetter = LETTER_KINDS.includes(doc.kind) && doc.status === 'signed';
  const terminations = useTerminations(isLetter ? doc.engagementId : '');
  if (!isLetter || !terminations.data) return null;
  const termination = terminations.data.find((item) => item.letterId === doc.id);
  if (termination)
    return (
      <Alert color="orange" title={t('termination.ended', { date: formatDay(termination.endDate) })}>
        <Text size="sm">
          {t(termination.requestedBy === 'client' ? 'termination.askedByClient' : 'termination.askedByFirm', {
            reason: termination.reason,
          })}
        </Text>
      </Alert>
    );
  if (!canWrite || doc.replacedAt) return null;
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('termination.action')}
      </Button>
      {open && (
        <TerminationModal
          documentId={doc.id}
          engagementId={doc.engagementId}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
