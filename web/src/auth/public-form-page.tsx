import { Anchor, Center, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n.tsx';

/**
 * The pages a person reaches without a session (forgotten password, a mail's link, the setup of a
 * new installation): one card on a plain page, its title, its form, and the way back to the login.
 */
export const PublicFormPage = ({
  title,
  width = 440,
  onSubmit,
  children,
}: {
  title: string;
  width?: number;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) => {
  const t = useT();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w={width} maw="100%">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
            <Anchor component={Link} to="/login" size="sm">
              {t('forgot.back')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
