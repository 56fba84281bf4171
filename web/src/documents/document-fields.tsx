import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { isLetterKind, kindPolicy } from '../../../src/domain/documents/kinds.ts';
import type { DocumentKind, LettrineDocument, TermsSummary, UpdateDocumentBody, User } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { DateField } from '../ui/date-field.tsx';

type BillingPeriod = LettrineDocument['billingPeriod'];
/** R-G2: the periods the server accepts (its schema's enum), in the order the select offers them. */
const BILLING_PERIODS: readonly BillingPeriod[] = ['monthly', 'quarterly', 'yearly'];

/** R-B3: the kinds an associé signs for the firm (letters and amendments), as the server's table says. */
const signedByFirm = (kind: DocumentKind): boolean => isLetterKind(kind) || kind === 'amendment';

export type FieldValues = {
  title: string;
  validUntil: string | null;
  effectiveDate: string | null;
  termsVersionId: string | null;
  paymentTerms: string;
  notes: string;
  /** The associé who signs for the firm; null: the responsible associé, else the first one. */
  firmSignatoryId: string | null;
  /** R-G2: how a letter's recurring fees are billed (letters and replacement letters only). */
  billingPeriod: BillingPeriod;
};

export const fieldsOf = (doc: LettrineDocument): FieldValues => ({
  title: doc.title,
  validUntil: doc.validUntil,
  effectiveDate: doc.effectiveDate,
  termsVersionId: doc.termsVersionId,
  paymentTerms: doc.paymentTerms ?? '',
  notes: doc.notes ?? '',
  firmSignatoryId: doc.firmSignatoryId ?? null,
  billingPeriod: doc.billingPeriod ?? 'monthly',
});

export const toFieldBody = (kind: DocumentKind, values: FieldValues): Partial<UpdateDocumentBody> => ({
  title: values.title,
  effectiveDate: values.effectiveDate,
  paymentTerms: values.paymentTerms,
  notes: values.notes,
  ...(signedByFirm(kind) ? { firmSignatoryId: values.firmSignatoryId } : {}),
  ...(kindPolicy(kind).hasValidityDate ? { validUntil: values.validUntil } : {}),
  // A letter cannot be sent without its terms (R-D6): the version is chosen, never cleared.
  ...(isLetterKind(kind) && values.termsVersionId ? { termsVersionId: values.termsVersionId } : {}),
  // R-G2: the server refuses a billing period on any other kind (an amendment follows its letter).
  ...(isLetterKind(kind) ? { billingPeriod: values.billingPeriod } : {}),
});

type Props = {
  kind: DocumentKind;
  values: FieldValues;
  onChange: (values: FieldValues) => void;
  terms: TermsSummary[];
  /** The firm's active associés: whom a document may name as its signatory for the firm. */
  associes: User[];
  errors: Record<string, string>;
};

const day = (value: unknown) => (value ? String(value).slice(0, 10) : null);

/** The document's own fields: title, dates, terms version (letters), payment terms, notes. */
export const DocumentFields = ({ kind, values, onChange, terms, associes, errors }: Props) => {
  const t = useT();
  const set = (patch: Partial<FieldValues>) => onChange({ ...values, ...patch });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('document.titleField')}
        value={values.title}
        onChange={(event) => set({ title: event.currentTarget.value })}
        error={errors.title}
      />
      <DateField
        label={t('document.effectiveDate')}
        valueFormat="DD/MM/YYYY"
        clearable
        value={values.effectiveDate}
        onChange={(value) => set({ effectiveDate: day(value) })}
        error={errors.effectiveDate}
      />
      {kindPolicy(kind).hasValidityDate && (
        <DateField
          label={t('document.validUntil')}
          valueFormat="DD/MM/YYYY"
          clearable
          value={values.validUntil}
          onChange={(value) => set({ validUntil: day(value) })}
          error={errors.validUntil}
        />
      )}
      {isLetterKind(kind) && (
        <NativeSelect
          label={t('document.termsVersion')}
          value={values.termsVersionId ?? terms.find((item) => item.isCurrent)?.id ?? ''}
          onChange={(event) => set({ termsVersionId: event.currentTarget.value || null })}
          data={terms.map((item) => ({ value: item.id, label: `v${item.version} — ${item.title}` }))}
          error={errors.termsVersionId}
        />
      )}
      {isLetterKind(kind) && (
        <NativeSelect
          label={t('document.billingPeriod')}
          value={values.billingPeriod}
          onChange={(event) => set({ billingPeriod: event.currentTarget.value as BillingPeriod })}
          data={BILLING_PERIODS.map((period) => ({ value: period, label: t(`billingPeriod.${period}`) }))}
          error={errors.billingPeriod}
        />
      )}
      {signedByFirm(kind) && (
        <NativeSelect
          label={t('document.firmSignatory')}
          value={values.firmSignatoryId ?? ''}
          onChange={(event) => set({ firmSignatoryId: event.currentTarget.value || null })}
          data={[
            { value: '', label: t('document.firmSignatoryDefault') },
            ...associes.map((user) => ({ value: user.id, label: `${user.name} — ${user.capacity}` })),
          ]}
          error={errors.firmSignatoryId}
        />
      )}
      <Textarea
        label={t('document.paymentTerms')}
        autosize
        minRows={2}
        value={values.paymentTerms}
        onChange={(event) => set({ paymentTerms: event.currentTarget.value })}
        error={errors.paymentTerms}
      />
      <Textarea
        label={t('document.notes')}
        autosize
        minRows={2}
        value={values.notes}
        onChange={(event) => set({ notes: event.currentTarget.value })}
        error={errors.notes}
      />
    </SimpleGrid>
  );
};
