import { Alert, Card, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { LinkView, SigningView } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { useT } from '../i18n/i18n.tsx';
import { PublicFrame } from './public-frame.tsx';
import { AccessEndedScreen, isAccessEnded, SignedLinkScreen } from './signed-link-screen.tsx';
import { isDeadLink } from './signing-errors.ts';
import { SigningForm, type SigningOutcome } from './signing-form.tsx';
import { SigningSummary } from './signing-summary.tsx';

/** The same words for every link that does not work: expired, used, revoked or never issued. */
/** A closing screen: a mark, a heading of its own (the page's h1), and what happens next. */
const EndCard = ({
  mark,
  color,
  title,
  testId,
  children,
}: {
  mark: string;
  color: string;
  title: string;
  testId: string;
  children: ReactNode;
}) => (
  <Card withBorder padding="lg" role="status" data-testid={testId}>
    <Stack gap="sm" align="flex-start">
      <ThemeIcon size={44} radius="xl" color={color} variant="light" aria-hidden>
        <Text fw={700} size="xl" lh={1}>
          {mark}
        </Text>
      </ThemeIcon>
      <Title order={1} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  </Card>
);

export const DeadLinkScreen = () => {
  const t = useT();
  return (
    <PublicFrame>
      <EndCard mark="!" color="gray" title={t('signing.deadTitle')} testId="dead-link">
        <Text>{t('signing.deadText')}</Text>
      </EndCard>
    </PublicFrame>
  );
};

/** A sentence with the document's name in one piece: « OS-2026-0008 » never breaks at its hyphen. */
const WithDocument = ({ text, view }: { text: string; view: SigningView }) => {
  const t = useT();
  const [before, after] = text.split(SLOT);
  return (
    <Text>
      {before}
      {t(kindKey(view.document.kind))} <span style={{ whiteSpace: 'nowrap' }}>{view.document.number}</span>
      {after}
    </Text>
  );
};
const SLOT = '\u0000';

const Outcome = ({ view, outcome }: { view: SigningView; outcome: SigningOutcome }) => {
  const t = useT();
  const doc = SLOT;
  return (
    <PublicFrame firmName={view.firm.name} accentColor={view.firm.accentColor}>
      {outcome.kind === 'signed' ? (
        <EndCard mark="✓" color="teal" title={t('signing.signedTitle')} testId="signing-done">
          <WithDocument
            view={view}
            text={
              outcome.documentStatus === 'signed'
                ? t('signing.allSigned', { document: doc })
                : t('signing.othersPending', { document: doc })
            }
          />
          <Text size="sm" c="dimmed">
            {outcome.documentStatus === 'signed' ? t('signing.copyComing') : t('signing.copyLater')}
          </Text>
        </EndCard>
      ) : (
        <EndCard mark="×" color="orange" title={t('signing.refusedTitle')} testId="signing-refused">
          <WithDocument
            view={view}
            text={t('signing.refusedText', { document: doc, firm: view.firm.name })}
          />
        </EndCard>
      )}
    </PublicFrame>
  );
};

/** /signer/:token — a signer's personal link: read, consent, code, name, sign (or refuse). */
export const SigningPage = () => {
  const t = useT();
  const { token = '' } = useParams();
  const [outcome, setOutcome] = useState<SigningOutcome | null>(null);
  const view = useQuery({
    queryKey: ['signing', token],
    queryFn: () => api<LinkView>(`/public/signing/${token}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (view.isPending)
    return (
      <PublicFrame>
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </PublicFrame>
    );
  if (view.isError && isAccessEnded(view.error)) return <AccessEndedScreen error={view.error} />;
  if (view.isError)
    return isDeadLink(view.error) ? (
      <DeadLinkScreen />
    ) : (
      <PublicFrame>
        <Alert color="red" role="alert" title={t('common.error')}>
          {view.error.message}
        </Alert>
      </PublicFrame>
    );
  // Came back after signing: « Document signé », and the sealed copy while the firm allows it.
  if (view.data.state === 'signed') return <SignedLinkScreen token={token} view={view.data} />;
  if (outcome) return <Outcome view={view.data} outcome={outcome} />;
  return (
    <PublicFrame firmName={view.data.firm.name} accentColor={view.data.firm.accentColor}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('signing.pageTitle')}
        </Text>
        <SigningSummary token={token} view={view.data} />
        <SigningForm token={token} view={view.data} onDone={setOutcome} />
      </Stack>
    </PublicFrame>
  );
};
