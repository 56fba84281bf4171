import {
  Alert,
  Button,
  Divider,
  Group,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { PublicFormPage } from './public-form-page.tsx';

const EMPTY = {
  name: '',
  siren: '',
  addressLine1: '',
  postalCode: '',
  city: '',
  associeName: '',
  associeEmail: '',
  password: '',
  catalogue: 'standard' as 'standard' | 'vide',
};

/** An optional field the form leaves empty is not sent: the API refuses empty strings. */
const filled = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * « Créer votre cabinet »: the page of the link the first start of an empty installation prints.
 * The token rides in the fragment; the link serves once.
 */
export const InstallationPage = () => {
  const t = useT();
  const token = useLocation().hash.replace(/^#/, '');
  const [form, setForm] = useState(EMPTY);
  const set = (field: keyof typeof EMPTY) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: event.currentTarget.value });
  const install = useMutation({
    mutationFn: () =>
      api<{ firmSlug: string; associeEmail: string }>('/public/installation', {
        body: {
          token,
          firm: {
            name: form.name,
            siren: form.siren.replace(/\s/g, ''),
            addressLine1: filled(form.addressLine1),
            postalCode: filled(form.postalCode),
            city: filled(form.city),
          },
          associe: { name: form.associeName, email: form.associeEmail, password: form.password },
          catalogue: form.catalogue,
        },
      }),
  });
  const errors = fieldErrors(install.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    install.mutate();
  };
  const shown = new Set(Object.keys(errors));
  const otherError =
    install.error &&
    !['firm.name', 'firm.siren', 'firm.postalCode', 'associe.name', 'associe.email', 'associe.password'].some(
      (field) => shown.has(field),
    );
  return (
    <PublicFormPage title={t('setup.title')} width={560} onSubmit={submit}>
      {!token && (
        <Alert color="red" role="alert">
          {t('setup.noToken')}
        </Alert>
      )}
      {install.isSuccess ? (
        <>
          <Alert color="teal" role="status">
            {t('setup.done', { email: install.data.associeEmail })}
          </Alert>
          <Button component={Link} to="/login" w="fit-content">
            {t('login.submit')}
          </Button>
        </>
      ) : (
        <>
          <Text size="sm">{t('setup.intro')}</Text>
          {otherError && (
            <Alert color="red" role="alert">
              {install.error?.message}
            </Alert>
          )}
          <Title order={2} size="h4">
            {t('setup.firm')}
          </Title>
          <TextInput
            label={t('setup.firmName')}
            required
            value={form.name}
            onChange={set('name')}
            error={errors['firm.name']}
            autoFocus
          />
          <TextInput
            label={t('setup.siren')}
            description={t('setup.sirenHelp')}
            required
            inputMode="numeric"
            value={form.siren}
            onChange={set('siren')}
            error={errors['firm.siren']}
          />
          <TextInput label={t('setup.address')} value={form.addressLine1} onChange={set('addressLine1')} />
          <Group grow align="start">
            <TextInput
              label={t('setup.postalCode')}
              inputMode="numeric"
              value={form.postalCode}
              onChange={set('postalCode')}
              error={errors['firm.postalCode']}
            />
            <TextInput label={t('setup.city')} value={form.city} onChange={set('city')} />
          </Group>
          <Radio.Group
            label={t('setup.catalogue')}
            value={form.catalogue}
            onChange={(value) => setForm({ ...form, catalogue: value as 'standard' | 'vide' })}
          >
            <Stack gap={6} mt={6}>
              <Radio value="standard" label={t('setup.catalogueStandard')} />
              <Radio value="vide" label={t('setup.catalogueEmpty')} />
            </Stack>
          </Radio.Group>
          <Divider />
          <Title order={2} size="h4">
            {t('setup.associe')}
          </Title>
          <TextInput
            label={t('setup.associeName')}
            required
            value={form.associeName}
            onChange={set('associeName')}
            error={errors['associe.name']}
          />
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="email"
            required
            value={form.associeEmail}
            onChange={set('associeEmail')}
            error={errors['associe.email']}
          />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            label={t('password.new')}
            autoComplete="new-password"
            required
            value={form.password}
            onChange={set('password')}
            error={errors['associe.password']}
          />
          <Button type="submit" loading={install.isPending} disabled={!token}>
            {t('setup.submit')}
          </Button>
        </>
      )}
    </PublicFormPage>
  );
};
