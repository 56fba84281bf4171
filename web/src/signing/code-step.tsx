import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { SigningView } from '../api/types.ts';
import { type Translate, useI18n } from '../i18n/i18n.tsx';
import { attemptsLeftOf, signingErrors } from './signing-errors.ts';

/** The API refuses a new code within a minute of the last one (SIGNING.TOO_MANY_REQUESTS). */
const RESEND_AFTER_MS = 60_000;

type Props = {
  token: string;
  view: SigningView;
  verified: boolean;
  onVerified: () => void;
  /** An error about the code that came from another step (signing without a verified code). */
  outsideError?: string;
};

/** Seconds left until `at`, counted from now (not from the first render: a code sent later waits 60 s, not more). */
const useSecondsUntil = (at: number | null) => {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (at === null || at <= Date.now()) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - Date.now()) / 1000));
};

/** A large field for the thumb, with a label (and hint) no louder than the step's title above it. */
export const LABEL = { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 };
export const HINT = { fontSize: 'var(--mantine-font-size-sm)' };

const attemptsText = (t: Translate, left: number) =>
  left === 0
    ? t('signing.noAttemptLeft')
    : t(left === 1 ? 'signing.attemptLeft' : 'signing.attemptsLeft', { count: left });

/** Step 2: a six-digit code sent by SMS (when the firm gave a mobile) or by e-mail, typed back; a new one after a minute. */
export const CodeStep = ({ token, view, verified, onVerified, outsideError }: Props) => {
  const { t, language } = useI18n();
  const [channel, setChannel] = useState(view.code.channel ?? 'email');
  const [sentTo, setSentTo] = useState(
    view.code.sentAt
      ? view.code.channel === 'sms'
        ? view.signer.maskedMobile
        : view.signer.maskedEmail
      : null,
  );
  const [sentAt, setSentAt] = useState(view.code.sentAt ? new Date(view.code.sentAt).getTime() : null);
  const [code, setCode] = useState('');
  const wait = useSecondsUntil(sentAt === null ? null : sentAt + RESEND_AFTER_MS);
  const send = useMutation({
    // Issue 15: after an SMS that failed, the signer asks for the code by e-mail.
    mutationFn: (asked?: 'email') =>
      api<{ sentTo: string; channel: 'email' | 'sms'; expiresAt: string }>(`/public/signing/${token}/code`, {
        method: 'POST',
        ...(asked ? { body: { channel: asked } } : {}),
      }),
    onSuccess: (answer) => {
      setSentTo(answer.sentTo);
      setChannel(answer.channel);
      setSentAt(Date.now());
      setCode('');
      verify.reset();
    },
  });
  const verify = useMutation({
    mutationFn: () => api(`/public/signing/${token}/code/verify`, { body: { code } }),
    onSuccess: onVerified,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  if (verified)
    return (
      <Alert color="teal" data-testid="code-verified">
        {t('signing.codeVerified')}
      </Alert>
    );
  const left = attemptsLeftOf(verify.error);
  const verifyErrors = signingErrors(verify.error, language);
  const codeError = verifyErrors.code ?? verifyErrors.form ?? outsideError ?? undefined;
  const sendErrors = signingErrors(send.error, language);
  const sendError = sendErrors.code ?? sendErrors.form;
  const smsFailed = send.error instanceof ApiError && send.error.problem.code === 'SIGNING.SMS_FAILED';
  return (
    <Stack gap="sm">
      {sentTo === null ? (
        <Button size="lg" onClick={() => send.mutate()} loading={send.isPending} fullWidth>
          {t('signing.requestCode')}
        </Button>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" data-testid="code-sent">
              {channel === 'sms'
                ? t('signing.codeSentBySms', { mobile: sentTo })
                : t('signing.codeSentTo', { email: sentTo })}
            </Text>
            <TextInput
              label={t('signing.codeLabel')}
              size="lg"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
              error={codeError && (left === undefined ? codeError : `${codeError} ${attemptsText(t, left)}`)}
              styles={{
                label: LABEL,
                input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' },
              }}
            />
            <Group grow preventGrowOverflow={false} wrap="wrap">
              <Button type="submit" size="lg" loading={verify.isPending}>
                {t('signing.verifyCode')}
              </Button>
              <Button
                variant="default"
                size="lg"
                onClick={() => send.mutate()}
                loading={send.isPending}
                disabled={wait > 0}
              >
                {wait > 0 ? t('signing.resendIn', { seconds: wait }) : t('signing.resendCode')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {sendError && (
        <Text size="sm" c="red" role="alert">
          {sendError}
        </Text>
      )}
      {smsFailed && (
        <Button variant="default" onClick={() => send.mutate('email')} loading={send.isPending}>
          {t('signing.codeByEmail')}
        </Button>
      )}
      {sentTo === null && outsideError && (
        <Text size="sm" c="red" role="alert">
          {outsideError}
        </Text>
      )}
    </Stack>
  );
};
