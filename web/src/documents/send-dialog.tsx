import { Alert, Anchor, Badge, Box, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { LettrineDocument, SendPreview } from '../api/types.ts';
import { formatInstantDay } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { kindKey } from './labels.ts';

/** documents.schemas.ts PERSONAL_MESSAGE_MAX (a value: the web imports the schemas' types only). */
const PERSONAL_MESSAGE_MAX = 2000;

type Props = {
  doc: Pick<LettrineDocument, 'id' | 'kind' | 'engagementId'>;
  /** The version just saved: the one the user sees, and the one sent. */
  version: number;
  /** What the page adds to the send request (the client signer's mobile). */
  extra?: Record<string, unknown>;
  onClose: () => void;
};

const Recipients = ({ preview }: { preview: SendPreview }) => {
  const t = useT();
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {preview.recipients.map((recipient) => (
        <Group key={recipient.side} gap="xs" component="li" data-testid="send-recipient">
          <Badge variant="light" color={recipient.side === 'client' ? 'grape' : 'gray'}>
            {t(`send.side.${recipient.side}` as MessageKey)}
          </Badge>
          <Text size="sm" fw={500}>
            {recipient.name}
          </Text>
          <Text size="sm" c={recipient.byEmail ? undefined : 'orange.9'}>
            {recipient.byEmail ? recipient.email : t('send.onPaper')}
          </Text>
        </Group>
      ))}
    </Stack>
  );
};

const MailPreview = ({ mail }: { mail: SendPreview['mail'] }) => {
  const t = useT();
  if (!mail) return <Text size="sm">{t('send.noMail')}</Text>;
  return (
    <Box data-testid="send-mail" p="sm" bg="gray.0" style={{ borderRadius: 4 }}>
      <Text size="sm">
        <strong>{t('send.mailTo')}</strong> : {mail.to}
      </Text>
      <Text size="sm" mb="xs">
        <strong>{t('send.mailSubject')}</strong> : {mail.subject}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {mail.text}
      </Text>
    </Box>
  );
};

const sentNames = (preview: SendPreview | undefined, byEmail: boolean) =>
  (preview?.recipients ?? [])
    .filter((recipient) => recipient.byEmail === byEmail)
    .map((recipient) => (byEmail ? `${recipient.name} (${recipient.email})` : recipient.name))
    .join(', ');

/**
 * Issue 18: sending is deliberate. Before a legal document is numbered, frozen and mailed, the
 * dialog shows who receives it, the client's mail with the sender's own message, and the PDF; the
 * user confirms, and reads what was done.
 */
export const SendDialog = ({ doc, version, extra, onClose }: Props) => {
  const t = useT();
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const [showPdf, setShowPdf] = useState(false);
  const [debounced] = useDebouncedValue(message.trim(), 400);
  const preview = useQuery({
    queryKey: ['document', doc.id, 'send-preview', version, debounced],
    // POST: the message stays out of the URL (and of request logs); nothing is written.
    queryFn: () =>
      api<SendPreview>(`/documents/${doc.id}/send-preview`, {
        method: 'POST',
        body: debounced ? { message: debounced } : {},
      }),
    placeholderData: keepPreviousData,
  });
  const send = useMutation({
    mutationFn: () =>
      api<LettrineDocument>(`/documents/${doc.id}/send`, {
        body: { version, ...extra, ...(message.trim() ? { message: message.trim() } : {}) },
      }),
  });
  const close = async () => {
    onClose();
    if (!send.isSuccess) return;
    await client.invalidateQueries({ queryKey: ['documents'] });
    await client.invalidateQueries({ queryKey: ['document', doc.id] });
    await client.invalidateQueries({ queryKey: ['engagement', doc.engagementId] });
  };
  const pdf = `/api/v1/documents/${doc.id}/pdf?as=sent&version=${version}`;
  const invited = sentNames(preview.data, true);
  const onPaper = sentNames(preview.data, false);
  return (
    <Modal opened onClose={close} size="xl" title={t('send.title', { document: t(kindKey(doc.kind)) })}>
      {send.isSuccess ? (
        <Stack>
          <Alert color="teal" title={t('send.successTitle')} role="status">
            <Text size="sm">{t('send.success', { number: send.data.number ?? '' })}</Text>
            {invited && <Text size="sm">{t('send.successInvited', { names: invited })}</Text>}
            {onPaper && <Text size="sm">{t('send.successPaper', { names: onPaper })}</Text>}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {t('send.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <QueryState query={preview}>
            {(data) => (
              <Stack gap="md">
                <Stack gap={4}>
                  <Title order={3} size="h5">
                    {t('send.recipients')}
                  </Title>
                  <Recipients preview={data} />
                  <Text size="sm" c="dimmed">
                    {t('send.deadline', { date: formatInstantDay(data.signingDeadline) })}
                  </Text>
                </Stack>
                <Textarea
                  label={t('send.message')}
                  description={t('send.messageHint')}
                  value={message}
                  onChange={(event) => setMessage(event.currentTarget.value)}
                  maxLength={PERSONAL_MESSAGE_MAX}
                  autosize
                  minRows={3}
                  maxRows={8}
                  data-autofocus
                />
                <Text size="xs" c="dimmed" ta="right" mt={-12}>
                  {t('send.messageCount', { count: message.length, max: PERSONAL_MESSAGE_MAX })}
                </Text>
                <Stack gap={4}>
                  <Title order={3} size="h5">
                    {t('send.mail')}
                  </Title>
                  <MailPreview mail={data.mail} />
                </Stack>
                <Stack gap={4}>
                  <Title order={3} size="h5">
                    {t('send.pdf')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('send.pdfHint')}
                  </Text>
                  <Group gap="md">
                    <Anchor href={pdf} target="_blank" rel="noopener" size="sm">
                      {t('send.openPdf')}
                    </Anchor>
                    {/* Rendered on demand: a PDF rendering is the heaviest request of the app. */}
                    <Button variant="subtle" size="compact-sm" onClick={() => setShowPdf((shown) => !shown)}>
                      {showPdf ? t('send.hidePdf') : t('send.showPdf')}
                    </Button>
                  </Group>
                  {showPdf && (
                    <iframe
                      title={t('send.pdfFrame')}
                      src={pdf}
                      style={{ width: '100%', height: 420, border: '1px solid #dee2e6' }}
                    />
                  )}
                </Stack>
              </Stack>
            )}
          </QueryState>
          {send.error && (
            <Alert color="red" role="alert" title={t('common.error')}>
              <ProblemText error={send.error} />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!preview.data}>
              {t('send.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};
