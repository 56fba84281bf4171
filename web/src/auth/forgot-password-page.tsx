import { Alert, Button, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { frenchSpaces } from '../i18n/typography.ts';
import { PublicFormPage } from './public-form-page.tsx';

/** « Mot de passe oublié ? »: the same answer whether the address has an account or not. */
export const ForgotPasswordPage = () => {
  const t = useT();
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => api<{ message: string }>('/auth/password-reset', { body: { email } }),
  });
  const errors = fieldErrors(request.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <PublicFormPage title={t('forgot.title')} onSubmit={submit}>
      <Text size="sm">{t('forgot.intro')}</Text>
      {request.data && (
        <Alert color="teal" role="status">
          {frenchSpaces(request.data.message)}
        </Alert>
      )}
      {request.error && !errors.email && (
        <Alert color="red" role="alert">
          {request.error.message}
        </Alert>
      )}
      <TextInput
        label={t('login.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        error={errors.email}
        autoFocus
      />
      <Button type="submit" loading={request.isPending}>
        {t('forgot.submit')}
      </Button>
    </PublicFormPage>
  );
};
