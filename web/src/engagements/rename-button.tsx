import { Button, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { FormModal } from '../ui/form-modal.tsx';

/** The engagement's name, changed at any time (PATCH /engagements/{id} with its version). */
export const RenameButton = ({ engagement }: { engagement: Engagement }) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [title, setTitle] = useState(engagement.title ?? '');
  const [empty, setEmpty] = useState(false);
  const client = useQueryClient();
  const rename = useMutation({
    mutationFn: () =>
      api(`/engagements/${engagement.id}`, {
        method: 'PATCH',
        body: { version: engagement.version, title: title.trim() },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['engagement', engagement.id] });
      await client.invalidateQueries({ queryKey: ['engagements'] });
      close();
    },
  });
  const errors = fieldErrors(rename.error);
  const submit = () => {
    setEmpty(!title.trim());
    if (title.trim()) rename.mutate();
  };
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => {
          setTitle(engagement.title ?? '');
          setEmpty(false);
          rename.reset();
          open();
        }}
      >
        {t('engagement.rename')}
      </Button>
      <FormModal
        opened={opened}
        onClose={close}
        title={t('engagement.rename')}
        onSubmit={submit}
        error={rename.error}
        pending={rename.isPending}
        submitLabel={t('editor.save')}
      >
        <TextInput
          label={t('engagement.name')}
          description={t('engagement.nameHint')}
          required
          data-autofocus
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title ?? (empty ? t('engagement.nameRequired') : undefined)}
        />
      </FormModal>
    </>
  );
};
