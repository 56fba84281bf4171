import {
  Button,
  Card,
  FileInput,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useCanWrite } from '../auth/session.tsx';
import { formatDay } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { vigilanceKey } from './queries.ts';
import type { VigilanceFile } from './types.ts';

const KINDS = ['kbis', 'beneficial_owners_register', 'identity_document'] as const;
type Kind = (typeof KINDS)[number];

/** The bytes of a chosen file as base64, as the API takes them (the file is 5 MB at most). */
const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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
          base64: await base64Of(chosen),
          checked: true,
        },
      }),
    onSuccess: () => {
      setFile(null);
      setNumber('');
      void client.invalidateQueries({ queryKey: vigilanceKey(engagementId) });
      void client.invalidateQueries({ queryKey: ['document'] });
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
          <List size="sm" data-testid="evidence-list">
            {data.evidence.map((e) => (
              <List.Item key={e.id}>
                {kindLabel(e.kind)} : {e.fileName}
                {e.expiresOn ? ` (${t('vigilance.expires', { date: formatDay(e.expiresOn) })})` : ''}
                {e.checkedAt
                  ? ` — ${t('vigilance.checkedOn', { date: formatDay(String(e.checkedAt).slice(0, 10)) })}`
                  : ''}
              </List.Item>
            ))}
          </List>
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
                  <DateInput
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
            {upload.error && <ProblemText error={upload.error} />}
            <Group justify="end">
              <Button type="submit" variant="light" loading={upload.isPending} disabled={!file}>
                {t('vigilance.upload')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
};
