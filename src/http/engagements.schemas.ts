import { z } from 'zod';
import { isoDate, optionalText, pagination, shortText, version } from './common.schemas.ts';

const fiscalYearEnd = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  error: 'Clôture invalide : format MM-JJ, par exemple 12-31.',
});

export const companyFields = {
  name: shortText(200),
  isIndividual: z.boolean().optional(),
  legalForm: optionalText(50),
  siren: z.string().trim().max(20).nullable().optional(),
  siret: z.string().trim().max(25).nullable().optional(),
  nafCode: z
    .string()
    .regex(/^\d{2}\.?\d{2}[A-Z]$/, { error: 'Code NAF invalide : par exemple 69.20Z.' })
    .nullable()
    .optional(),
  activity: optionalText(500),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  postalCode: optionalText(10),
  city: optionalText(100),
  country: z.string().length(2).optional(),
  fiscalYearEnd: fiscalYearEnd.optional(),
  vatRegime: z.enum(['reel_normal', 'reel_simplifie', 'franchise', 'non_assujetti']).nullable().optional(),
};

export const companyBody = z.strictObject(companyFields);
export const companyPatchBody = z.strictObject({
  ...companyFields,
  name: shortText(200).optional(),
  version,
});

export const contactFields = {
  civility: z.enum(['M.', 'Mme']).nullable().optional(),
  firstName: shortText(100),
  lastName: shortText(100),
  email: z.email({ error: 'Adresse e-mail invalide.' }).nullable().optional(),
  phone: optionalText(30),
  capacity: optionalText(100),
  isSignatory: z.boolean().optional(),
};

export const contactBody = z.strictObject(contactFields);
export const contactPatchBody = z.strictObject({
  ...contactFields,
  firstName: shortText(100).optional(),
  lastName: shortText(100).optional(),
  version,
});

export const createEngagementBody = z
  .strictObject({
    title: shortText(200).optional(),
    responsibleUserId: z.uuid().optional(),
    companyId: z.uuid().optional(),
    company: companyBody.optional(),
    signatory: contactBody.optional(),
    signatoryContactId: z.uuid().optional(),
  })
  .refine((body) => Boolean(body.companyId) !== Boolean(body.company), {
    error: 'Indiquez soit une entreprise existante (companyId), soit une nouvelle entreprise (company).',
  });

export const updateEngagementBody = z.strictObject({
  version,
  title: shortText(200).optional(),
  responsibleUserId: z.uuid().optional(),
  signatoryContactId: z.uuid().nullable().optional(),
});

export const convertBody = z.strictObject({ reason: shortText(2000) });

export const engagementListQuery = z.strictObject({
  ...pagination,
  state: z.enum(['prospect', 'client']).optional(),
  responsibleUserId: z.uuid().optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(['updatedAt', 'createdAt', 'companyName', 'clientCode']).default('updatedAt'),
});

export const companyListQuery = z.strictObject({
  page: pagination.page,
  pageSize: pagination.pageSize,
  search: z.string().trim().max(100).optional(),
});

export const scopeQuery = z.strictObject({ date: isoDate.optional() });
