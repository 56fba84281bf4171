import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { SigningView } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { PublicFrame } from './public-frame.tsx';
import { isDeadLink } from './signing-errors.ts';
import { SigningForm, type SigningOutcome } from './signing-form.tsx';
import { SigningSummary } from './signing-summary.tsx';

/** The same words for every link that does not work: expired, used, revoked or never issued. */
export const DeadLinkScreen = () => {
  const t = useT();
  return (
    <PublicFrame>
      <Alert color="gray" title={t('signing.deadTitle')} data-testid="dead-link">
        {t('signing.deadText')}
      </Alert>
    </PublicFrame>
  );
};

const Outcome = ({ view, outcome }: { view: SigningView; outcome: SigningOutcome }) => {
  const t = useT();
  const doc = `${view.document.kindLabel} ${view.document.number}`;
  return (
    <PublicFrame firmName={view.firm.name} accentColor={view.firm.accentColor}>
      {outcome.kind === 'signed' ? (
        <Alert color="teal" title={t('signing.signedTitle')} data-testid="signing-done">
          <Stack gap={4}>
            <Text>{t('signing.signedText')}</Text>
            <Text size="sm">
              {outcome.documentStatus === 'signed'
                ? t('signing.allSigned', { document: doc })
                : t('signing.othersPending', { document: doc })}
            </Text>
          </Stack>
        </Alert>
      ) : (
        <Alert color="orange" title={t('signing.refusedTitle')} data-testid="signing-refused">
          {t('signing.refusedText', { document: doc, firm: view.firm.name })}
        </Alert>
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
    queryFn: () => api<SigningView>(`/public/signing/${token}`),
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
