import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';

type Props = {
  /** Someone else's password, reset by an associé; without it, one's own, with the current one. */
  userId?: string;
  label: string;
  variant?: string;
};

/** POST /auth/password (one's own) or POST /users/{id}/password (an associé resetting it). */
export const PasswordButton = ({ userId, label, variant = 'subtle' }: Props) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () =>
      userId
        ? api(`/users/${userId}/password`, { body: { newPassword } })
        : api('/auth/password', { body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const errors = fieldErrors(change.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <>
      <Button variant={variant} size="compact-xs" onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {!userId && (
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                label={t('password.current')}
                autoComplete="current-password"
                value={currentPassword}
                onChange={(event) => setCurrent(event.currentTarget.value)}
                error={errors.currentPassword}
                data-autofocus
              />
            )}
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              label={t('password.new')}
              autoComplete="new-password"
              value={newPassword}
              onChange={(event) => setNew(event.currentTarget.value)}
              error={errors.newPassword}
            />
            {change.isSuccess && <Alert color="teal">{t('password.changed')}</Alert>}
            {change.error && Object.keys(errors).length === 0 && (
              <Alert color="red">{change.error.message}</Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.back')}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {label}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
};
