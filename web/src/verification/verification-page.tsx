import { Alert, Button, Card, FileButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { Verification } from '../api/types.ts';
import { kindKey } from '../documents/labels.ts';
import { formatDay, formatInstantDay } from '../format.ts';
import { useI18n, useT } from '../i18n/i18n.tsx';
import { PublicFrame } from '../signing/public-frame.tsx';

const Known = ({ result }: { result: Extract<Verification, { known: true }> }) => {
  const { t, language } = useI18n();
  const doc = result.document;
  const document = `${t(kindKey(doc.kind))} ${doc.number}`;
  const signedOn = result.signatures
    .map((s) => s.signedOn)
    .sort()
    .at(-1);
  const names = new Intl.ListFormat(language, { type: 'conjunction' }).format(
    result.signatures.map((s) => s.name),
  );
  return (
    <Alert color="teal" title={t('verify.authenticTitle')} data-testid="verify-known">
      <Stack gap={6}>
        <Text>
          {result.copy === 'signed' && result.signatures.length > 0
            ? t('verify.authenticSigned', {
                document,
                firm: result.firm.name,
                date: formatDay(signedOn),
                names,
              })
            : t('verify.authenticSent', {
                document,
                firm: result.firm.name,
                date: formatInstantDay(doc.sentAt),
              })}
        </Text>
        {result.signatures.length > 0 && (
          <List size="sm">
            {result.signatures.map((s) => (
              <List.Item key={s.side}>
                {t('verify.signatureLine', {
                  name: s.name,
                  capacity: s.capacity ?? '—',
                  date: formatDay(s.signedOn),
                  method: t(`verify.method.${s.method}`),
                })}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('common.labelValue', { label: 'SHA-256', value: result.sha256 })}
        </Text>
      </Stack>
    </Alert>
  );
};

/** /verifier — anyone checks that a PDF is one the firm produced, byte for byte, and who signed it. */
export const VerificationPage = () => {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const verify = useMutation({
    mutationFn: (pdf: File) =>
      api<Verification>('/public/verification', {
        file: pdf.type === 'application/pdf' ? pdf : new Blob([pdf], { type: 'application/pdf' }),
      }),
  });
  const choose = (next: File | null) => {
    setFile(next);
    if (next) verify.mutate(next);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0] ?? null);
  };
  const result = verify.data;
  return (
    <PublicFrame>
      <Stack>
        <Title order={1} size="h3">
          {t('verify.title')}
        </Title>
        <Text size="sm">{t('verify.intro')}</Text>
        <Card
          withBorder
          p="xl"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-grape-0)' : undefined }}
          data-testid="drop-zone"
        >
          <Stack align="center" gap="xs">
            {/* Dragging a file is for a computer; on a phone, the button alone. */}
            <Text size="sm" c="dimmed" ta="center" visibleFrom="sm">
              {t('verify.drop')}
            </Text>
            <FileButton onChange={choose} accept="application/pdf,.pdf">
              {(props) => (
                <Button {...props} size="lg" loading={verify.isPending}>
                  {t('verify.choose')}
                </Button>
              )}
            </FileButton>
            {file && (
              <Group gap={4}>
                <Text size="sm" data-testid="chosen-file" style={{ overflowWrap: 'anywhere' }}>
                  {file.name}
                </Text>
              </Group>
            )}
          </Stack>
        </Card>
        {verify.error && (
          <Alert color="red" role="alert">
            {verify.error.message}
          </Alert>
        )}
        {result?.known === true && <Known result={result} />}
        {result?.known === false && (
          <Alert color="red" title={t('verify.unknownTitle')} data-testid="verify-unknown">
            {t('verify.unknownText')}
          </Alert>
        )}
      </Stack>
    </PublicFrame>
  );
};
