import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import type { CreateDocumentBody, LettrineDocument } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';

type Props = { engagementId: string; onClose: () => void };

/**
 * R-D1, R-D2, R-D3: a replacement letter takes over every letter in force, prefilled with the
 * consolidated scope and the current terms, its prices revalued by a coefficient when one is given.
 */
export const ReplacementModal = ({ engagementId, onClose }: Props) => {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [coefficient, setCoefficient] = useState('');
  const [rounding, setRounding] = useState<'cent' | 'euro'>('cent');
  const [confirm, setConfirm] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      api<LettrineDocument>('/documents', {
        idempotent: true,
        body: {
          kind: 'replacement_letter',
          engagementId,
          replacement: {
            coefficient: coefficient.trim() || null,
            rounding,
            ...(confirm ? { confirmCoefficient: true } : {}),
          },
        } satisfies CreateDocumentBody,
      }),
    onSuccess: async (doc) => {
      await client.invalidateQueries({ queryKey: ['documents'] });
      onClose();
      navigate(`/documents/${doc.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('kind.replacement_letter')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('replacement.explain')}</Text>
          <Group align="start" grow>
            <TextInput
              label={t('catalogue.coefficient')}
              description={t('replacement.coefficientHint')}
              placeholder="1,03"
              value={coefficient}
              onChange={(event) => setCoefficient(event.currentTarget.value)}
              error={errors['replacement.coefficient'] ?? errors['replacement.confirmCoefficient']}
              data-autofocus
            />
            <NativeSelect
              label={t('catalogue.rounding')}
              value={rounding}
              onChange={(event) => setRounding(event.currentTarget.value as 'cent' | 'euro')}
              data={[
                { value: 'cent', label: t('catalogue.roundCent') },
                { value: 'euro', label: t('catalogue.roundEuro') },
              ]}
            />
          </Group>
          <Checkbox
            label={t('catalogue.confirmUnusual')}
            checked={confirm}
            onChange={(event) => setConfirm(event.currentTarget.checked)}
          />
          {create.error && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              <ProblemText error={create.error} />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('replacement.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
