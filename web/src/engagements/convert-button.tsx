import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';

/** R-A7: a prospect turned client by hand, with the reason recorded; there is no way back. */
export const ConvertButton = ({ engagement }: { engagement: Engagement }) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  const convert = useMutation({
    mutationFn: () => api(`/engagements/${engagement.id}/convert`, { body: { reason } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['engagement', engagement.id] });
      await client.invalidateQueries({ queryKey: ['engagements'] });
      close();
    },
  });
  const errors = fieldErrors(convert.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    convert.mutate();
  };
  return (
    <>
      <Button variant="light" onClick={open}>
        {t('convert.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('convert.button')}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('convert.explain')}</Text>
            <Textarea
              label={t('convert.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={errors.reason ?? (convert.error && !errors.reason ? convert.error.message : undefined)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={convert.isPending}>
                {t('convert.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
};
