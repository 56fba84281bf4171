import { z } from 'zod';
import { PRICING_MODES, SERVICE_DOMAINS } from '../application/records.ts';
import { RECURRENCES } from '../domain/documents/kinds.ts';
import { ROUNDINGS } from '../domain/renewal/revaluation.ts';
import {
  centsField,
  clearableText,
  coefficientField,
  flag,
  frenchObject,
  instantOut,
  oneOf,
  pagination,
  queryFlag,
  text,
  uuidField,
  vatRateField,
  versionField,
} from './fields.schemas.ts';

const code = z
  .string({ error: 'Code attendu.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,29}$/, {
    error: 'Code invalide : 1 à 30 lettres sans accent, chiffres, tirets ou soulignés, par exemple PAIE-BUL.',
  });

/** Who does what, how often: the split of tasks a letter must state. */
const taskSplitItem = frenchObject({
  task: text(300),
  who: oneOf(['firm', 'client'] as const),
  frequency: text(100),
});

const taskSplit = z
  .array(taskSplitItem, { error: 'Liste des tâches attendue : [{ task, who, frequency }].' })
  .max(50, { error: 'Répartition des tâches trop longue : 50 tâches au plus.' });

const serviceFields = {
  code,
  label: text(200),
  description: clearableText(4000),
  domain: oneOf(SERVICE_DOMAINS),
  recurrence: oneOf(RECURRENCES),
  pricingMode: oneOf(PRICING_MODES),
  unitLabel: clearableText(50),
  priceCents: centsField,
  vatRateBp: vatRateField.optional(),
  professionalStandard: clearableText(500),
  /** What the mission is not (for example neither an audit nor a limited review). */
  exclusions: clearableText(4000),
  taskSplit: taskSplit.optional(),
};

export const createServiceBody = frenchObject(serviceFields);

export const updateServiceBody = frenchObject({
  ...serviceFields,
  version: versionField,
  code: code.optional(),
  label: text(200).optional(),
  domain: oneOf(SERVICE_DOMAINS).optional(),
  recurrence: oneOf(RECURRENCES).optional(),
  pricingMode: oneOf(PRICING_MODES).optional(),
  priceCents: centsField.optional(),
});

export const serviceListQuery = frenchObject({
  page: pagination.page,
  pageSize: pagination.pageSize,
  includeArchived: queryFlag,
});

export const archiveBody = frenchObject({ version: versionField.optional() }).optional();

export const revalueBody = frenchObject({
  coefficient: coefficientField,
  confirm: flag.optional(),
  rounding: oneOf(ROUNDINGS).optional(),
  excludedServiceIds: z
    .array(uuidField, { error: 'Liste d’identifiants de missions attendue.' })
    .max(500, { error: '500 missions exclues au plus.' })
    .optional(),
  dryRun: flag.optional(),
});

const centsOut = z.number().int().meta({ description: 'Montant en centimes' });

export const serviceOut = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  domain: z.enum(SERVICE_DOMAINS),
  recurrence: z.enum(RECURRENCES),
  pricingMode: z.enum(PRICING_MODES),
  unitLabel: z.string().nullable(),
  priceCents: centsOut,
  vatRateBp: z.number().int().meta({ description: 'Taux de TVA en points de base (2000 = 20 %)' }),
  professionalStandard: z.string().nullable(),
  exclusions: z.string().nullable(),
  taskSplit: z.array(z.object({ task: z.string(), who: z.enum(['firm', 'client']), frequency: z.string() })),
  archivedAt: instantOut.nullable(),
  version: z.number().int(),
});

/** A service and, related to it (R-D4), every price it has had, newest first, with what changed it. */
export const serviceViewOut = z.object({
  service: serviceOut,
  priceHistory: z.array(
    z.object({
      id: z.uuid(),
      serviceId: z.uuid(),
      priceCents: centsOut,
      validFrom: instantOut,
      coefficient: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const revaluationOut = z.object({
  coefficient: z.string(),
  rounding: z.enum(ROUNDINGS),
  dryRun: z.boolean(),
  appliedAt: instantOut.nullable(),
  reason: z.string(),
  revalued: z
    .array(
      z.object({
        serviceId: z.uuid(),
        code: z.string(),
        label: z.string(),
        beforeCents: centsOut,
        afterCents: centsOut,
        changePercent: z.string().nullable().meta({ description: 'Variation en %, "3.00" pour +3 %' }),
      }),
    )
    .readonly(),
  skipped: z
    .array(
      z.object({
        serviceId: z.uuid(),
        code: z.string(),
        label: z.string(),
        priceCents: centsOut,
        reason: z.enum(['excluded', 'at_cost']),
      }),
    )
    .readonly(),
});
