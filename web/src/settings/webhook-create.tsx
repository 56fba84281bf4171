import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, fieldErrors } from '../api/client.ts';
import type { CreatedWebhook, WebhookEventType } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';

/** Refusals about the address itself, shown under its field. */
const URL_CODES = new Set(['WEBHOOK.URL_INVALID', 'WEBHOOK.TARGET_NOT_ALLOWED']);

/** The secret signs every delivery; it is shown once, here, and never again. */
const SecretModal = ({ created, onClose }: { created: CreatedWebhook | null; onClose: () => void }) => {
  const t = useT();
  return (
    <Modal opened={created !== null} onClose={onClose} title={t('webhook.secretTitle')}>
      <Stack>
        <Alert color="orange">{t('webhook.secretOnce')}</Alert>
        <Code block data-testid="webhook-secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {created?.secret}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={created?.secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? t('webhook.copied') : t('webhook.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('webhook.secretSaved')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
};

/** A new endpoint: its URL, a description, the events it receives. */
export const WebhookCreate = ({ eventTypes }: { eventTypes: WebhookEventType[] }) => {
  const t = useT();
  const client = useQueryClient();
  const [form, setForm] = useState({ url: '', description: '', events: [] as string[] });
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api<CreatedWebhook>('/webhooks', {
        body: { url: form.url, description: form.description.trim() || null, events: form.events },
      }),
    onSuccess: async (answer) => {
      setCreated(answer);
      setForm({ url: '', description: '', events: [] });
      await client.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const errors = fieldErrors(create.error);
  const known = ['url', 'description', 'events'];
  const other = create.error && !known.some((name) => errors[name]) ? create.error.message : undefined;
  // A refusal about the URL or the events names no field: the code says which.
  const code = create.error instanceof ApiError ? create.error.problem.code : '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="new-webhook-title">
      <Stack>
        <Title order={3} size="h4" id="new-webhook-title">
          {t('webhook.new')}
        </Title>
        <TextInput
          label={t('webhook.url')}
          placeholder="https://exemple.fr/lettrine"
          required
          value={form.url}
          onChange={(event) => setForm({ ...form, url: event.currentTarget.value })}
          error={errors.url ?? (URL_CODES.has(code) ? other : undefined)}
        />
        <TextInput
          label={t('webhook.description')}
          value={form.description}
          onChange={(event) => setForm({ ...form, description: event.currentTarget.value })}
          error={errors.description}
        />
        <Checkbox.Group
          label={t('webhook.events')}
          value={form.events}
          onChange={(events) => setForm({ ...form, events })}
          error={errors.events ?? (code === 'WEBHOOK.EVENT_UNKNOWN' ? other : undefined)}
        >
          <Stack gap={6} mt={6}>
            {eventTypes.map((type) => (
              <Checkbox key={type.type} value={type.type} label={`${type.label} (${type.type})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {other && !URL_CODES.has(code) && code !== 'WEBHOOK.EVENT_UNKNOWN' && (
          <Text c="red" size="sm" role="alert">
            {other}
          </Text>
        )}
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('webhook.create')}
        </Button>
      </Stack>
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
};
