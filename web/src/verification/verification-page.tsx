import { Alert, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { Verification } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { PublicFrame } from '../signing/public-frame.tsx';
import { VerificationResult } from './verification-result.tsx';

/**
 * /verifier — anyone checks a PDF's seal: intact (who sealed it, when), signed version intact but
 * changed afterwards (and what), damaged, or unknown.
 */
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
        {result && <VerificationResult result={result} />}
      </Stack>
    </PublicFrame>
  );
};
