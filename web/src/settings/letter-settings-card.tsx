import { Alert, Button, Card, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Firm } from '../api/types.ts';
import { useIsAssocie } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';

/**
 * What the firm's letters say by default: the data-protection contact they give (GDPR) and whether
 * new proposals and letters carry the standard revision clause.
 */
export const LetterSettingsCard = ({ firm }: { firm: Firm }) => {
  const t = useT();
  const isAssocie = useIsAssocie();
  const client = useQueryClient();
  const [dpoEmail, setDpoEmail] = useState(firm.dpoEmail ?? '');
  const [revision, setRevision] = useState(firm.revisionClauseByDefault);
  const save = useMutation({
    mutationFn: () =>
      api<Firm>('/firm', {
        method: 'PATCH',
        body: {
          version: firm.version,
          dpoEmail: dpoEmail.trim() === '' ? null : dpoEmail.trim(),
          revisionClauseByDefault: revision,
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['firm'] }),
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="letter-settings-title">
      <Stack>
        <Title order={3} size="h4" id="letter-settings-title">
          {t('firm.letters')}
        </Title>
        <TextInput
          label={t('firm.dpoEmail')}
          description={t('firm.dpoEmailHint')}
          type="email"
          value={dpoEmail}
          onChange={(event) => setDpoEmail(event.currentTarget.value)}
          readOnly={!isAssocie}
          error={errors.dpoEmail}
        />
        <Switch
          label={t('firm.revisionClauseByDefault')}
          description={t('firm.revisionClauseByDefaultHint')}
          checked={revision}
          onChange={(event) => setRevision(event.currentTarget.checked)}
          disabled={!isAssocie}
        />
        {save.error && !errors.dpoEmail && <Alert color="red">{save.error.message}</Alert>}
        {save.isSuccess && <Alert color="teal">{t('firm.saved')}</Alert>}
        {isAssocie && (
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('editor.save')}
          </Button>
        )}
      </Stack>
    </Card>
  );
};
