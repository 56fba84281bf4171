import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import type { CreateEngagementBody, Engagement } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { CompanyFields, companyBody, EMPTY_COMPANY } from './company-form.tsx';

/** The messages of the fields under one prefix, by the rest of their path. */
const prefixed = (errors: Record<string, string>, prefix: string) =>
  Object.fromEntries(
    Object.entries(errors).flatMap(([path, message]) =>
      path.startsWith(prefix) ? [[path.slice(prefix.length), message]] : [],
    ),
  );

const EMPTY = { ...EMPTY_COMPANY, firstName: '', lastName: '', email: '', capacity: '' };

const toBody = (form: typeof EMPTY): CreateEngagementBody => {
  const optional = (value: string) => value.trim() || undefined;
  const hasSignatory = Boolean(form.firstName.trim() || form.lastName.trim());
  return {
    company: companyBody(form, 'create'),
    signatory: hasSignatory
      ? {
          firstName: form.firstName,
          lastName: form.lastName,
          email: optional(form.email),
          capacity: optional(form.capacity),
          isSignatory: true,
        }
      : undefined,
  };
};

/** A new prospect: its company and, when known, the person who will sign. */
export const NewEngagementButton = () => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(EMPTY);
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => api<Engagement>('/engagements', { body: toBody(form), idempotent: true }),
    onSuccess: async (engagement) => {
      await client.invalidateQueries({ queryKey: ['engagements'] });
      close();
      setForm(EMPTY);
      navigate(`/engagements/${engagement.id}`);
    },
  });
  const errors = fieldErrors(create.error, 'company.');
  const field = (name: keyof typeof EMPTY, path: string) => ({
    value: form[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [name]: event.currentTarget.value }),
    error: errors[path],
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <Button onClick={open}>{t('engagements.new')}</Button>
      <Modal opened={opened} onClose={close} title={t('engagements.new')} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            {create.error && Object.keys(errors).length === 0 && (
              <Alert color="red" role="alert">
                {create.error.message}
              </Alert>
            )}
            <Title order={3} size="h5">
              {t('engagements.company')}
            </Title>
            <CompanyFields
              values={form}
              onChange={(company) => setForm({ ...form, ...company })}
              errors={prefixed(errors, 'company.')}
            />
            <Title order={3} size="h5">
              {t('contact.signatory')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('contact.firstName')} {...field('firstName', 'signatory.firstName')} />
              <TextInput label={t('contact.lastName')} {...field('lastName', 'signatory.lastName')} />
              <TextInput label={t('contact.email')} type="email" {...field('email', 'signatory.email')} />
              <TextInput label={t('contact.capacity')} {...field('capacity', 'signatory.capacity')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('engagements.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
};
