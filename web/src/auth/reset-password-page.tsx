import { Alert, Button, PasswordInput, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { PublicFormPage } from './public-form-page.tsx';

/**
 * The page a reset mail's link opens. The token rides in the fragment (#…), which the browser
 * never sends: it reaches no log and no Referer; the page posts it with the new password.
 */
export const ResetPasswordPage = () => {
  const t = useT();
  const token = useLocation().hash.replace(/^#/, '');
  const [newPassword, setNewPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => api('/auth/password-reset/confirm', { body: { token, newPassword } }),
  });
  const errors = fieldErrors(reset.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  return (
    <PublicFormPage title={t('reset.title')} onSubmit={submit}>
      {!token && (
        <Alert color="red" role="alert">
          {t('reset.noToken')}
        </Alert>
      )}
      {reset.isSuccess ? (
        <Alert color="teal" role="status">
          {t('reset.done')}
        </Alert>
      ) : (
        <>
          <Text size="sm">{t('reset.intro')}</Text>
          {reset.error && !errors.newPassword && (
            <Alert color="red" role="alert">
              {reset.error.message}
            </Alert>
          )}
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            label={t('password.new')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={errors.newPassword}
            autoFocus
          />
          <Button type="submit" loading={reset.isPending} disabled={!token}>
            {t('reset.submit')}
          </Button>
        </>
      )}
    </PublicFormPage>
  );
};
