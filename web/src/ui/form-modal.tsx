import { Alert, Button, Group, Modal, type ModalProps, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';

type Props = {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Called on submit, the browser's own submission prevented. */
  onSubmit: () => void;
  /** The last failure: shown above the fields when it names none of them (those are said beside it). */
  error?: Error | null;
  pending?: boolean;
  submitLabel: ReactNode;
  size?: ModalProps['size'];
  children: ReactNode;
};

/** A form in a modal, as the app's small edits are: its fields, then « Annuler » and the action. */
export const FormModal = ({
  opened,
  onClose,
  title,
  onSubmit,
  error,
  pending = false,
  submitLabel,
  size,
  children,
}: Props) => {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && Object.keys(fieldErrors(error)).length === 0 && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
