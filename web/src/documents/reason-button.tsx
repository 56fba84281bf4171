import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';

type Props = {
  label: string;
  reasonLabel: string;
  required?: boolean;
  color?: string;
  onConfirm: (reason: string) => Promise<unknown>;
};

/** A command that asks for a reason first (cancel, refuse); the API's refusal shows by the field. */
export const ReasonButton = ({ label, reasonLabel, required = false, color, onConfirm }: Props) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await onConfirm(reason);
      close();
    } catch (failure) {
      setError(fieldErrors(failure).reason ?? (failure instanceof Error ? failure.message : String(failure)));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button variant="light" color={color} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Textarea
              label={reasonLabel}
              required={required}
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.back')}
              </Button>
              <Button type="submit" color={color} loading={pending}>
                {label}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
};
