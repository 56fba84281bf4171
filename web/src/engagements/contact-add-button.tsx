import { Button, Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Contact, Engagement } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { FormModal } from '../ui/form-modal.tsx';
import { personProblems, translateProblems } from './prospect-checks.ts';

const EMPTY = { firstName: '', lastName: '', email: '', phone: '', capacity: '', isSignatory: false };

/** A person of the client; the one who signs becomes the engagement's signatory. */
export const ContactAddButton = ({ engagement }: { engagement: Engagement }) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [form, setForm] = useState(EMPTY);
  // The form's own refusals (names, e-mail), all at once, once the person has tried to add.
  const [checked, setChecked] = useState(false);
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: async () => {
      const optional = (value: string) => value.trim() || undefined;
      const contact = await api<Contact>(`/companies/${engagement.companyId}/contacts`, {
        idempotent: true,
        body: {
          firstName: form.firstName,
          lastName: form.lastName,
          email: optional(form.email),
          phone: optional(form.phone),
          capacity: optional(form.capacity),
          isSignatory: form.isSignatory,
        },
      });
      if (form.isSignatory)
        await api(`/engagements/${engagement.id}`, {
          method: 'PATCH',
          body: { version: engagement.version, signatoryContactId: contact.id },
        });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['engagement', engagement.id] });
      setForm(EMPTY);
      setChecked(false);
      close();
    },
  });
  const problems = checked ? personProblems(form) : {};
  const errors = { ...fieldErrors(add.error), ...translateProblems(t, problems) };
  const text = (name: 'firstName' | 'lastName' | 'email' | 'phone' | 'capacity', label: string) => (
    <TextInput
      label={label}
      required={name === 'firstName' || name === 'lastName'}
      value={form[name]}
      error={errors[name]}
      onChange={(event) => setForm({ ...form, [name]: event.currentTarget.value })}
    />
  );
  const submit = () => {
    setChecked(true);
    if (Object.keys(personProblems(form)).length > 0) return;
    add.mutate();
  };
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={open}>
        {t('contact.add')}
      </Button>
      <FormModal
        opened={opened}
        onClose={close}
        title={t('contact.add')}
        onSubmit={submit}
        error={add.error}
        pending={add.isPending}
        submitLabel={t('contact.add')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('firstName', t('contact.firstName'))}
          {text('lastName', t('contact.lastName'))}
          {text('email', t('contact.email'))}
          {text('phone', t('contact.phone'))}
        </SimpleGrid>
        {text('capacity', t('contact.capacity'))}
        <Checkbox
          label={t('contact.isSignatory')}
          checked={form.isSignatory}
          onChange={(event) => setForm({ ...form, isSignatory: event.currentTarget.checked })}
        />
      </FormModal>
    </>
  );
};
