import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { kindPolicy } from '../../../src/domain/documents/kinds.ts';
import { api } from '../api/client.ts';
import type { DocumentView, LettrineDocument } from '../api/types.ts';
import { useCanWrite, useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';
import { SignForFirmButton } from './e-signature-panel.tsx';
import { ReasonButton } from './reason-button.tsx';
import { SendDialog } from './send-dialog.tsx';
import { SignatureButton } from './signature-button.tsx';

/**
 * The commands the lifecycle allows now (availableActions of the API), for those who may write.
 * `editing`: the draft's editor is on the page, and previews and sends what it shows.
 */
export const DocumentActions = ({ view, editing = false }: { view: DocumentView; editing?: boolean }) => {
  const t = useT();
  const [sending, setSending] = useState(false);
  const doc = view.document;
  const canWrite = useCanWrite();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const navigate = useNavigate();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['document'] });
    await client.invalidateQueries({ queryKey: ['documents'] });
    await client.invalidateQueries({ queryKey: ['engagement', doc.engagementId] });
  };
  const command = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api<LettrineDocument>(`/documents/${doc.id}/${path}`, { body: body ?? {} }),
    onSuccess: refresh,
    onError: (error) => notifyError(error),
  });
  const duplicate = useMutation({
    mutationFn: () => api<LettrineDocument>(`/documents/${doc.id}/duplicate`, { body: {}, idempotent: true }),
    onSuccess: async (copy) => {
      await refresh();
      navigate(`/documents/${copy.id}`);
    },
    onError: (error) => notifyError(error),
  });
  const can = (action: DocumentView['availableActions'][number]) =>
    canWrite && view.availableActions.includes(action);
  const missingSides = view.requiredSignatures.filter(
    (side) => !view.signatures.some((s) => s.side === side),
  );
  return (
    <Group gap="xs">
      {sending && <SendDialog doc={doc} version={doc.version} onClose={() => setSending(false)} />}
      {!editing && (
        <Button
          component="a"
          variant="default"
          href={`/api/v1/documents/${doc.id}/pdf`}
          target="_blank"
          rel="noopener"
        >
          {doc.status === 'draft' ? t('action.previewPdf') : t('action.pdf')}
        </Button>
      )}
      {can('send') &&
        !editing &&
        (kindPolicy(doc.kind).linesAreChanges || kindPolicy(doc.kind).drawnFromTermination) && (
          <Button onClick={() => setSending(true)}>{t('action.send')}</Button>
        )}
      {can('sign') && isAssocie && missingSides.includes('firm') && (
        <SignForFirmButton doc={doc} onDone={refresh} />
      )}
      {can('sign') && missingSides.length > 0 && (
        <SignatureButton view={view} sides={missingSides} onDone={refresh} />
      )}
      {can('refuse') && (
        <ReasonButton
          label={t('action.refuse')}
          reasonLabel={t('action.refuseReason')}
          required
          onConfirm={(reason) => command.mutateAsync({ path: 'refuse', body: { reason } })}
        />
      )}
      {can('cancel') && (
        <ReasonButton
          label={t('action.cancel')}
          reasonLabel={t('action.cancelReason')}
          color="red"
          onConfirm={(reason) => command.mutateAsync({ path: 'cancel', body: { reason: reason || null } })}
        />
      )}
      {canWrite && !kindPolicy(doc.kind).linesAreChanges && !kindPolicy(doc.kind).drawnFromTermination && (
        <Button variant="default" onClick={() => duplicate.mutate()} loading={duplicate.isPending}>
          {t('action.duplicate')}
        </Button>
      )}
    </Group>
  );
};
