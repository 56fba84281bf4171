import { z } from 'zod';
import { clearableText, isoDay, pagination, searchField, text, versionField } from './fields.schemas.ts';

const fiscalYearEnd = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  error: 'Clôture invalide : format MM-JJ, par exemple 12-31.',
});

export const companyFields = {
  name: text(200),
  isIndividual: z.boolean().optional(),
  legalForm: clearableText(50),
  siren: z.string().trim().max(20).nullable().optional(),
  siret: z.string().trim().max(25).nullable().optional(),
  nafCode: z
    .string()
    .regex(/^\d{2}\.?\d{2}[A-Z]$/, { error: 'Code NAF invalide : par exemple 69.20Z.' })
    .nullable()
    .optional(),
  activity: clearableText(500),
  addressLine1: clearableText(200),
  addressLine2: clearableText(200),
  postalCode: clearableText(10),
  city: clearableText(100),
  country: z.string().length(2).optional(),
  fiscalYearEnd: fiscalYearEnd.optional(),
  vatRegime: z.enum(['reel_normal', 'reel_simplifie', 'franchise', 'non_assujetti']).nullable().optional(),
};

export const companyBody = z.strictObject(companyFields);
export const companyPatchBody = z.strictObject({
  ...companyFields,
  name: text(200).optional(),
  version: versionField,
});

export const contactFields = {
  civility: z.enum(['M.', 'Mme']).nullable().optional(),
  firstName: text(100),
  lastName: text(100),
  email: z.email({ error: 'Adresse e-mail invalide.' }).nullable().optional(),
  phone: clearableText(30),
  capacity: clearableText(100),
  isSignatory: z.boolean().optional(),
};

export const contactBody = z.strictObject(contactFields);
export const contactPatchBody = z.strictObject({
  ...contactFields,
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  version: versionField,
});

export const createEngagementBody = z
  .strictObject({
    title: text(200).optional(),
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
  version: versionField,
  title: text(200).optional(),
  responsibleUserId: z.uuid().optional(),
  signatoryContactId: z.uuid().nullable().optional(),
});

export const convertBody = z.strictObject({ reason: text(2000) });

export const engagementListQuery = z.strictObject({
  ...pagination,
  state: z.enum(['prospect', 'client']).optional(),
  responsibleUserId: z.uuid().optional(),
  search: searchField,
  termsVersionBelow: z.coerce.number().int().min(1).max(100_000).optional().meta({
    description: 'R-D6 : clients dont la lettre en vigueur porte des CG antérieures à cette version',
  }),
  sort: z.enum(['updatedAt', 'createdAt', 'companyName', 'clientCode']).default('updatedAt'),
});

export const companyListQuery = z.strictObject({
  page: pagination.page,
  pageSize: pagination.pageSize,
  search: searchField,
});

export const scopeQuery = z.strictObject({ date: isoDay.optional() });
