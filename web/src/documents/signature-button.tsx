import { Button, FileInput, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useUsers } from '../api/queries.ts';
import type { DocumentView } from '../api/types.ts';
import { useMe } from '../auth/session.tsx';
import { todayInParis } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { fileToBase64 } from '../ui/file-base64.ts';

type Side = 'client' | 'firm';
type Props = { view: DocumentView; sides: Side[]; onDone: () => Promise<unknown> };

/** What the API takes as a scan (signatureBody): a PDF or a picture of 5 Mo at most. */
const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
const SCAN_MAX_BYTES = 5 * 1024 * 1024;

/**
 * « Enregistrer une signature papier… »: a secondary action, the electronic signature being the main
 * one. A paper signature is evidence only with the signed page, so the scan is required here (the API
 * keeps it optional for imports); the side is asked when both are still missing.
 */
export const SignatureButton = ({ view, sides, onDone }: Props) => {
  const t = useT();
  const me = useMe().data;
  const users = useUsers();
  const associes = (users.data ?? []).filter((user) => user.role === 'associe' && user.isActive);
  const [opened, { open, close }] = useDisclosure();
  const [chosenSide, setSide] = useState<Side | ''>('');
  const side: Side = chosenSide || (sides[0] ?? 'client');
  const [signatoryName, setSignatoryName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [userId, setUserId] = useState('');
  // The associé who signs for the firm: the one chosen, else the signed-in associé, else the first.
  const firmUserId = userId || (me?.role === 'associe' ? me.id : (associes[0]?.id ?? ''));
  const [signedOn, setSignedOn] = useState<string>(todayInParis());
  const [scan, setScan] = useState<File | null>(null);
  const [scanError, setScanError] = useState<string | undefined>();
  const record = useMutation({
    mutationFn: async (file: File) =>
      api(`/documents/${view.document.id}/signatures`, {
        body: {
          side,
          method: 'paper',
          signedOn,
          scan: { fileName: file.name, contentType: file.type, base64: await fileToBase64(file) },
          ...(signatoryName.trim() ? { signatoryName } : {}),
          ...(capacity.trim() ? { capacity } : {}),
          ...(side === 'firm' && firmUserId ? { userId: firmUserId } : {}),
        },
      }),
    onSuccess: async () => {
      await onDone();
      setScan(null);
      close();
    },
  });
  const errors = fieldErrors(record.error);
  const checkScan = (file: File | null) => {
    if (!file) return t('signature.scanRequired');
    if (!(SCAN_TYPES as readonly string[]).includes(file.type)) return t('signature.scanType');
    if (file.size > SCAN_MAX_BYTES) return t('signature.scanTooBig');
    return undefined;
  };
  const chooseScan = (file: File | null) => {
    setScan(file);
    // An error once fixed goes away: it is checked again as soon as a file is chosen.
    setScanError(file ? checkScan(file) : undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkScan(scan);
    setScanError(problem);
    if (!problem && scan) record.mutate(scan);
  };
  const label = t('signature.recordPaper');
  return (
    <>
      <Button variant="default" onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {sides.length > 1 && (
              <NativeSelect
                label={t('signature.paperSide')}
                value={side}
                onChange={(event) => setSide(event.currentTarget.value as Side)}
                data={sides.map((value) => ({ value, label: t(`signature.side.${value}`) }))}
              />
            )}
            {side === 'firm' ? (
              <NativeSelect
                label={t('signature.associe')}
                value={firmUserId}
                onChange={(event) => setUserId(event.currentTarget.value)}
                data={associes.map((user) => ({ value: user.id, label: user.name }))}
                error={errors.userId}
              />
            ) : (
              <>
                <TextInput
                  label={t('signature.signatoryName')}
                  description={t('signature.signatoryHint')}
                  value={signatoryName}
                  onChange={(event) => setSignatoryName(event.currentTarget.value)}
                  error={errors.signatoryName}
                />
                <TextInput
                  label={t('contact.capacity')}
                  value={capacity}
                  onChange={(event) => setCapacity(event.currentTarget.value)}
                  error={errors.capacity}
                />
              </>
            )}
            <DateField
              label={t('signature.signedOn')}
              value={signedOn}
              onChange={(value) => value && setSignedOn(String(value).slice(0, 10))}
              error={errors.signedOn}
            />
            <FileInput
              label={t('signature.scan')}
              description={t('signature.scanHint')}
              placeholder={t('signature.scanPlaceholder')}
              accept={SCAN_TYPES.join(',')}
              value={scan}
              onChange={chooseScan}
              clearable
              withAsterisk
              error={scanError ?? errors['scan.base64'] ?? errors.scan}
              data-testid="signature-scan"
            />
            {record.error && Object.keys(errors).length === 0 && (
              <div role="alert" style={{ color: 'var(--mantine-color-red-filled)' }}>
                {record.error.message}
              </div>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.back')}
              </Button>
              <Button type="submit" loading={record.isPending}>
                {t('signature.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
};
