import { Button, Fieldset, Group, SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';

export type PersonDraft = {
  id: string;
  lastName: string;
  firstNames: string;
  birthDate: string | null;
  birthPlace?: string | null | undefined;
  nationality?: string | null | undefined;
};

export const blankPerson = (): PersonDraft => ({
  id: crypto.randomUUID(),
  lastName: '',
  firstNames: '',
  birthDate: null,
  birthPlace: null,
  nationality: null,
});

/** One named person of the file (R-F1): who, born when and where; `extra` holds the role's own fields. */
export const PersonFields = <P extends PersonDraft>({
  legend,
  person,
  onChange,
  onRemove,
  readOnly,
  withNationality,
  extra,
}: {
  legend: string;
  person: P;
  onChange: (next: P) => void;
  onRemove?: () => void;
  readOnly: boolean;
  withNationality?: boolean;
  extra?: ReactNode;
}) => {
  const t = useT();
  const text = (value: string) => (value.trim() === '' ? null : value);
  return (
    <Fieldset legend={legend} aria-label={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('vigilance.lastName')}
          value={person.lastName}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...person, lastName: e.currentTarget.value })}
        />
        <TextInput
          label={t('vigilance.firstNames')}
          value={person.firstNames}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...person, firstNames: e.currentTarget.value })}
        />
        <DateField
          label={t('vigilance.birthDate')}
          valueFormat="DD/MM/YYYY"
          value={person.birthDate}
          readOnly={readOnly}
          onChange={(value) => onChange({ ...person, birthDate: value ? String(value).slice(0, 10) : null })}
        />
        <TextInput
          label={t('vigilance.birthPlace')}
          value={person.birthPlace ?? ''}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...person, birthPlace: text(e.currentTarget.value) })}
        />
        {withNationality && (
          <TextInput
            label={t('vigilance.nationality')}
            value={person.nationality ?? ''}
            readOnly={readOnly}
            onChange={(e) => onChange({ ...person, nationality: text(e.currentTarget.value) })}
          />
        )}
        {extra}
      </SimpleGrid>
      {onRemove && !readOnly && (
        <Group justify="end" mt="xs">
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('vigilance.removePerson')}
          </Button>
        </Group>
      )}
    </Fieldset>
  );
};
