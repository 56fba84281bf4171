import { AppShell, Badge, Box, Burger, Button, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Outlet, NavLink as RouterLink, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../auth/session.tsx';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { PasswordButton } from '../settings/password-button.tsx';
import { ErrorBanner } from '../ui/error-banner.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';
import classes from './skip-link.module.css';

const LINKS: { to: string; label: MessageKey; end?: boolean; associeOnly?: boolean }[] = [
  { to: '/', label: 'nav.dashboard', end: true },
  { to: '/engagements', label: 'nav.engagements' },
  { to: '/courriels', label: 'nav.mails' },
  { to: '/renouvellements', label: 'nav.renewals' },
  { to: '/echeancier', label: 'nav.schedule' },
  { to: '/honoraires', label: 'nav.fees' },
  { to: '/campagnes', label: 'nav.campaigns' },
  { to: '/catalogue', label: 'nav.catalogue' },
  { to: '/terms', label: 'nav.terms' },
  { to: '/firm', label: 'nav.firm' },
  { to: '/users', label: 'nav.users' },
  { to: '/webhooks', label: 'nav.webhooks', associeOnly: true },
];

/** The frame of every signed-in page: the firm's navigation, the user, the language, logout. */
export const AppLayout = () => {
  const t = useT();
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const isActive = (to: string, end?: boolean) =>
    end ? location.pathname === to : location.pathname.startsWith(to);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('shell.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Title order={1} size="h3" c="grape.8">
              Lettrine
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me && <NotificationBell />}
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            {me && (
              <Group gap={6} visibleFrom="xs" wrap="nowrap">
                <Text size="sm">{me.name}</Text>
                <Badge variant="light" size="sm">
                  {t(`role.${me.role}`)}
                </Badge>
              </Group>
            )}
            <Box visibleFrom="sm">
              <PasswordButton label={t('password.change')} />
            </Box>
            <Button
              variant="subtle"
              size="xs"
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        {LINKS.filter((link) => !link.associeOnly || me?.role === 'associe').map((link) => (
          <NavLink
            key={link.to}
            component={RouterLink}
            to={link.to}
            end={link.end}
            label={t(link.label)}
            active={isActive(link.to, link.end)}
            onClick={close}
          />
        ))}
        <Box hiddenFrom="sm" mt="md" px="sm">
          <LanguageSwitch />
        </Box>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <ErrorBanner />
        <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
};
