import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../api/client.ts';
import type { Company } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { FormModal } from '../ui/form-modal.tsx';
import { COMPANY_FIELDS, CompanyFields, type CompanyValues, companyBody } from './company-form.tsx';
import { companyProblems, translateProblems } from './prospect-checks.ts';

const valuesOf = (company: Company): CompanyValues =>
  Object.fromEntries(COMPANY_FIELDS.map((name) => [name, company[name] ?? ''])) as CompanyValues;

/** The client's identity, completed before a letter can be sent (address, activity…). */
export const CompanyEditButton = ({ company, engagementId }: { company: Company; engagementId: string }) => {
  const t = useT();
  const [opened, { open, close }] = useDisclosure();
  const [values, setValues] = useState(() => valuesOf(company));
  const [checked, setChecked] = useState(false);
  const problemsOf = (next: CompanyValues) =>
    companyProblems({ ...next, isIndividual: company.isIndividual });
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api(`/companies/${company.id}`, {
        method: 'PATCH',
        body: { version: company.version, ...companyBody(values, 'edit', company.isIndividual) },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['engagement', engagementId] });
      close();
    },
  });
  const errors = {
    ...fieldErrors(save.error),
    ...translateProblems(t, checked ? problemsOf(values) : {}),
  };
  const submit = () => {
    setChecked(true);
    if (Object.keys(problemsOf(values)).length > 0) return;
    save.mutate();
  };
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => {
          setValues(valuesOf(company));
          setChecked(false);
          save.reset();
          open();
        }}
      >
        {t('company.edit')}
      </Button>
      <FormModal
        opened={opened}
        onClose={close}
        title={t('company.edit')}
        size="lg"
        onSubmit={submit}
        error={save.error}
        pending={save.isPending}
        submitLabel={t('editor.save')}
      >
        <CompanyFields
          values={values}
          onChange={setValues}
          errors={errors}
          isIndividual={company.isIndividual}
        />
      </FormModal>
    </>
  );
};
