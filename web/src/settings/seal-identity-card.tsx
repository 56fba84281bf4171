import {
  Alert,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { sealIdentityOut } from '../../../src/http/seal-identity.schemas.ts';
import { api } from '../api/client.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { formatInstantDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { fileToBase64 } from '../ui/file-base64.ts';

type SealIdentity = z.output<typeof sealIdentityOut>;

/**
 * Issue 15: the certificate that seals the firm's signed copies, said as it is (a self-signed seal
 * is named so), and the associé's way to import the firm's own PKCS#12, or to go back.
 */
export const SealIdentityCard = () => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const seal = useQuery({
    queryKey: ['seal-identity'],
    queryFn: () => api<SealIdentity>('/firm/seal-identity'),
  });
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const done = (identity: SealIdentity) => {
    client.setQueryData(['seal-identity'], identity);
    setFile(null);
    setPassword('');
  };
  const upload = useMutation({
    mutationFn: async () =>
      api<SealIdentity>('/firm/seal-identity', {
        method: 'PUT',
        body: { base64: await fileToBase64(file as File), password },
      }),
    onSuccess: done,
  });
  const revert = useMutation({
    mutationFn: () => api<SealIdentity>('/firm/seal-identity', { method: 'DELETE' }),
    onSuccess: (identity) => {
      upload.reset();
      done(identity);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate();
  };
  const identity = seal.data;
  return (
    <Card withBorder component="section" aria-labelledby="seal-title" data-testid="seal-identity">
      <Stack>
        <Title order={3} size="h4" id="seal-title">
          {t('seal.title')}
        </Title>
        <Text size="sm">{t('seal.intro')}</Text>
        {seal.error && <Alert color="red">{seal.error.message}</Alert>}
        {identity && (
          <>
            <Text fw={600} data-testid="seal-source">
              {t(`seal.source.${identity.source}`)}
            </Text>
            <Table variant="vertical" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={180}>{t('seal.subject')}</Table.Th>
                  <Table.Td data-testid="seal-subject">{identity.subject}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('seal.issuer')}</Table.Th>
                  <Table.Td>{identity.issuer}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('seal.fingerprint')}</Table.Th>
                  <Table.Td>
                    <Code style={{ wordBreak: 'break-all' }}>{identity.fingerprintSha256}</Code>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('seal.validity')}</Table.Th>
                  <Table.Td>
                    {t('seal.validityRange', {
                      from: formatInstantDay(identity.notBefore),
                      to: formatInstantDay(identity.notAfter),
                    })}
                    {identity.chainLength > 0 && (
                      <Text size="sm">{t('seal.chain', { count: identity.chainLength })}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {identity.source === 'self_signed' && <Text size="sm">{t('seal.selfSignedHint')}</Text>}
            {identity.warnings.map((warning) => (
              <Alert key={warning} color="yellow">
                {t(`seal.warning.${warning}`)}
              </Alert>
            ))}
          </>
        )}
        {upload.isSuccess && <Alert color="teal">{t('seal.imported')}</Alert>}
        {isAssocie && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Group align="end" grow>
                <FileInput
                  label={t('seal.file')}
                  accept=".p12,.pfx,application/x-pkcs12"
                  value={file}
                  onChange={setFile}
                  clearable
                />
                <PasswordInput
                  label={t('seal.password')}
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  autoComplete="off"
                />
              </Group>
              {upload.error && <Alert color="red">{upload.error.message}</Alert>}
              {revert.error && <Alert color="red">{revert.error.message}</Alert>}
              <Group>
                <Button type="submit" disabled={!file} loading={upload.isPending}>
                  {t(identity?.source === 'imported' ? 'seal.replace' : 'seal.import')}
                </Button>
                {identity?.source === 'imported' && (
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => revert.mutate()}
                    loading={revert.isPending}
                  >
                    {t('seal.backToSelfSigned')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
};
