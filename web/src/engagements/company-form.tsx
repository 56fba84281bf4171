import { SimpleGrid, TextInput } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';

export const COMPANY_FIELDS = [
  'name',
  'siren',
  'legalForm',
  'addressLine1',
  'postalCode',
  'city',
  'activity',
] as const;
export type CompanyValues = Record<(typeof COMPANY_FIELDS)[number], string>;
export const EMPTY_COMPANY: CompanyValues = {
  name: '',
  siren: '',
  legalForm: '',
  addressLine1: '',
  postalCode: '',
  city: '',
  activity: '',
};

type Props = {
  values: CompanyValues;
  onChange: (values: CompanyValues) => void;
  /** Field messages of the API by field name, already stripped of their prefix. */
  errors: Record<string, string>;
};

/** What a letter must say of the client (DOMAIN.md): identity, legal form, SIREN, address, activity. */
export const CompanyFields = ({ values, onChange, errors }: Props) => {
  const t = useT();
  const field = (name: keyof CompanyValues) => ({
    label: name === 'siren' ? 'SIREN' : t(`company.${name}`),
    value: values[name],
    error: errors[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      onChange({ ...values, [name]: event.currentTarget.value }),
  });
  return (
    <>
      <TextInput required data-autofocus {...field('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...field('siren')} />
        <TextInput {...field('legalForm')} />
      </SimpleGrid>
      <TextInput {...field('addressLine1')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput {...field('postalCode')} />
        <TextInput {...field('city')} />
      </SimpleGrid>
      <TextInput {...field('activity')} />
    </>
  );
};

/** Empty fields are left out of a creation, and cleared (null) by an edit. */
export const companyBody = (
  values: CompanyValues,
  mode: 'create' | 'edit',
): { name: string } & Partial<Record<(typeof COMPANY_FIELDS)[number], string | null>> => {
  const body: Partial<Record<(typeof COMPANY_FIELDS)[number], string | null>> = {};
  for (const name of COMPANY_FIELDS) {
    const value = values[name].trim();
    if (value) body[name] = value;
    else if (mode === 'edit') body[name] = null;
  }
  return { ...body, name: values.name };
};
