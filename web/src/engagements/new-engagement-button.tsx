import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import type { CreateEngagementBody, Engagement } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { CompanyFields, companyBody, EMPTY_COMPANY } from './company-form.tsx';
import {
  companyProblems,
  isPersonSaid,
  type Problems,
  personProblems,
  translateProblems,
} from './prospect-checks.ts';

/** The messages of the fields under one prefix, by the rest of their path. */
const prefixed = (errors: Record<string, string>, prefix: string) =>
  Object.fromEntries(
    Object.entries(errors).flatMap(([path, message]) =>
      path.startsWith(prefix) ? [[path.slice(prefix.length), message]] : [],
    ),
  );

const EMPTY = { ...EMPTY_COMPANY, firstName: '', lastName: '', email: '', capacity: '' };
type Form = typeof EMPTY;

/** What the form itself refuses, all at once: a signatory said of in any field must have both names. */
const prospectProblems = (form: Form, isIndividual: boolean): Problems => ({
  ...companyProblems({ ...form, isIndividual }, 'company.'),
  ...personProblems(form, 'signatory.', true),
});

const toBody = (form: Form, isIndividual: boolean): CreateEngagementBody => {
  const optional = (value: string) => value.trim() || undefined;
  return {
    company: {
      ...companyBody(form, 'create', isIndividual),
      ...(isIndividual ? { isIndividual: true } : {}),
    },
    signatory: isPersonSaid(form)
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

/** A new prospect: a company or a private person and, when known, the person who will sign. */
export const NewEngagementButton = () => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(EMPTY);
  const [isIndividual, setIndividual] = useState(false);
  // The form's own refusals, shown once the person has tried to create (then kept up to date).
  const [checked, setChecked] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => api<Engagement>('/engagements', { body: toBody(form, isIndividual), idempotent: true }),
    onSuccess: async (engagement) => {
      await client.invalidateQueries({ queryKey: ['engagements'] });
      close();
      setForm(EMPTY);
      setIndividual(false);
      setChecked(false);
      navigate(`/engagements/${engagement.id}`);
    },
  });
  const problems = checked ? prospectProblems(form, isIndividual) : {};
  const errors = { ...fieldErrors(create.error, 'company.'), ...translateProblems(t, problems) };
  const field = (name: keyof Form, path: string) => ({
    value: form[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [name]: event.currentTarget.value }),
    error: errors[path],
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(prospectProblems(form, isIndividual)).length > 0) return;
    create.mutate();
  };
  const problemCount = Object.keys(problems).length;
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
            {problemCount > 0 && (
              <Text c="red" size="sm" role="alert">
                {t('check.summary', { count: problemCount })}
              </Text>
            )}
            <Stack gap={4}>
              <Text size="sm" fw={500} id="client-kind-label">
                {t('client.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="client-kind-label"
                value={isIndividual ? 'individual' : 'company'}
                onChange={(value) => setIndividual(value === 'individual')}
                data={[
                  { value: 'company', label: t('client.company') },
                  { value: 'individual', label: t('client.individual') },
                ]}
              />
            </Stack>
            {!isIndividual && (
              <Title order={3} size="h5">
                {t('engagements.company')}
              </Title>
            )}
            <CompanyFields
              values={form}
              onChange={(company) => setForm({ ...form, ...company })}
              errors={prefixed(errors, 'company.')}
              isIndividual={isIndividual}
            />
            <Title order={3} size="h5">
              {isIndividual ? t('client.personSignatory') : t('contact.signatory')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('contact.firstName')} {...field('firstName', 'signatory.firstName')} />
              <TextInput label={t('contact.lastName')} {...field('lastName', 'signatory.lastName')} />
              <TextInput
                label={t('contact.email')}
                type="email"
                autoComplete="email"
                {...field('email', 'signatory.email')}
              />
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
