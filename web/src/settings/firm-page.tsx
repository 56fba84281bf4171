import { Alert, Button, Card, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useFirm } from '../api/queries.ts';
import type { Firm } from '../api/types.ts';
import { useIsAssocie } from '../auth/session.tsx';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { VigilanceSettingsCard } from '../vigilance/settings-card.tsx';
import { BrandingCard } from './branding-card.tsx';
import { LetterSettingsCard } from './letter-settings-card.tsx';
import { SealIdentityCard } from './seal-identity-card.tsx';
import { SigningSettingsCard } from './signing-settings-card.tsx';

/** What a letter must say of the firm (DOMAIN.md): its legal identity, edited by an associé. */
const FIELDS = [
  'name',
  'legalForm',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'phone',
  'email',
  'siren',
  'rcs',
  'vatNumber',
  'ordreCouncil',
  'insurer',
  'insuranceCoverage',
  'clientCodePrefix',
] as const;
type FieldName = (typeof FIELDS)[number] | 'consumerMediator';

/** An emptied field is cleared (null); the name and the client code prefix cannot be, so they are left out. */
const toBody = (values: Record<FieldName, string>) =>
  Object.fromEntries(
    Object.entries(values).flatMap(([name, value]): [string, string | null][] => {
      const trimmed = value.trim();
      if (trimmed) return [[name, trimmed]];
      return name === 'name' || name === 'clientCodePrefix' ? [] : [[name, null]];
    }),
  );

const FirmForm = ({ firm }: { firm: Firm }) => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const [values, setValues] = useState<Record<FieldName, string>>(() => {
    const entries = [...FIELDS, 'consumerMediator' as const].map((name) => [name, firm[name] ?? '']);
    return Object.fromEntries(entries) as Record<FieldName, string>;
  });
  const save = useMutation({
    mutationFn: () =>
      api<Firm>('/firm', { method: 'PATCH', body: { version: firm.version, ...toBody(values) } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['firm'] }),
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const input = (name: FieldName) => ({
    label: t(`firm.${name}` as MessageKey),
    value: values[name],
    readOnly: !isAssocie,
    error: errors[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValues({ ...values, [name]: event.currentTarget.value }),
  });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="identity-title">
      <Stack>
        <Title order={3} size="h4" id="identity-title">
          {t('firm.identity')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FIELDS.map((name) => (
            <TextInput key={name} {...input(name)} />
          ))}
        </SimpleGrid>
        <Textarea autosize minRows={2} {...input('consumerMediator')} />
        {save.error && !Object.keys(errors).length && <Alert color="red">{save.error.message}</Alert>}
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

export const FirmPage = () => {
  const t = useT();
  const firm = useFirm();
  return (
    <Stack>
      <Title order={2}>{t('firm.title')}</Title>
      <QueryState query={firm}>
        {(data) => (
          <>
            <BrandingCard firm={data} />
            <FirmForm key={data.version} firm={data} />
            <SigningSettingsCard firm={data} />
            <SealIdentityCard />
            <LetterSettingsCard firm={data} />
            <VigilanceSettingsCard />
          </>
        )}
      </QueryState>
    </Stack>
  );
};
