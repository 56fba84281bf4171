import { Badge, Button, Card, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useTerms } from '../api/queries.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { QueryState } from '../ui/query-state.tsx';

/** The versions of the firm's general terms (R-D6); a new one is published, never edited. */
export const TermsPage = () => {
  const t = useT();
  const canWrite = useCanWrite();
  const terms = useTerms();
  const client = useQueryClient();
  const [form, setForm] = useState({ title: '', body: '', effectiveFrom: null as string | null });
  const publish = useMutation({
    mutationFn: () => api('/terms', { body: form, idempotent: true }),
    onSuccess: async () => {
      setForm({ title: '', body: '', effectiveFrom: null });
      await client.invalidateQueries({ queryKey: ['terms'] });
    },
  });
  const errors = fieldErrors(publish.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };
  return (
    <Stack>
      <Title order={2}>{t('terms.title')}</Title>
      <QueryState query={terms}>
        {(items) => (
          <Table aria-label={t('terms.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('terms.version')}</Table.Th>
                <Table.Th>{t('document.titleField')}</Table.Th>
                <Table.Th>{t('terms.effectiveFrom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    v{item.version} {item.isCurrent && <Badge size="xs">{t('terms.current')}</Badge>}
                  </Table.Td>
                  <Table.Td>{item.title}</Table.Td>
                  <Table.Td>{formatDay(item.effectiveFrom)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {canWrite && (
        <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="publish-title">
          <Stack>
            <Title order={3} size="h4" id="publish-title">
              {t('terms.publish')}
            </Title>
            <TextInput
              label={t('document.titleField')}
              required
              value={form.title}
              error={errors.title}
              onChange={(event) => setForm({ ...form, title: event.currentTarget.value })}
            />
            <DateField
              label={t('terms.effectiveFrom')}
              required
              valueFormat="DD/MM/YYYY"
              value={form.effectiveFrom}
              error={errors.effectiveFrom}
              onChange={(value) =>
                setForm({ ...form, effectiveFrom: value ? String(value).slice(0, 10) : null })
              }
            />
            <Textarea
              label={t('terms.body')}
              required
              autosize
              minRows={6}
              value={form.body}
              error={errors.body}
              onChange={(event) => setForm({ ...form, body: event.currentTarget.value })}
            />
            {publish.error && !Object.keys(errors).length && (
              <Title order={6} c="red">
                {publish.error.message}
              </Title>
            )}
            <Button type="submit" loading={publish.isPending} w="fit-content">
              {t('terms.publish')}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
};
