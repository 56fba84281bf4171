import { z } from 'zod';
import { CAMPAIGN_ITEM_STATUSES, CAMPAIGN_STATUSES } from '../application/records.ts';
import { SKIP_REASONS } from '../domain/renewal/campaign-plan.ts';
import { INCREASE_BANDS } from '../domain/renewal/campaign-summary.ts';
import { ROUNDINGS } from '../domain/renewal/revaluation.ts';
import {
  centsField,
  clearableText,
  coefficientField,
  flag,
  frenchObject,
  instantOut,
  isoDay,
  oneOf,
  pageQuery,
  pagination,
  searchField,
  text,
  uuidField,
  versionField,
} from './fields.schemas.ts';
import { pageOf } from './responses.schemas.ts';

const ids = (what: string, max = 500) =>
  z
    .array(uuidField, { error: `Liste d’identifiants attendue (${what}).` })
    .max(max, { error: `${max} ${what} au plus.` });

/** An index of a revaluation formula (Syntec, ILC…): a positive decimal, "318,4" or 318.4. */
const indexField = z
  .union([z.number(), z.string()], { error: 'Indice attendu : un nombre décimal comme 318,4.' })
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim().replace(',', '.')))
  .refine((value) => /^\d{1,9}(\.\d{1,6})?$/.test(value), {
    error: 'Indice invalide : un nombre décimal positif comme 318,4, six décimales au plus.',
  });

const selection = frenchObject({
  responsibleUserIds: ids('responsables').optional(),
  termsVersionBelow: z
    .number({ error: 'Numéro de version des conditions générales attendu.' })
    .int()
    .min(1)
    .max(100_000)
    .nullable()
    .optional(),
  signedBefore: isoDay.nullable().optional(),
  fiscalYearEndMonths: z
    .array(z.number().int().min(1, { error: 'Mois de 1 à 12.' }).max(12, { error: 'Mois de 1 à 12.' }))
    .max(12)
    .optional(),
  serviceIds: ids('missions').optional(),
});

const revaluation = z.discriminatedUnion(
  'method',
  [
    frenchObject({ method: z.literal('coefficient'), coefficient: coefficientField }),
    frenchObject({ method: z.literal('index'), referenceIndex: indexField, newIndex: indexField }),
  ],
  {
    error:
      'Réévaluation attendue : { method: "coefficient", coefficient } ou { method: "index", referenceIndex, newIndex }.',
  },
);

const exception = z.discriminatedUnion(
  'action',
  [
    frenchObject({
      engagementId: uuidField,
      action: z.literal('coefficient'),
      coefficient: coefficientField,
    }),
    frenchObject({
      engagementId: uuidField,
      action: z.literal('fixed_prices'),
      prices: z
        .array(frenchObject({ serviceId: uuidField, unitPriceCents: centsField }))
        .min(1, { error: 'Indiquez au moins un prix.' })
        .max(100),
    }),
    frenchObject({
      engagementId: uuidField,
      action: z.literal('leave_out'),
      reason: clearableText(500).transform((value) => value ?? null),
    }),
  ],
  { error: 'Exception attendue : action coefficient, fixed_prices ou leave_out.' },
);

export const campaignSettingsBody = frenchObject({
  selection: selection.optional(),
  revaluation,
  rounding: oneOf(ROUNDINGS).optional(),
  excludedServiceIds: ids('missions exclues').optional(),
  excludedLineIds: ids('lignes exclues', 10_000).optional(),
  exceptions: z
    .array(exception)
    .max(10_000)
    .refine((list) => new Set(list.map((e) => e.engagementId)).size === list.length, {
      error: 'Une seule exception par client.',
    })
    .optional(),
  termsVersionId: uuidField.nullable().optional(),
  effectiveDate: isoDay,
  validUntil: isoDay,
  confirmUnusualCoefficient: flag.optional(),
});

export const createCampaignBody = frenchObject({ name: text(200), settings: campaignSettingsBody });

export const updateCampaignBody = frenchObject({
  version: versionField,
  name: text(200).optional(),
  settings: campaignSettingsBody.optional(),
});

export const previewQuery = z.strictObject({
  page: pagination.page,
  pageSize: pagination.pageSize,
  outcome: oneOf(['planned', 'skipped'] as const).optional(),
  search: searchField,
});

export const itemsQuery = z.strictObject({
  page: pagination.page,
  pageSize: pagination.pageSize,
  status: oneOf(CAMPAIGN_ITEM_STATUSES).optional(),
});

export const campaignsQuery = pageQuery;

export const outdatedTermsQuery = z.strictObject({
  page: pagination.page,
  pageSize: pagination.pageSize,
  below: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const noticeDeadlinesQuery = z.strictObject({
  page: pagination.page,
  pageSize: pagination.pageSize,
  days: z.coerce
    .number()
    .int()
    .min(1, { error: 'Un jour au moins.' })
    .max(730, { error: 'Deux ans au plus.' })
    .default(90),
});

/** Answers hold the domain's readonly lists. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const cents = z.number().int().meta({ description: 'Montant en centimes' });
const percent = z.string().nullable().meta({ description: 'Variation en %, "3.00" pour +3 %' });

const settingsOut = z.object({
  selection: z.object({
    responsibleUserIds: list(z.string()),
    termsVersionBelow: z.number().nullable(),
    signedBefore: z.string().nullable(),
    fiscalYearEndMonths: list(z.number()),
    serviceIds: list(z.string()),
  }),
  revaluation: z.union([
    z.object({ method: z.literal('coefficient'), coefficient: z.string() }),
    z.object({ method: z.literal('index'), referenceIndex: z.string(), newIndex: z.string() }),
  ]),
  rounding: z.enum(ROUNDINGS),
  excludedServiceIds: list(z.string()),
  excludedLineIds: list(z.string()),
  exceptions: list(
    z.union([
      z.object({ engagementId: z.string(), action: z.literal('coefficient'), coefficient: z.string() }),
      z.object({
        engagementId: z.string(),
        action: z.literal('fixed_prices'),
        prices: list(z.object({ serviceId: z.string(), unitPriceCents: cents })),
      }),
      z.object({ engagementId: z.string(), action: z.literal('leave_out'), reason: z.string().nullable() }),
    ]),
  ),
  termsVersionId: z.string().nullable(),
  effectiveDate: z.string(),
  validUntil: z.string(),
  confirmUnusualCoefficient: z.boolean(),
});

const countsOf = <const K extends readonly string[]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])) as Record<K[number], z.ZodNumber>);

export const campaignOut = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  settings: settingsOut,
  version: z.number().int(),
  createdAt: instantOut,
  generatedAt: instantOut.nullable(),
  sentAt: instantOut.nullable(),
  completedAt: instantOut.nullable(),
  progress: z.object({
    total: z.number().int(),
    pending: z.number().int(),
    generated: z.number().int(),
    skipped: z.number().int(),
    sent: z.number().int(),
    sendFailed: z.number().int(),
  }),
  followUp: z.object({
    byStatus: countsOf(['draft', 'sent', 'signed', 'refused', 'expired', 'cancelled'] as const),
    annualBeforeCents: cents,
    annualAfterCents: cents,
    feesSecuredCents: cents,
    feesPendingCents: cents,
    refusals: list(
      z.object({
        engagementId: z.string(),
        companyName: z.string(),
        documentId: z.string(),
        number: z.string().nullable(),
        reason: z.string().nullable(),
        refusedAt: instantOut.nullable(),
      }),
    ),
  }),
});

export const progressOut = z.object({
  status: z.enum(CAMPAIGN_STATUSES),
  progress: campaignOut.shape.progress,
});

const identity = {
  engagementId: z.string(),
  companyName: z.string(),
  clientCode: z.string().nullable(),
  siren: z.string().nullable(),
};

export const clientPlanOut = z.union([
  z.object({
    ...identity,
    outcome: z.literal('planned'),
    annualBeforeCents: cents,
    annualAfterCents: cents,
    changePercent: percent,
    coefficient: z.string(),
    exception: z.enum(['coefficient', 'fixed_prices', 'leave_out']).nullable(),
    lines: list(
      z.object({
        lineId: z.string(),
        letterId: z.string(),
        serviceId: z.string().nullable(),
        label: z.string(),
        recurrence: z.string(),
        quantity: z.string(),
        beforeUnitCents: cents,
        unitPriceCents: cents,
        pricing: z.enum(['revalued', 'excluded', 'fixed']),
        annualBeforeCents: cents,
        annualAfterCents: cents,
      }),
    ),
  }),
  z.object({
    ...identity,
    outcome: z.literal('skipped'),
    reason: z.enum(SKIP_REASONS),
    detail: z.string().nullable(),
    /** vigilance_incomplete: each item the client's LCB-FT file lacks, in French (R-F1). */
    missing: list(z.string()).optional(),
    annualBeforeCents: cents,
  }),
]);

export const previewOut = z.object({
  summary: z.object({
    selected: z.number().int(),
    planned: z.number().int(),
    skipped: z.number().int(),
    skippedByReason: countsOf(SKIP_REASONS),
    annualBeforeCents: cents,
    annualAfterCents: cents,
    changePercent: percent,
    distribution: list(
      z.object({
        band: z.enum(INCREASE_BANDS.map((b) => b.key) as [string, ...string[]]),
        clients: z.number(),
      }),
    ),
  }),
  clients: pageOf(clientPlanOut),
});

export const campaignItemOut = z.object({
  engagementId: z.string(),
  companyName: z.string(),
  clientCode: z.string().nullable(),
  position: z.number().int(),
  status: z.enum(CAMPAIGN_ITEM_STATUSES),
  skipReason: z.enum(SKIP_REASONS).nullable(),
  documentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentStatus: z.string().nullable(),
  annualBeforeCents: cents.nullable(),
  annualAfterCents: cents.nullable(),
  sendProblem: z.object({ code: z.string(), missing: list(z.string()).optional() }).nullable(),
  refusalReason: z.string().nullable(),
});

/** A page of the letters in force on older terms, with the versions compared. */
export const outdatedTermsOut = pageOf(
  z.object({
    engagementId: z.string(),
    companyName: z.string(),
    clientCode: z.string().nullable(),
    letterId: z.string(),
    letterNumber: z.string().nullable(),
    termsVersion: z.number().int().nullable(),
  }),
).extend({
  currentVersion: z.number().int().nullable().meta({ description: 'La version en vigueur aujourd’hui' }),
  below: z.number().int().meta({ description: 'Les lettres sous cette version sont listées' }),
});

export const noticeDeadlinesOut = pageOf(
  z.object({
    engagementId: z.string(),
    companyName: z.string(),
    clientCode: z.string().nullable(),
    letterId: z.string(),
    letterNumber: z.string().nullable(),
    periodEnd: z.string(),
    noticeDeadline: z.string(),
    annualFeesCents: cents,
    /** R-G1: the end date of the letter's termination, when it is already terminated. */
    endDate: z.string().nullable(),
  }),
);

export const recurringFeesOut = z.object({
  totalCents: cents,
  byDomain: list(z.object({ domain: z.string(), cents })),
  clients: z.number().int(),
});

/** The firm's signature of a campaign's letters in one action (« Signer les lettres pour le cabinet »). */
export const campaignSigningCountOut = z.object({
  waiting: z.number().int().meta({ description: 'Lettres envoyées qui attendent la signature du cabinet' }),
});

const signedLetterOut = z.object({ documentId: z.uuid(), number: z.string().nullable() });

export const campaignSigningOut = z.object({
  signed: z.array(signedLetterOut),
  failed: z.array(signedLetterOut.extend({ code: z.string(), message: z.string() })),
  remaining: z.number().int().meta({
    description: 'Lettres qui attendent encore après le curseur : rappelez avec after = next pour continuer',
  }),
  next: z.string().nullable().meta({
    description:
      'Le curseur (numéro de la dernière lettre essayée) à passer en after, null quand rien ne reste',
  }),
});

export const campaignSigningQuery = z.object({
  after: z.string().max(100).optional().meta({ description: 'Le next de l’appel précédent' }),
});
