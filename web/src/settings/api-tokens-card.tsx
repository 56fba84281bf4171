import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, apiAll, fieldErrors } from '../api/client.ts';
import type { ApiToken } from '../api/types.ts';
import { formatInstant, formatInstantDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { notifyError } from '../ui/notify.ts';
import { QueryState } from '../ui/query-state.tsx';

type Level = 'read' | 'write' | 'admin';
const LEVELS: Level[] = ['read', 'write', 'admin'];
const LIFETIMES = [30, 90, 180, 365];
const KEY = ['api-tokens'];

/** The widest scope a token holds: its scopes always include the narrower ones. */
const levelOf = (token: ApiToken): Level =>
  token.scopes.includes('admin') ? 'admin' : token.scopes.includes('write') ? 'write' : 'read';

/** The associé's API tokens: scope and expiry shown, made with a scope and a lifetime, revoked. */
export const ApiTokensCard = () => {
  const t = useT();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: KEY, queryFn: () => apiAll<ApiToken>('/api-tokens') });
  const [form, setForm] = useState({ name: '', level: 'read' as Level, days: '90' });
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api<ApiToken & { token: string }>('/api-tokens', {
        body: { name: form.name, scopes: [form.level], expiresInDays: Number(form.days) },
      }),
    onSuccess: async (created) => {
      setSecret(created.token);
      setForm({ name: '', level: 'read', days: '90' });
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
    onError: (error) => notifyError(error),
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const now = Date.now();
  return (
    <Card withBorder aria-labelledby="api-tokens-title">
      <Stack>
        <Title order={3} size="h4" id="api-tokens-title">
          {t('tokens.title')}
        </Title>
        <Text size="sm">{t('tokens.intro')}</Text>
        <QueryState query={tokens}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">{t('tokens.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={600}>
                <Table aria-label={t('tokens.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('tokens.name')}</Table.Th>
                      <Table.Th>{t('tokens.scope')}</Table.Th>
                      <Table.Th>{t('tokens.expiresAt')}</Table.Th>
                      <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((token) => (
                      <Table.Tr key={token.id}>
                        <Table.Td>{token.name}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={levelOf(token) === 'read' ? 'gray' : 'grape'}>
                            {t(`tokens.scope.${levelOf(token)}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {new Date(token.expiresAt).getTime() <= now ? (
                            <Badge color="red" variant="light">
                              {t('tokens.expired')}
                            </Badge>
                          ) : (
                            formatInstantDay(token.expiresAt)
                          )}
                        </Table.Td>
                        <Table.Td>
                          {token.lastUsedAt ? formatInstant(token.lastUsedAt) : t('tokens.never')}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('tokens.revokeOf', { name: token.name })}
                            onClick={() => revoke.mutate(token.id)}
                          >
                            {t('tokens.revoke')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
        {secret && (
          <Alert color="teal" role="status" title={t('tokens.created')}>
            <Code block>{secret}</Code>
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group grow align="start">
              <TextInput
                label={t('tokens.name')}
                required
                value={form.name}
                error={errors.name}
                onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
              />
              <NativeSelect
                label={t('tokens.lifetime')}
                value={form.days}
                error={errors.expiresInDays}
                onChange={(event) => setForm({ ...form, days: event.currentTarget.value })}
                data={LIFETIMES.map((days) => ({ value: String(days), label: t('tokens.days', { days }) }))}
              />
            </Group>
            <Radio.Group
              label={t('tokens.scope')}
              value={form.level}
              error={errors.scopes}
              onChange={(value) => setForm({ ...form, level: value as Level })}
            >
              <Group mt="xs">
                {LEVELS.map((level) => (
                  <Radio key={level} value={level} label={t(`tokens.scope.${level}`)} />
                ))}
              </Group>
            </Radio.Group>
            {create.error && !Object.keys(errors).length && (
              <Text c="red" size="sm" role="alert">
                {create.error.message}
              </Text>
            )}
            <Button type="submit" loading={create.isPending} w="fit-content">
              {t('tokens.create')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
};
