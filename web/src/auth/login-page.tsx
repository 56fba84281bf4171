import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';
import { ME_KEY, useMe } from './session.tsx';

export const LoginPage = () => {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next')?.startsWith('/') ? (params.get('next') as string) : '/';
  const login = useMutation({
    mutationFn: () => api<{ user: Me }>('/auth/login', { body: { email, password } }),
    onSuccess: ({ user }) => {
      // The login says who signed in: no second request to ask it.
      client.setQueryData(ME_KEY, user);
      navigate(next, { replace: true });
    },
  });
  if (me.data) return <Navigate to={next} replace />;
  const errors = fieldErrors(login.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Lettrine
            </Title>
            <Title order={2} size="h4" fw={500} c="dimmed">
              {t('login.title')}
            </Title>
            {login.error && !errors.email && !errors.password && (
              <Alert color="red" role="alert">
                {login.error.message}
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
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password}
            />
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/mot-de-passe-oublie" size="sm">
              {t('login.forgot')}
            </Anchor>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
