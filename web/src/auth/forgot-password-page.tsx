import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { frenchSpaces } from '../i18n/typography.ts';

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
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={440} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('forgot.title')}
            </Title>
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
            <Anchor component={Link} to="/login" size="sm">
              {t('forgot.back')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
