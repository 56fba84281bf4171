import { Alert, Button, Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { ApiError } from '../api/client.ts';
import type { SignedLinkView } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { formatInstant, formatInstantAt, formatInstantDay } from '../format.ts';
import { useI18n, useT } from '../i18n/i18n.tsx';
import { PublicFrame } from './public-frame.tsx';

/**
 * The link once its signer has signed (issue 15, item 7): « Document signé » with the date, and the
 * sealed copy to download until the firm's date; while it is being sealed, that it is on its way.
 */
export const SignedLinkScreen = ({ token, view }: { token: string; view: SignedLinkView }) => {
  const { t, language } = useI18n();
  const doc = `${t(kindKey(view.document.kind))} ${view.document.number}`;
  return (
    <PublicFrame firmName={view.firm.name} accentColor={view.firm.accentColor}>
      <Card withBorder padding="lg" role="status" data-testid="already-signed">
        <Stack gap="sm" align="flex-start">
          <ThemeIcon size={44} radius="xl" color="teal" variant="light" aria-hidden>
            <Text fw={700} size="xl" lh={1}>
              ✓
            </Text>
          </ThemeIcon>
          <Title order={1} size="h3">
            {t('signing.alreadySignedTitle')}
          </Title>
          <Text>
            {t('signing.alreadySignedText', {
              document: doc,
              name: view.signer.name,
              date: language === 'fr' ? formatInstantAt(view.signedAt) : formatInstant(view.signedAt),
            })}
          </Text>
          {view.sealedCopy === 'ready' && (
            <>
              <Button
                component="a"
                href={`/api/v1/public/signing/${token}/signed-copy`}
                size="lg"
                data-testid="download-signed-copy"
              >
                {t('signing.downloadSignedCopy')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('signing.accessUntil', { date: formatInstantDay(view.accessUntil), firm: view.firm.name })}
              </Text>
            </>
          )}
          {view.sealedCopy === 'preparing' && <Text c="dimmed">{t('signing.copyPreparing')}</Text>}
          {view.sealedCopy === 'awaiting_signatures' && <Text c="dimmed">{t('signing.copyLater')}</Text>}
        </Stack>
      </Card>
    </PublicFrame>
  );
};

/** The link's access to the signed copy is over: whom to ask, with the firm's contact when known. */
export const isAccessEnded = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.problem.code === 'SIGNING.ACCESS_ENDED';

export const AccessEndedScreen = ({ error }: { error: ApiError }) => {
  const t = useT();
  const firm = (error.problem.details?.firm ?? {}) as {
    name?: string;
    email?: string | null;
    phone?: string | null;
  };
  const endedAt = error.problem.details?.endedAt as string | undefined;
  const contact = [firm.email, firm.phone].filter(Boolean).join(' · ');
  return (
    <PublicFrame firmName={firm.name}>
      <Alert color="gray" title={t('signing.accessEndedTitle')} role="status" data-testid="access-ended">
        <Stack gap="xs">
          <Text>
            {t('signing.accessEndedText', { date: formatInstantDay(endedAt), firm: firm.name ?? '—' })}
          </Text>
          {contact && <Text fw={600}>{contact}</Text>}
        </Stack>
      </Alert>
    </PublicFrame>
  );
};
