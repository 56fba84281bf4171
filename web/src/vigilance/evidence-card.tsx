import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Code,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay, formatInstant } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { fileToBase64 } from '../ui/file-base64.ts';
import { ProblemText } from '../ui/problem-text.tsx';
import { useCheckEvidence, useUserNames, vigilanceKey } from './queries.ts';
import type { Evidence, VigilanceFile } from './types.ts';

const KINDS = ['kbis', 'beneficial_owners_register', 'identity_document'] as const;
type Kind = (typeof KINDS)[number];

/** 48213 → "47,1 ko" (French units, as the firm reads them). */
const formatSize = (bytes: number): string => {
  const fr = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes}\u00a0o`;
  if (bytes < 1024 * 1024) return `${fr(bytes / 1024)}\u00a0ko`;
  return `${fr(bytes / (1024 * 1024))}\u00a0Mo`;
};

/** R-F1: one evidence document: its file to download, its fingerprint, who uploaded and checked it. */
const EvidenceItem = ({ evidence: e }: { evidence: Evidence }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const nameOf = useUserNames();
  const check = useCheckEvidence(e.engagementId);
  const kind = t(`vigilance.kind.${e.kind}` as MessageKey);
  return (
    <Paper withBorder p="xs" role="group" aria-label={`${kind} : ${e.fileName}`}>
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={500}>
            {kind}
            {e.expiresOn ? ` (${t('vigilance.expires', { date: formatDay(e.expiresOn) })})` : ''}
          </Text>
          <Anchor
            size="sm"
            href={`/api/v1/vigilance/evidence/${e.id}/file`}
            download={e.fileName}
            aria-label={t('vigilance.evidenceDownload', { file: e.fileName })}
          >
            {e.fileName}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          {formatSize(e.sizeBytes)} · {e.contentType}
        </Text>
        <Text size="xs" c="dimmed">
          SHA-256 :{' '}
          <Code style={{ wordBreak: 'break-all' }} data-testid="evidence-sha256">
            {e.sha256}
          </Code>
        </Text>
        <Text size="xs">
          {t('vigilance.uploadedBy', { who: nameOf(e.uploadedBy) ?? '—', date: formatInstant(e.uploadedAt) })}
        </Text>
        {e.checkedAt ? (
          <Text size="xs" c="teal.8">
            {t('vigilance.checkedBy', { who: nameOf(e.checkedBy) ?? '—', date: formatInstant(e.checkedAt) })}
          </Text>
        ) : (
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="orange.9">
              {t('vigilance.notChecked')}
            </Text>
            {canWrite && (
              <Button
                size="compact-xs"
                variant="light"
                loading={check.isPending}
                aria-label={t('vigilance.markCheckedOf', { file: e.fileName })}
                onClick={() => check.mutate(e.id)}
              >
                {t('vigilance.markChecked')}
              </Button>
            )}
          </Group>
        )}
        {check.error && <ProblemText error={check.error} />}
      </Stack>
    </Paper>
  );
};

/** R-F1: the documents that prove the identification (Kbis, register extract, identity documents). */
export const EvidenceCard = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('kbis');
  const [personId, setPersonId] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [expiresOn, setExpiresOn] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState(true);
  const engagementId = data.file.engagementId;
  const id = data.file.identification;
  const people = id ? (id.clientType === 'company' ? id.representatives : id.person ? [id.person] : []) : [];
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      api(`/engagements/${engagementId}/vigilance/evidence`, {
        body: {
          kind,
          personId: kind === 'identity_document' ? personId : null,
          documentNumber: number.trim() === '' ? null : number,
          expiresOn: kind === 'identity_document' ? expiresOn : null,
          fileName: chosen.name,
          contentType: chosen.type,
          base64: await fileToBase64(chosen),
          checked,
        },
      }),
    onSuccess: () => {
      setFile(null);
      setNumber('');
      void client.invalidateQueries({ queryKey: vigilanceKey(engagementId) });
      void client.invalidateQueries({ queryKey: ['document'] });
      void client.invalidateQueries({ queryKey: ['vigilance'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  const kindLabel = (k: string) => t(`vigilance.kind.${k}` as MessageKey);
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="vigilance-evidence-title">
      <Stack>
        <Title order={3} size="h4" id="vigilance-evidence-title">
          {t('vigilance.evidence')}
        </Title>
        {data.evidence.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('vigilance.noEvidence')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="evidence-list">
            {data.evidence.map((e) => (
              <EvidenceItem key={e.id} evidence={e} />
            ))}
          </Stack>
        )}
        {canWrite && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('vigilance.evidenceKind')}
                value={kind}
                allowDeselect={false}
                onChange={(value) => setKind((value as Kind) ?? 'kbis')}
                data={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              />
              {kind === 'identity_document' && (
                <>
                  <Select
                    label={t('vigilance.evidencePerson')}
                    value={personId}
                    onChange={setPersonId}
                    data={people.map((p) => ({ value: p.id, label: `${p.firstNames} ${p.lastName}` }))}
                  />
                  <TextInput
                    label={t('vigilance.documentNumber')}
                    value={number}
                    onChange={(e) => setNumber(e.currentTarget.value)}
                  />
                  <DateField
                    label={t('vigilance.expiresOn')}
                    valueFormat="DD/MM/YYYY"
                    value={expiresOn}
                    onChange={(value) => setExpiresOn(value ? String(value).slice(0, 10) : null)}
                  />
                </>
              )}
              <FileInput
                label={t('vigilance.evidenceFile')}
                accept="application/pdf,image/png,image/jpeg"
                value={file}
                onChange={setFile}
              />
            </SimpleGrid>
            <Checkbox
              label={t('vigilance.checkedOriginal')}
              checked={checked}
              onChange={(e) => setChecked(e.currentTarget.checked)}
            />
            {upload.error && <ProblemText error={upload.error} />}
            <Group justify="end">
              <Button type="submit" variant="light" loading={upload.isPending} disabled={!file}>
                {t(checked ? 'vigilance.upload' : 'vigilance.uploadUnchecked')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
};
