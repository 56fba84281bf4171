import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useUsers } from '../api/queries.ts';
import type { Role, User } from '../api/types.ts';
import { useCanWrite, useIsAssocie, useMe } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';
import { QueryState } from '../ui/query-state.tsx';
import { ApiTokensCard } from './api-tokens-card.tsx';
import { PasswordButton } from './password-button.tsx';
import { SignatoryCell, type SigningPatch } from './signatory-cell.tsx';

const ROLES: Role[] = ['associe', 'collaborateur', 'lecture'];

/** The firm's staff and their roles; only an associé changes them. */
export const UsersPage = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  // A lecture account changes nothing, its own signing capacity included (it never signs).
  const canWrite = useCanWrite();
  const me = useMe().data;
  const users = useUsers();
  const client = useQueryClient();
  const empty = { name: '', email: '', role: 'collaborateur' as Role, password: '', invite: true };
  const [form, setForm] = useState(empty);
  const [invited, setInvited] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const create = useMutation({
    // Invited, the user chooses their password through the mail's link; nobody types it for them.
    mutationFn: () => {
      const { invite, password, ...fields } = form;
      return api('/users', { body: invite ? fields : { ...fields, password } });
    },
    onSuccess: async () => {
      setInvited(form.invite ? form.email : null);
      setForm(empty);
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({
      user,
      patch,
    }: {
      user: User;
      patch: Partial<Pick<User, 'role' | 'isActive'>> | SigningPatch;
    }) => api(`/users/${user.id}`, { method: 'PATCH', body: { version: user.version, ...patch } }),
    onSuccess: refresh,
    onError: (error) => notifyError(error),
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Stack>
      <Title order={2}>{t('users.title')}</Title>
      <QueryState query={users}>
        {(items) => (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={t('users.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('contact.email')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.capacity')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      {isAssocie ? (
                        <NativeSelect
                          aria-label={t('users.roleOf', { name: user.name })}
                          value={user.role}
                          onChange={(event) =>
                            update.mutate({ user, patch: { role: event.currentTarget.value as Role } })
                          }
                          data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                        />
                      ) : (
                        t(`role.${user.role}`)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <SignatoryCell
                        key={`${user.id}-${user.version}`}
                        user={user}
                        editable={isAssocie || (canWrite && user.id === me?.id)}
                        onSave={(patch) => update.mutate({ user, patch })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Badge color={user.isActive ? 'teal' : 'gray'} variant="light">
                          {user.isActive ? t('users.active') : t('users.inactive')}
                        </Badge>
                        {isAssocie && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => update.mutate({ user, patch: { isActive: !user.isActive } })}
                          >
                            {user.isActive ? t('users.deactivate') : t('users.activate')}
                          </Button>
                        )}
                        {isAssocie && <PasswordButton userId={user.id} label={t('password.reset')} />}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {isAssocie && (
        <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="new-user-title">
          <Stack>
            <Title order={3} size="h4" id="new-user-title">
              {t('users.new')}
            </Title>
            <Group grow align="start">
              <TextInput
                label={t('users.name')}
                required
                value={form.name}
                error={errors.name}
                onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
              />
              <TextInput
                label={t('contact.email')}
                required
                type="email"
                value={form.email}
                error={errors.email}
                onChange={(event) => setForm({ ...form, email: event.currentTarget.value })}
              />
            </Group>
            <Group grow align="start">
              <NativeSelect
                label={t('users.role')}
                value={form.role}
                onChange={(event) => setForm({ ...form, role: event.currentTarget.value as Role })}
                data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
              />
              {!form.invite && (
                <PasswordInput
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                  label={t('users.password')}
                  required
                  value={form.password}
                  error={errors.password}
                  onChange={(event) => setForm({ ...form, password: event.currentTarget.value })}
                />
              )}
            </Group>
            <Checkbox
              label={t('users.invite')}
              description={t('users.inviteHelp')}
              checked={form.invite}
              onChange={(event) => setForm({ ...form, invite: event.currentTarget.checked })}
            />
            {invited && !create.isPending && (
              <Text size="sm" c="teal" role="status">
                {t('users.invited', { email: invited })}
              </Text>
            )}
            {create.error && !Object.keys(errors).length && (
              <Title order={6} c="red">
                {create.error.message}
              </Title>
            )}
            <Button type="submit" loading={create.isPending} w="fit-content">
              {t('users.create')}
            </Button>
          </Stack>
        </Card>
      )}
      {isAssocie && <ApiTokensCard />}
    </Stack>
  );
};
