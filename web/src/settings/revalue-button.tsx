import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, Table, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Revaluation } from '../api/types.ts';
import { formatCents } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';

/** R-D3, R-D4: preview the new tariff (dry run), then apply it; old prices stay in history. */
export const RevalueButton = () => {
  const t = useT();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const [coefficient, setCoefficient] = useState('1,03');
  const [rounding, setRounding] = useState('cent');
  const [confirm, setConfirm] = useState(false);
  const revalue = useMutation({
    mutationFn: (dryRun: boolean) =>
      api<Revaluation>('/services/revalue', {
        body: { coefficient, rounding, dryRun, ...(confirm ? { confirm: true } : {}) },
        idempotent: !dryRun,
      }),
    onSuccess: async (answer) => {
      if (!answer.dryRun) {
        await client.invalidateQueries({ queryKey: ['services'] });
        close();
      }
    },
  });
  const errors = fieldErrors(revalue.error);
  const preview = revalue.data?.dryRun ? revalue.data : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    revalue.mutate(true);
  };
  return (
    <>
      <Button variant="light" onClick={open}>
        {t('catalogue.revalue')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('catalogue.revalue')} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group align="end">
              <TextInput
                label={t('catalogue.coefficient')}
                value={coefficient}
                onChange={(event) => setCoefficient(event.currentTarget.value)}
                error={errors.coefficient ?? errors.confirm}
                w={160}
                data-autofocus
              />
              <NativeSelect
                label={t('catalogue.rounding')}
                value={rounding}
                onChange={(event) => setRounding(event.currentTarget.value)}
                data={[
                  { value: 'cent', label: t('catalogue.roundCent') },
                  { value: 'euro', label: t('catalogue.roundEuro') },
                ]}
              />
              <Button type="submit" variant="default" loading={revalue.isPending && revalue.variables}>
                {t('catalogue.preview')}
              </Button>
            </Group>
            <Checkbox
              label={t('catalogue.confirmUnusual')}
              checked={confirm}
              onChange={(e) => setConfirm(e.currentTarget.checked)}
            />
            {revalue.error && !Object.keys(errors).length && (
              <Alert color="red">{revalue.error.message}</Alert>
            )}
            {preview && (
              <Table aria-label={t('catalogue.preview')}>
                <Table.Tbody>
                  {preview.revalued.map((item) => (
                    <Table.Tr key={item.serviceId}>
                      <Table.Td>{item.label}</Table.Td>
                      <Table.Td ta="right">{formatCents(item.beforeCents)}</Table.Td>
                      <Table.Td ta="right">{formatCents(item.afterCents)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                disabled={!preview}
                loading={revalue.isPending && !revalue.variables}
                onClick={() => revalue.mutate(false)}
              >
                {t('catalogue.apply')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
};
