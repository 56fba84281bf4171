import {
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, fieldErrors } from '../api/client.ts';
import { useServices, useTerms, useUsers } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';
import { ProblemText } from '../ui/problem-text.tsx';
import { ExceptionsEditor } from './exceptions-editor.tsx';
import { RevaluationFields } from './revaluation-fields.tsx';
import type { SettingsDraft } from './settings-draft.ts';

/** The refusals about one field that the API names by their code only. */
const CODE_FIELDS: Record<string, string> = {
  'REVALUATION.INVALID_COEFFICIENT': 'coefficient',
  'REVALUATION.CONFIRMATION_REQUIRED': 'confirm',
  'REVALUATION.INDEX_INVALID': 'newIndex',
  'CAMPAIGN.DATES_INVALID': 'validUntil',
};

/** The API's field paths (settings.revaluation.coefficient) → the form's own names. */
const formErrors = (error: unknown): Record<string, string> => {
  const errors = fieldErrors(error);
  const named: Record<string, string> = { ...errors };
  for (const [path, message] of Object.entries(errors)) {
    const last = path.split('.').at(-1) ?? path;
    if (!path.startsWith('settings.exceptions.')) named[last] ??= message;
  }
  if (error instanceof ApiError) {
    const field = CODE_FIELDS[error.problem.code];
    if (field) named[field] ??= error.message;
  }
  return named;
};

const day = (value: unknown) => (value ? String(value).slice(0, 10) : null);

type Props = {
  initial: SettingsDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: SettingsDraft) => void;
  onCancel?: () => void;
};

/** Step 1, « Sélection »: which clients, how their prices change, and what the new letters say. */
export const SettingsForm = ({ initial, submitLabel, pending, error, onSubmit, onCancel }: Props) => {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState(initial);
  const set = (changes: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const users = useUsers();
  const services = useServices(false);
  const terms = useTerms();
  const errors = formErrors(error);
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, index) => ({
      value: String(index + 1),
      label: format.format(new Date(Date.UTC(2026, index, 1))),
    }));
  }, [language]);
  const versions = (terms.data ?? []).toSorted((a, b) => a.version - b.version);
  const hasFieldError = Object.keys(errors).length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('campaign.step.selection')}>
      <Stack>
        <TextInput
          label={t('campaign.name')}
          placeholder={t('campaign.namePlaceholder')}
          value={draft.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={errors.name}
          required
          maw={520}
        />
        <Fieldset legend={t('campaign.selection')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('campaign.responsibles')}
              placeholder={t('campaign.any')}
              data={(users.data ?? [])
                .filter((user) => user.isActive)
                .map((user) => ({ value: user.id, label: user.name }))}
              value={draft.responsibleUserIds}
              onChange={(responsibleUserIds) => set({ responsibleUserIds })}
              clearable
            />
            <NativeSelect
              label={t('campaign.termsBelow')}
              value={draft.termsVersionBelow}
              onChange={(event) => set({ termsVersionBelow: event.currentTarget.value })}
              data={[
                { value: '', label: t('campaign.anyTerms') },
                ...versions.map((version) => ({
                  value: String(version.version),
                  label: t('campaign.termsOlderThan', { version: version.version }),
                })),
              ]}
            />
            <DateField
              label={t('campaign.signedBefore')}
              valueFormat="DD/MM/YYYY"
              placeholder={t('campaign.anyDate')}
              clearable
              value={draft.signedBefore}
              onChange={(value) => set({ signedBefore: day(value) })}
              error={errors.signedBefore}
            />
            <MultiSelect
              label={t('campaign.fiscalYearEnd')}
              placeholder={t('campaign.any')}
              data={months}
              value={draft.fiscalYearEndMonths}
              onChange={(fiscalYearEndMonths) => set({ fiscalYearEndMonths })}
              clearable
            />
            <MultiSelect
              label={t('campaign.withServices')}
              placeholder={t('campaign.any')}
              data={(services.data ?? []).map((service) => ({
                value: service.id,
                label: `${service.code} — ${service.label}`,
              }))}
              value={draft.serviceIds}
              onChange={(serviceIds) => set({ serviceIds })}
              searchable
              clearable
            />
          </SimpleGrid>
        </Fieldset>
        <RevaluationFields
          draft={draft}
          set={set}
          services={services.data ?? []}
          errors={errors}
          askConfirmation={
            error instanceof ApiError && error.problem.code === 'REVALUATION.CONFIRMATION_REQUIRED'
          }
        />
        <ExceptionsEditor
          exceptions={draft.exceptions}
          onChange={(exceptions) => set({ exceptions })}
          services={services.data ?? []}
          errors={errors}
        />
        <Fieldset legend={t('campaign.letters')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label={t('document.effectiveDate')}
              valueFormat="DD/MM/YYYY"
              value={draft.effectiveDate}
              onChange={(value) => set({ effectiveDate: day(value) })}
              error={errors.effectiveDate}
              required
            />
            <DateField
              label={t('campaign.validUntil')}
              valueFormat="DD/MM/YYYY"
              value={draft.validUntil}
              onChange={(value) => set({ validUntil: day(value) })}
              error={errors.validUntil}
              required
            />
            <NativeSelect
              label={t('document.termsVersion')}
              value={draft.termsVersionId}
              onChange={(event) => set({ termsVersionId: event.currentTarget.value })}
              data={[
                { value: '', label: t('campaign.termsInForce') },
                ...versions.map((version) => ({
                  value: version.id,
                  label: `${version.version} — ${version.title}`,
                })),
              ]}
              error={errors.termsVersionId}
            />
          </SimpleGrid>
        </Fieldset>
        {error !== null && error !== undefined && !hasFieldError && (
          <Alert color="red" role="alert" title={t('common.error')}>
            <ProblemText error={error} />
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
