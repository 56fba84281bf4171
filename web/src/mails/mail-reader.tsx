import { Alert, Card, CloseButton, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { MailView } from '../api/types.ts';
import { formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { MailStatusBadge } from './mail-status.tsx';

/**
 * The mail's HTML, shown in a sandbox: no script, no access to the app; its links open in a new
 * tab (the base target) that escapes the sandbox so the signing page works there.
 */
const sandboxed = (html: string) => {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : base + html;
};

const Body = ({ mail }: { mail: MailView }) => {
  const t = useT();
  const [mode, setMode] = useState<'html' | 'text'>(mail.htmlBody ? 'html' : 'text');
  return (
    <Stack gap="xs">
      {mail.htmlBody && mail.textBody && (
        <SegmentedControl
          size="xs"
          w="fit-content"
          value={mode}
          onChange={(value) => setMode(value as 'html' | 'text')}
          data={[
            { value: 'html', label: t('mail.html') },
            { value: 'text', label: t('mail.text') },
          ]}
        />
      )}
      {mode === 'html' && mail.htmlBody ? (
        <iframe
          title={t('mail.bodyOf', { subject: mail.subject })}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={sandboxed(mail.htmlBody)}
          data-testid="mail-html"
          style={{
            width: '100%',
            height: 560,
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 4,
          }}
        />
      ) : (
        <Text
          component="pre"
          size="sm"
          data-testid="mail-text"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', margin: 0 }}
        >
          {mail.textBody ?? ''}
        </Text>
      )}
    </Stack>
  );
};

/** One mail as its recipient gets it. */
export const MailReader = ({ id, onClose }: { id: string; onClose: () => void }) => {
  const t = useT();
  const mail = useQuery({ queryKey: ['mail', id], queryFn: () => api<MailView>(`/mails/${id}`) });
  const card = useRef<HTMLDivElement>(null);
  // A mail chosen low in the list opens above it: bring it into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each newly chosen mail.
  useEffect(() => {
    card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [id]);
  return (
    <Card withBorder component="article" aria-labelledby="mail-subject" ref={card}>
      <QueryState query={mail}>
        {(data) => (
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap" align="start">
              <Title order={3} size="h4" id="mail-subject" style={{ overflowWrap: 'anywhere' }}>
                {data.subject}
              </Title>
              <CloseButton aria-label={t('mail.close')} onClick={onClose} />
            </Group>
            <Group gap="xs" justify="space-between">
              <Text size="sm">{t('mail.toLine', { name: data.toName, address: data.toAddress })}</Text>
              <MailStatusBadge status={data.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {t('mail.createdAt', { date: formatInstant(data.createdAt) })}
              {data.sentAt ? ` — ${t('mail.sentAt', { date: formatInstant(data.sentAt) })}` : ''}
              {data.attachSealedPdf ? ` — ${t('mail.withSignedCopy')}` : ''}
            </Text>
            {data.lastError && (
              <Alert color="red" title={t('mail.lastError')}>
                {data.lastError}
              </Alert>
            )}
            {data.bodyWithheld ? (
              <Alert color="gray" title={t('mail.withheldTitle')} data-testid="mail-withheld">
                {t('mail.withheldText')}
              </Alert>
            ) : (
              <Body key={data.id} mail={data} />
            )}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
};
