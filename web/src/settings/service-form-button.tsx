import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Recurrence, Service } from '../api/types.ts';
import { recurrenceKey } from '../documents/labels.ts';
import { centsToInput, parseEuros } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';

const DOMAINS = ['comptable', 'fiscal', 'social', 'juridique', 'conseil', 'autre'] as const;
const PRICINGS = ['fixed', 'unit', 'hourly', 'at_cost'] as const;
const RECURRENCES: Recurrence[] = ['monthly', 'quarterly', 'yearly', 'one_off'];

const valuesOf = (service?: Service) => ({
  code: service?.code ?? '',
  label: service?.label ?? '',
  domain: service?.domain ?? 'comptable',
  recurrence: service?.recurrence ?? 'monthly',
  pricingMode: service?.pricingMode ?? 'fixed',
  unitLabel: service?.unitLabel ?? '',
  price: service ? centsToInput(service.priceCents) : '',
  vatRateBp: String(service?.vatRateBp ?? 2000),
  description: service?.description ?? '',
  exclusions: service?.exclusions ?? '',
});

/** A mission of the catalogue, created or edited; a new price is kept in its history (R-D4). */
export const ServiceFormButton = ({ service }: { service?: Service }) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [values, setValues] = useState(() => valuesOf(service));
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const { price, vatRateBp, unitLabel, description, exclusions, ...rest } = values;
      const body = {
        ...rest,
        priceCents: parseEuros(price) ?? price,
        vatRateBp: Number(vatRateBp),
        unitLabel: unitLabel.trim() || null,
        description: description.trim() || null,
        exclusions: exclusions.trim() || null,
      };
      return service
        ? api(`/services/${service.id}`, { method: 'PATCH', body: { ...body, version: service.version } })
        : api('/services', { body, idempotent: true });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['services'] });
      close();
    },
  });
  const errors = fieldErrors(save.error);
  const set =
    (name: keyof typeof values) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues({ ...values, [name]: event.currentTarget.value });
  const options = (items: readonly string[], prefix: string) =>
    items.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const title = service ? t('service.edit', { code: service.code }) : t('service.new');
  return (
    <>
      <Button
        variant={service ? 'subtle' : 'default'}
        size={service ? 'compact-xs' : 'sm'}
        aria-label={title}
        onClick={() => {
          setValues(valuesOf(service));
          save.reset();
          open();
        }}
      >
        {service ? t('service.editShort') : t('service.new')}
      </Button>
      <Modal opened={opened} onClose={close} title={title} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            {save.error && Object.keys(errors).length === 0 && (
              <Alert color="red">{save.error.message}</Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('catalogue.code')}
                required
                value={values.code}
                onChange={set('code')}
                error={errors.code}
              />
              <TextInput
                label={t('line.label')}
                required
                value={values.label}
                onChange={set('label')}
                error={errors.label}
              />
              <NativeSelect
                label={t('catalogue.domain')}
                value={values.domain}
                onChange={set('domain')}
                data={options(DOMAINS, 'domain')}
              />
              <NativeSelect
                label={t('line.recurrence')}
                value={values.recurrence}
                onChange={set('recurrence')}
                data={RECURRENCES.map((value) => ({ value, label: t(recurrenceKey(value)) }))}
              />
              <NativeSelect
                label={t('catalogue.pricing')}
                value={values.pricingMode}
                onChange={set('pricingMode')}
                data={options(PRICINGS, 'pricing')}
              />
              <TextInput
                label={t('service.unitLabel')}
                value={values.unitLabel}
                onChange={set('unitLabel')}
                error={errors.unitLabel}
              />
              <TextInput
                label={t('catalogue.price')}
                required
                value={values.price}
                onChange={set('price')}
                error={errors.priceCents}
                rightSection="€"
              />
              <NativeSelect
                label={t('line.vat')}
                value={values.vatRateBp}
                onChange={set('vatRateBp')}
                data={['2000', '1000', '550', '0'].map((rate) => ({
                  value: rate,
                  label: `${Number(rate) / 100} %`,
                }))}
              />
            </SimpleGrid>
            <Textarea
              label={t('service.description')}
              autosize
              minRows={2}
              value={values.description}
              onChange={set('description')}
              error={errors.description}
            />
            <Textarea
              label={t('service.exclusions')}
              autosize
              minRows={2}
              value={values.exclusions}
              onChange={set('exclusions')}
              error={errors.exclusions}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('editor.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
};
