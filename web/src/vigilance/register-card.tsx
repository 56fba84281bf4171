import { Button, Card, Code, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { formatDay, formatInstant } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { useRegisterImport, useUserNames } from './queries.ts';
import type { RegisterState } from './types.ts';

const REGISTER_KEY = ['vigilance', 'register'] as const;

const useRegisterState = () =>
  useQuery({
    queryKey: REGISTER_KEY,
    queryFn: () => api<RegisterState>('/vigilance/register'),
    retry: false,
    // While the files are being screened against a new register, its progress is followed.
    refetchInterval: (q) => (q.state.data?.screening?.status === 'running' ? 2000 : false),
  });

/**
 * R-F5: an associé uploads the national asset-freeze register as the Treasury publishes it (JSON);
 * every file of the firm is screened against it. Shows the last import.
 */
export const RegisterCard = () => {
  const t = useT();
  const nameOf = useUserNames();
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const client = useQueryClient();
  const state = useRegisterState();
  const upload = useRegisterImport();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    let register: unknown;
    try {
      register = JSON.parse(await file.text());
    } catch {
      setUnreadable(true);
      return;
    }
    setUnreadable(false);
    upload.mutate(register, {
      onSuccess: (answer) => {
        setFile(null);
        client.setQueryData(REGISTER_KEY, answer);
      },
    });
  };
  const last = state.data?.lastImport;
  const screening = state.data?.screening;
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="vigilance-register-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="vigilance-register-title">
          {t('vigilance.register.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('vigilance.register.hint')}
        </Text>
        {last ? (
          <Stack gap={2} data-testid="vigilance-register-state">
            <Text size="sm">
              {t('vigilance.register.state', {
                entries: last.entryCount,
                published: formatDay(last.publishedAt),
              })}
            </Text>
            <Text size="sm">
              {t('vigilance.register.importedBy', {
                who: nameOf(last.importedBy) ?? t('history.system'),
                date: formatInstant(last.importedAt),
              })}
            </Text>
            {screening && (
              <Text size="sm" c={screening.status === 'running' ? 'orange.9' : undefined} aria-live="polite">
                {screening.status === 'running'
                  ? t('vigilance.register.screening', {
                      done: screening.filesScreened,
                      total: screening.filesTotal,
                    })
                  : t('vigilance.register.screened', {
                      date: formatInstant(screening.finishedAt),
                      n: screening.newMatches,
                    })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              SHA-256 : <Code style={{ wordBreak: 'break-all' }}>{last.sha256}</Code>
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="orange.9">
            {t('vigilance.register.none')}
          </Text>
        )}
        <FileInput
          label={t('vigilance.register.file')}
          accept="application/json,.json"
          value={file}
          onChange={setFile}
          error={unreadable ? t('vigilance.register.unreadable') : undefined}
        />
        {upload.error && <ProblemText error={upload.error} />}
        <Group justify="end">
          <Button type="submit" variant="light" loading={upload.isPending} disabled={!file}>
            {t('vigilance.register.upload')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
};
