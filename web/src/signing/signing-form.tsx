import {
  Alert,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../api/client.ts';
import type { SigningView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CodeStep, HINT, LABEL } from './code-step.tsx';
import { SignaturePad } from './signature-pad.tsx';
import { signingErrors } from './signing-errors.ts';

export type SigningOutcome =
  | { kind: 'signed'; documentStatus: string; signedSides: string[] }
  | { kind: 'refused' };

const Step = ({ n, title, children }: { n: number; title: string; children: ReactNode }) => (
  <Stack gap="xs" component="section" aria-label={title}>
    <Title order={2} size="h4">
      {n}. {title}
    </Title>
    {children}
  </Stack>
);

const RefuseForm = ({
  token,
  onDone,
  onCancel,
}: {
  token: string;
  onDone: (outcome: SigningOutcome) => void;
  onCancel: () => void;
}) => {
  const { t, language } = useI18n();
  const [reason, setReason] = useState('');
  const refuse = useMutation({
    mutationFn: () => api(`/public/signing/${token}/refuse`, { body: { reason } }),
    onSuccess: () => onDone({ kind: 'refused' }),
  });
  const errors = signingErrors(refuse.error, language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refuse.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('signing.refuseReason')}
          description={t('signing.refuseHint')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            // An error once fixed goes away: the signer is not left reading it while typing.
            if (refuse.error) refuse.reset();
          }}
          // Refusing needs the verified code too: its refusal is shown here, where the button was pressed.
          error={errors.reason ?? errors.form ?? errors.code}
          data-autofocus
        />
        <Group grow preventGrowOverflow={false} wrap="wrap">
          <Button variant="default" size="lg" onClick={onCancel}>
            {t('signing.keepSigning')}
          </Button>
          <Button type="submit" color="red" size="lg" loading={refuse.isPending}>
            {t('signing.confirmRefusal')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** The three steps (consent, code, name), then « Signer »; or « Refuser » with a reason. */
export const SigningForm = ({
  token,
  view,
  onDone,
}: {
  token: string;
  view: SigningView;
  onDone: (outcome: SigningOutcome) => void;
}) => {
  const { t, language } = useI18n();
  const [consent, setConsent] = useState(false);
  const [verified, setVerified] = useState(view.code.verified);
  const [typedName, setTypedName] = useState('');
  const [drawing, setDrawing] = useState<string | null>(null);
  const [refusing, setRefusing] = useState(false);
  const sign = useMutation({
    mutationFn: () =>
      api<{ documentStatus: string; signedSides: string[] }>(`/public/signing/${token}/sign`, {
        body: { consent, typedName, ...(drawing ? { drawingPngBase64: drawing } : {}) },
      }),
    onSuccess: (answer) => onDone({ kind: 'signed', ...answer }),
  });
  const errors = signingErrors(sign.error, language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sign.mutate();
  };
  return (
    <Card withBorder>
      <Stack gap="lg">
        <Text size="sm">{t('signing.intro', { name: view.signer.name })}</Text>
        <Step n={1} title={t('signing.step1')}>
          <Checkbox
            size="md"
            // The exact words the trail records with the consent (their French version, the one kept).
            label={language === 'fr' ? view.consent.text : t('signing.consent')}
            description={
              language === 'fr' ? undefined : t('signing.consentRecorded', { text: view.consent.text })
            }
            checked={consent}
            onChange={(event) => {
              setConsent(event.currentTarget.checked);
              if (errors.consent) sign.reset();
            }}
            error={errors.consent}
            styles={{
              body: { alignItems: 'flex-start' },
              label: { fontSize: 'var(--mantine-font-size-md)' },
            }}
          />
        </Step>
        <Step n={2} title={t('signing.step2')}>
          <CodeStep
            token={token}
            view={view}
            verified={verified}
            onVerified={() => {
              setVerified(true);
              if (errors.code) sign.reset();
            }}
            outsideError={errors.code}
          />
        </Step>
        <form onSubmit={submit} noValidate>
          <Step n={3} title={t('signing.step3')}>
            <TextInput
              size="lg"
              label={t('signing.typedName')}
              description={t('signing.typedNameHint', { name: view.signer.name })}
              autoComplete="name"
              styles={{ label: LABEL, description: HINT }}
              value={typedName}
              onChange={(event) => {
                setTypedName(event.currentTarget.value);
                if (errors.typedName || errors.form) sign.reset();
              }}
              error={errors.typedName}
            />
            <SignaturePad
              onChange={(value) => {
                setDrawing(value);
                if (errors.drawing) sign.reset();
              }}
              error={errors.drawing}
            />
            {errors.form && (
              <Alert color="red" role="alert">
                {errors.form}
              </Alert>
            )}
            <Button type="submit" size="xl" loading={sign.isPending} fullWidth>
              {t('signing.sign')}
            </Button>
          </Step>
        </form>
        <Divider />
        {refusing ? (
          <RefuseForm token={token} onDone={onDone} onCancel={() => setRefusing(false)} />
        ) : (
          <Button variant="subtle" color="red" size="lg" onClick={() => setRefusing(true)} fullWidth>
            {t('signing.refuse')}
          </Button>
        )}
      </Stack>
    </Card>
  );
};
