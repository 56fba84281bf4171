import type { CampaignException, CampaignSettings } from '../api/types.ts';
import { centsToInput, parseEuros } from '../format.ts';
import { formatCoefficient, toDecimal } from './labels.ts';

export type ExceptionDraft = {
  key: string;
  engagementId: string;
  action: CampaignException['action'];
  coefficient: string;
  reason: string;
  prices: { key: string; serviceId: string; price: string }[];
};

/** The form's values: text as typed (French decimals), turned into the API's settings on save. */
export type SettingsDraft = {
  name: string;
  responsibleUserIds: string[];
  termsVersionBelow: string;
  signedBefore: string | null;
  fiscalYearEndMonths: string[];
  serviceIds: string[];
  method: 'coefficient' | 'index';
  coefficient: string;
  referenceIndex: string;
  newIndex: string;
  rounding: 'cent' | 'euro';
  excludedServiceIds: string[];
  excludedLineIds: string[];
  exceptions: ExceptionDraft[];
  termsVersionId: string;
  effectiveDate: string | null;
  validUntil: string | null;
  confirmUnusualCoefficient: boolean;
};

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A new campaign: +3 % from the next 1 January, to be signed within 30 days. */
export const newDraft = (today: string): SettingsDraft => ({
  name: '',
  responsibleUserIds: [],
  termsVersionBelow: '',
  signedBefore: null,
  fiscalYearEndMonths: [],
  serviceIds: [],
  method: 'coefficient',
  coefficient: '1,03',
  referenceIndex: '',
  newIndex: '',
  rounding: 'cent',
  excludedServiceIds: [],
  excludedLineIds: [],
  exceptions: [],
  termsVersionId: '',
  effectiveDate: `${Number(today.slice(0, 4)) + 1}-01-01`,
  validUntil: addDays(today, 30),
  confirmUnusualCoefficient: false,
});

export const newException = (): ExceptionDraft => ({
  key: crypto.randomUUID(),
  engagementId: '',
  action: 'coefficient',
  coefficient: '',
  reason: '',
  prices: [],
});

const exceptionOf = (draft: ExceptionDraft): CampaignException => {
  if (draft.action === 'coefficient')
    return {
      engagementId: draft.engagementId,
      action: 'coefficient',
      coefficient: toDecimal(draft.coefficient),
    };
  if (draft.action === 'leave_out')
    return { engagementId: draft.engagementId, action: 'leave_out', reason: draft.reason.trim() || null };
  return {
    engagementId: draft.engagementId,
    action: 'fixed_prices',
    // An unreadable price is sent as -1: the API names the field, next to which the form shows it.
    prices: draft.prices.map((row) => ({
      serviceId: row.serviceId,
      unitPriceCents: parseEuros(row.price) ?? -1,
    })),
  };
};

export const toSettings = (draft: SettingsDraft): CampaignSettings => ({
  selection: {
    responsibleUserIds: draft.responsibleUserIds,
    termsVersionBelow: draft.termsVersionBelow ? Number(draft.termsVersionBelow) : null,
    signedBefore: draft.signedBefore,
    fiscalYearEndMonths: draft.fiscalYearEndMonths.map(Number),
    serviceIds: draft.serviceIds,
  },
  revaluation:
    draft.method === 'coefficient'
      ? { method: 'coefficient', coefficient: toDecimal(draft.coefficient) }
      : {
          method: 'index',
          referenceIndex: toDecimal(draft.referenceIndex),
          newIndex: toDecimal(draft.newIndex),
        },
  rounding: draft.rounding,
  excludedServiceIds: draft.excludedServiceIds,
  excludedLineIds: draft.excludedLineIds,
  exceptions: draft.exceptions.filter((e) => e.engagementId).map(exceptionOf),
  termsVersionId: draft.termsVersionId || null,
  effectiveDate: draft.effectiveDate ?? '',
  validUntil: draft.validUntil ?? '',
  confirmUnusualCoefficient: draft.confirmUnusualCoefficient,
});

export const fromSettings = (name: string, settings: CampaignSettings): SettingsDraft => ({
  name,
  responsibleUserIds: [...settings.selection.responsibleUserIds],
  termsVersionBelow: settings.selection.termsVersionBelow?.toString() ?? '',
  signedBefore: settings.selection.signedBefore,
  fiscalYearEndMonths: settings.selection.fiscalYearEndMonths.map(String),
  serviceIds: [...settings.selection.serviceIds],
  method: settings.revaluation.method,
  coefficient:
    settings.revaluation.method === 'coefficient' ? formatCoefficient(settings.revaluation.coefficient) : '',
  referenceIndex:
    settings.revaluation.method === 'index' ? formatCoefficient(settings.revaluation.referenceIndex) : '',
  newIndex: settings.revaluation.method === 'index' ? formatCoefficient(settings.revaluation.newIndex) : '',
  rounding: settings.rounding,
  excludedServiceIds: [...settings.excludedServiceIds],
  excludedLineIds: [...settings.excludedLineIds],
  exceptions: settings.exceptions.map((e) => ({
    ...newException(),
    engagementId: e.engagementId,
    action: e.action,
    coefficient: e.action === 'coefficient' ? formatCoefficient(e.coefficient) : '',
    reason: e.action === 'leave_out' ? (e.reason ?? '') : '',
    prices:
      e.action === 'fixed_prices'
        ? e.prices.map((p) => ({
            key: crypto.randomUUID(),
            serviceId: p.serviceId,
            price: centsToInput(p.unitPriceCents),
          }))
        : [],
  })),
  termsVersionId: settings.termsVersionId ?? '',
  effectiveDate: settings.effectiveDate,
  validUntil: settings.validUntil,
  confirmUnusualCoefficient: settings.confirmUnusualCoefficient,
});

/** R-D3: below 1 or above 1,5, a coefficient needs an explicit confirmation. */
export const isUnusual = (text: string): boolean => {
  const value = Number(toDecimal(text));
  return Number.isFinite(value) && text.trim() !== '' && (value < 1 || value > 1.5);
};
