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
  /** A private person: a name and an address, no SIREN, legal form or activity. */
  isIndividual?: boolean;
};

/** What a letter must say of the client (DOMAIN.md): identity, legal form, SIREN, address, activity. */
export const CompanyFields = ({ values, onChange, errors, isIndividual = false }: Props) => {
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
      {isIndividual ? (
        <TextInput
          required
          data-autofocus
          {...field('name')}
          label={t('client.personName')}
          description={t('client.personNameHint')}
        />
      ) : (
        <>
          <TextInput required data-autofocus {...field('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput required inputMode="numeric" {...field('siren')} />
            <TextInput {...field('legalForm')} />
          </SimpleGrid>
        </>
      )}
      <TextInput autoComplete="street-address" {...field('addressLine1')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput inputMode="numeric" maxLength={10} autoComplete="postal-code" {...field('postalCode')} />
        <TextInput {...field('city')} />
      </SimpleGrid>
      {!isIndividual && <TextInput {...field('activity')} />}
    </>
  );
};

/** The fields a private person has no use for: never sent for one. */
const COMPANY_ONLY = new Set<string>(['siren', 'legalForm', 'activity']);

/** Empty fields are left out of a creation, and cleared (null) by an edit. */
export const companyBody = (
  values: CompanyValues,
  mode: 'create' | 'edit',
  isIndividual = false,
): { name: string } & Partial<Record<(typeof COMPANY_FIELDS)[number], string | null>> => {
  const body: Partial<Record<(typeof COMPANY_FIELDS)[number], string | null>> = {};
  for (const name of COMPANY_FIELDS) {
    if (isIndividual && COMPANY_ONLY.has(name)) continue;
    const value = values[name].trim();
    if (value) body[name] = value;
    else if (mode === 'edit') body[name] = null;
  }
  return { ...body, name: values.name };
};
