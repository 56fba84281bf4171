import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useUsers } from '../api/queries.ts';
import type { DocumentView } from '../api/types.ts';
import { useMe } from '../auth/session.tsx';
import { todayInParis } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';

type Props = { view: DocumentView; side: 'client' | 'firm'; onDone: () => Promise<unknown> };

/** A signature on paper, recorded for one side: the client's signatory, or an associé of the firm. */
export const SignatureButton = ({ view, side, onDone }: Props) => {
  const t = useT();
  const me = useMe().data;
  const users = useUsers();
  const associes = (users.data ?? []).filter((user) => user.role === 'associe' && user.isActive);
  const [opened, { open, close }] = useDisclosure();
  const [signatoryName, setSignatoryName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [userId, setUserId] = useState('');
  const [signedOn, setSignedOn] = useState<string>(todayInParis());
  const record = useMutation({
    mutationFn: () =>
      api(`/documents/${view.document.id}/signatures`, {
        body: {
          side,
          method: 'paper',
          signedOn,
          ...(signatoryName.trim() ? { signatoryName } : {}),
          ...(capacity.trim() ? { capacity } : {}),
          ...(side === 'firm'
            ? { userId: userId || (me?.role === 'associe' ? me.id : associes[0]?.id) }
            : {}),
        },
      }),
    onSuccess: async () => {
      await onDone();
      close();
    },
  });
  const errors = fieldErrors(record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  const label = side === 'client' ? t('signature.recordClient') : t('signature.recordFirm');
  return (
    <>
      <Button variant="light" color="teal" onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {side === 'firm' ? (
              <NativeSelect
                label={t('signature.associe')}
                value={userId || (me?.role === 'associe' ? me.id : (associes[0]?.id ?? ''))}
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
            <DateInput
              label={t('signature.signedOn')}
              valueFormat="DD/MM/YYYY"
              value={signedOn}
              onChange={(value) => value && setSignedOn(String(value).slice(0, 10))}
              error={
                errors.signedOn ??
                (record.error && Object.keys(errors).length === 0 ? record.error.message : undefined)
              }
            />
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
