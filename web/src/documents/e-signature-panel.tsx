import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { DocumentSigning, DocumentView, SigningProgress } from '../api/types.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatInstant } from '../format.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { kindKey } from './labels.ts';

/** A button's words wrap in the narrow side column rather than being cut, with room between lines. */
const WRAP = { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const, lineHeight: 1.3 } };

const WITH_LINKS = ['sent', 'signed', 'refused', 'expired', 'cancelled', 'replaced'];

/**
 * Where one signer stands, in the firm's words: a short state for the badge, and what a badge cannot
 * hold (a refusal's reason, what to do when locked) as a line of text under it.
 */
export const progressText = (
  t: Translate,
  request: SigningProgress,
): { text: string; color: string; detail?: string } => {
  if (request.status === 'signed')
    return { text: t('esign.signedOn', { date: formatInstant(request.completedAt) }), color: 'teal' };
  if (request.status === 'refused')
    return {
      text: t('esign.refused'),
      color: 'red',
      ...(request.refusalReason
        ? { detail: t('esign.refusalReason', { reason: request.refusalReason }) }
        : {}),
    };
  if (request.status === 'locked')
    return { text: t('esign.locked'), color: 'orange', detail: t('esign.lockedHint') };
  if (request.codeVerifiedAt) return { text: t('esign.codeVerified'), color: 'blue' };
  if (request.viewedAt)
    return { text: t('esign.viewedOn', { date: formatInstant(request.viewedAt) }), color: 'blue' };
  return { text: t('esign.pending'), color: 'gray' };
};

const useSigning = (view: DocumentView) => {
  const doc = view.document;
  return useQuery({
    queryKey: ['document', doc.id, 'signing'],
    queryFn: () => api<DocumentSigning>(`/documents/${doc.id}/signing`),
    enabled: WITH_LINKS.includes(doc.status),
    // The sealed copy is made by a job a moment after the last signature: ask until it is there.
    refetchInterval: (query) =>
      doc.status === 'signed' &&
      query.state.data &&
      !query.state.data.sealedCopy &&
      !query.state.data.sealFailure
        ? 1500
        : false,
  });
};

/** The firm's electronic signature, by the associé as themself: the main action on a letter. */
export const SignForFirmButton = ({
  doc,
  onDone,
  size,
}: {
  doc: Pick<DocumentView['document'], 'id' | 'kind' | 'number'>;
  onDone: () => Promise<unknown>;
  size?: 'xs' | 'sm';
}) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const sign = useMutation({
    mutationFn: () =>
      api(`/documents/${doc.id}/signatures`, { body: { side: 'firm', method: 'electronic' } }),
    onSuccess: async () => {
      await onDone();
      close();
    },
  });
  return (
    <>
      <Button color="teal" onClick={open} size={size}>
        {t('esign.signForFirm')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('esign.signForFirm')}>
        <Stack>
          <Text size="sm">
            {t('esign.signForFirmConfirm', { document: `${t(kindKey(doc.kind))} ${doc.number ?? ''}` })}
          </Text>
          {sign.error && (
            <Text c="red" component="div" role="alert">
              <ProblemText error={sign.error} />
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.back')}
            </Button>
            <Button color="teal" onClick={() => sign.mutate()} loading={sign.isPending}>
              {t('esign.signNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
};

const SignerRow = ({ view, request }: { view: DocumentView; request: SigningProgress }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const doc = view.document;
  // A signature can sign the document, create a letter (R-B2) and turn the prospect client (R-A4).
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['document'] });
    await client.invalidateQueries({ queryKey: ['documents'] });
    await client.invalidateQueries({ queryKey: ['engagement', doc.engagementId] });
  };
  const resend = useMutation({
    mutationFn: () =>
      api<{ signerEmail: string }>(`/documents/${doc.id}/signing/${request.side}/resend`, {
        method: 'POST',
      }),
    onSuccess: refresh,
  });
  // Sent to another address: the server revoked the links mailed before.
  const [addressBefore] = useState(request.signerEmail);
  const state = progressText(t, request);
  const isOpen = request.status === 'pending' || request.status === 'locked';
  return (
    <Stack gap={4} data-testid={`esign-${request.side}`}>
      <Text size="sm" fw={500}>
        {t('common.labelValue', { label: t(`signature.side.${request.side}`), value: request.signerName })}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {request.signerEmail}
      </Text>
      <Badge color={state.color} variant="light" style={{ textTransform: 'none' }} maw="100%">
        {state.text}
      </Badge>
      {state.detail && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={`esign-${request.side}-detail`}>
          {state.detail}
        </Text>
      )}
      {request.remindersSent > 0 && (
        <Text size="xs" c="dimmed">
          {t(request.remindersSent === 1 ? 'esign.reminder' : 'esign.reminders', {
            count: request.remindersSent,
            date: formatInstant(request.lastRemindedAt),
          })}
        </Text>
      )}
      {canWrite && isOpen && doc.status === 'sent' && (
        <Button size="xs" variant="light" onClick={() => resend.mutate()} loading={resend.isPending}>
          {t('esign.resend')}
        </Button>
      )}
      {resend.isSuccess && (
        <Text size="xs" c="teal">
          {resend.data.signerEmail.toLowerCase() !== addressBefore.toLowerCase()
            ? t('esign.resentRevoked', { email: resend.data.signerEmail, previous: addressBefore })
            : t('esign.resent')}
        </Text>
      )}
      {resend.error && (
        <Text size="xs" c="red" role="alert">
          {resend.error.message}
        </Text>
      )}
    </Stack>
  );
};

/** The seal failed for good (a certificate, a render): say so, and let the firm try again. */
const SealFailure = ({ documentId, message }: { documentId: string; message: string }) => {
  const t = useT();
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => api(`/documents/${documentId}/signing/seal`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['document', documentId, 'signing'] }),
  });
  return (
    <Alert color="red" title={t('esign.sealFailed')} data-testid="seal-failed">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <Button size="xs" w="fit-content" loading={retry.isPending} onClick={() => retry.mutate()}>
          {t('esign.sealAgain')}
        </Button>
      </Stack>
    </Alert>
  );
};

/** « Signature électronique »: each signer's link, reminders, new links, the sealed signed copy. */
export const ESignaturePanel = ({ view }: { view: DocumentView }) => {
  const t = useT();
  const signing = useSigning(view);
  const doc = view.document;
  if (!signing.data || signing.data.requests.length === 0) return null;
  const sealed = signing.data.sealedCopy;
  return (
    <Card withBorder component="section" aria-labelledby="esign-title" data-testid="esign-panel">
      <Title order={3} size="h5" id="esign-title" mb="xs">
        {t('esign.title')}
      </Title>
      <Stack gap="md">
        {signing.data.requests.map((request) => (
          <SignerRow key={request.side} view={view} request={request} />
        ))}
        {sealed ? (
          <Button
            component="a"
            href={`/api/v1/documents/${doc.id}/signed-pdf`}
            target="_blank"
            rel="noopener"
            variant="filled"
            h="auto"
            py={6}
            styles={WRAP}
            data-testid="signed-copy"
          >
            {t('esign.download')}
          </Button>
        ) : signing.data.sealFailure ? (
          <SealFailure documentId={doc.id} message={signing.data.sealFailure.message} />
        ) : (
          doc.status === 'signed' && (
            <Text size="xs" c="dimmed" data-testid="sealing">
              {t('esign.sealing')}
            </Text>
          )
        )}
        <Anchor component={Link} to={`/courriels?documentId=${doc.id}`} size="sm">
          {t('esign.mails')}
        </Anchor>
      </Stack>
    </Card>
  );
};
