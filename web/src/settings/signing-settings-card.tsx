import { Alert, Button, Card, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Firm } from '../api/types.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';

/** "3, 7" → [3, 7]; undefined when a part is not a whole number. */
export const parseDays = (text: string): number[] | undefined => {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((part) => /^\d+$/.test(part))) return undefined;
  return parts.map(Number);
};

/** The first message the API gave about a field or any of its items (signatureReminderDays.1). */
const errorOf = (errors: Record<string, string>, name: string) =>
  Object.entries(errors).find(([key]) => key === name || key.startsWith(`${name}.`))?.[1];

/** E-signature settings: how long a link stays valid, and on which days signers are reminded. */
export const SigningSettingsCard = ({ firm }: { firm: Firm }) => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const [days, setDays] = useState(firm.signatureReminderDays.join(', '));
  const [period, setPeriod] = useState<number | string>(firm.signingPeriodDays);
  const [access, setAccess] = useState<number | string>(firm.signedCopyAccessDays);
  const [localError, setLocalError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (reminders: number[]) =>
      api<Firm>('/firm', {
        method: 'PATCH',
        body: {
          version: firm.version,
          signatureReminderDays: reminders,
          signingPeriodDays: Number(period),
          signedCopyAccessDays: Number(access),
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['firm'] }),
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reminders = parseDays(days);
    setLocalError(reminders ? undefined : t('firm.reminderDaysInvalid'));
    if (reminders) save.mutate(reminders);
  };
  const daysError = localError ?? errorOf(errors, 'signatureReminderDays');
  const periodError = errorOf(errors, 'signingPeriodDays');
  const accessError = errorOf(errors, 'signedCopyAccessDays');
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="esign-settings-title">
      <Stack>
        <Title order={3} size="h4" id="esign-settings-title">
          {t('firm.esign')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('firm.signingPeriodDays')}
            description={t('firm.signingPeriodHint')}
            min={1}
            max={365}
            allowDecimal={false}
            value={period}
            onChange={setPeriod}
            readOnly={!isAssocie}
            error={periodError}
          />
          <TextInput
            label={t('firm.reminderDays')}
            description={t('firm.reminderDaysHint')}
            value={days}
            onChange={(event) => setDays(event.currentTarget.value)}
            readOnly={!isAssocie}
            error={daysError}
          />
          <NumberInput
            label={t('firm.signedCopyAccessDays')}
            description={t('firm.signedCopyAccessHint')}
            min={1}
            max={3650}
            allowDecimal={false}
            value={access}
            onChange={setAccess}
            readOnly={!isAssocie}
            error={accessError}
          />
        </SimpleGrid>
        {save.error && !daysError && !periodError && !accessError && (
          <Alert color="red">{save.error.message}</Alert>
        )}
        {save.isSuccess && <Alert color="teal">{t('firm.saved')}</Alert>}
        {isAssocie && (
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('editor.save')}
          </Button>
        )}
      </Stack>
    </Card>
  );
};
