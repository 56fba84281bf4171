import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCanWrite } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { blankPerson, PersonFields } from './person-fields.tsx';
import { useFileChange } from './queries.ts';
import type { Identification, VigilanceFile } from './types.ts';

type Draft = Omit<Identification, 'version'>;

const emptyDraft = (): Draft => ({
  clientType: 'company',
  company: { name: null, legalForm: null, siren: null, registeredOffice: null },
  person: null,
  representatives: [],
  beneficialOwners: [],
  noBeneficialOwnerOver25: false,
});

/** R-F1: who the client is: the company and its people, or the private person; prefilled by the server. */
export const IdentificationForm = ({ data }: { data: VigilanceFile }) => {
  const t = useT();
  const readOnly = !useCanWrite();
  const [draft, setDraft] = useState<Draft>(() => data.file.identification ?? emptyDraft());
  const save = useFileChange<Identification>(data.file.engagementId, 'identification', 'PUT');
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const company = (key: keyof Draft['company'], value: string) =>
    set({ company: { ...draft.company, [key]: value.trim() === '' ? null : value } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A file nobody started yet has version 0, which the API does not take: it is created then.
    save.mutate(data.file.version > 0 ? { ...draft, version: data.file.version } : draft);
  };
  const isCompany = draft.clientType === 'company';
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="vigilance-id-title">
      <Stack>
        <Title order={3} size="h4" id="vigilance-id-title">
          {t('vigilance.identification')}
        </Title>
        <SegmentedControl
          value={draft.clientType}
          readOnly={readOnly}
          onChange={(value) =>
            set({
              clientType: value as Draft['clientType'],
              person: value === 'private_person' ? (draft.person ?? blankPerson()) : draft.person,
            })
          }
          data={[
            { value: 'company', label: t('vigilance.company') },
            { value: 'private_person', label: t('vigilance.privatePerson') },
          ]}
        />
        {isCompany ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('vigilance.companyName')}
                value={draft.company.name ?? ''}
                readOnly={readOnly}
                onChange={(e) => company('name', e.currentTarget.value)}
              />
              <TextInput
                label={t('vigilance.legalForm')}
                value={draft.company.legalForm ?? ''}
                readOnly={readOnly}
                onChange={(e) => company('legalForm', e.currentTarget.value)}
              />
              <TextInput
                label={t('vigilance.siren')}
                value={draft.company.siren ?? ''}
                readOnly={readOnly}
                onChange={(e) => company('siren', e.currentTarget.value)}
              />
              <TextInput
                label={t('vigilance.registeredOffice')}
                value={draft.company.registeredOffice ?? ''}
                readOnly={readOnly}
                onChange={(e) => company('registeredOffice', e.currentTarget.value)}
              />
            </SimpleGrid>
            {draft.representatives.map((rep, i) => (
              <PersonFields
                key={rep.id}
                legend={t('vigilance.representative', { n: i + 1 })}
                person={rep}
                readOnly={readOnly}
                onChange={(next) =>
                  set({ representatives: draft.representatives.map((r) => (r.id === rep.id ? next : r)) })
                }
                onRemove={() =>
                  set({ representatives: draft.representatives.filter((r) => r.id !== rep.id) })
                }
                extra={
                  <TextInput
                    label={t('vigilance.capacity')}
                    value={rep.capacity}
                    readOnly={readOnly}
                    onChange={(e) => {
                      const capacity = e.currentTarget.value;
                      set({
                        representatives: draft.representatives.map((r) =>
                          r.id === rep.id ? { ...r, capacity } : r,
                        ),
                      });
                    }}
                  />
                }
              />
            ))}
            {draft.beneficialOwners.map((owner, i) => (
              <PersonFields
                key={owner.id}
                legend={t('vigilance.owner', { n: i + 1 })}
                person={owner}
                readOnly={readOnly}
                withNationality
                onChange={(next) =>
                  set({ beneficialOwners: draft.beneficialOwners.map((o) => (o.id === owner.id ? next : o)) })
                }
                onRemove={() =>
                  set({ beneficialOwners: draft.beneficialOwners.filter((o) => o.id !== owner.id) })
                }
                extra={
                  <NumberInput
                    label={t('vigilance.sharePercent')}
                    min={0}
                    max={100}
                    value={owner.sharePercent ?? ''}
                    readOnly={readOnly}
                    onChange={(value) => {
                      const sharePercent = value === '' ? null : Number(value);
                      set({
                        beneficialOwners: draft.beneficialOwners.map((o) =>
                          o.id === owner.id ? { ...o, sharePercent } : o,
                        ),
                      });
                    }}
                  />
                }
              />
            ))}
            {!readOnly && (
              <Group>
                <Button
                  variant="light"
                  onClick={() =>
                    set({ representatives: [...draft.representatives, { ...blankPerson(), capacity: '' }] })
                  }
                >
                  {t('vigilance.addRepresentative')}
                </Button>
                <Button
                  variant="light"
                  onClick={() =>
                    set({
                      beneficialOwners: [
                        ...draft.beneficialOwners,
                        { ...blankPerson(), sharePercent: null, control: null },
                      ],
                    })
                  }
                >
                  {t('vigilance.addOwner')}
                </Button>
              </Group>
            )}
            <Checkbox
              label={t('vigilance.noOwnerOver25')}
              checked={draft.noBeneficialOwnerOver25 === true}
              disabled={readOnly}
              onChange={(e) => set({ noBeneficialOwnerOver25: e.currentTarget.checked })}
            />
          </>
        ) : (
          draft.person && (
            <PersonFields
              legend={t('vigilance.client')}
              person={draft.person}
              readOnly={readOnly}
              withNationality
              onChange={(person) => set({ person })}
            />
          )
        )}
        {save.error && <ProblemText error={save.error} />}
        {!readOnly && (
          <Group justify="end">
            <Button type="submit" loading={save.isPending}>
              {t('vigilance.saveIdentification')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
};
