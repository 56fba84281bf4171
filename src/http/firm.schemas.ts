import { z } from 'zod';
import { isValidSiren, normaliseRegistrationNumber } from '../domain/shared/siren.ts';
import {
  clearableText,
  emailField,
  flag,
  frenchObject,
  instantOut,
  text,
  versionField,
} from './fields.schemas.ts';

/** A registration number as people type it ("552 100 554"), kept without spaces; empty clears it. */
const registrationNumber = (isValid: (value: string) => boolean, message: string) =>
  z
    .string({ error: 'Texte ou null attendu.' })
    .transform(normaliseRegistrationNumber)
    .refine((value) => value === '' || isValid(value), { error: message })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const siren = registrationNumber(
  isValidSiren,
  'SIREN invalide : 9 chiffres avec une clé de contrôle valide (voir l’extrait Kbis du cabinet).',
);

/** The intra-community VAT number of a French firm: FR, a two-character key, the SIREN. */
const vatNumber = z
  .string({ error: 'Texte ou null attendu.' })
  .transform((value) => normaliseRegistrationNumber(value).toUpperCase())
  .refine((value) => value === '' || /^FR[0-9A-Z]{2}\d{9}$/.test(value), {
    error: 'Numéro de TVA intracommunautaire invalide : FR, une clé de 2 caractères et le SIREN.',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

const postalCode = z
  .string({ error: 'Texte ou null attendu.' })
  .trim()
  .refine((value) => value === '' || /^\d{5}$/.test(value), {
    error: 'Code postal invalide : 5 chiffres, par exemple 75008.',
  })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

/** Client codes are the prefix and a sequence ("DUP00042"). */
export const clientCodePrefix = z
  .string({ error: 'Préfixe attendu.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, {
    error: 'Préfixe des codes clients invalide : 2 à 6 lettres sans accent, par exemple DUP.',
  });

export const updateFirmBody = frenchObject({
  version: versionField,
  name: text(200).optional(),
  legalForm: clearableText(100),
  addressLine1: clearableText(200),
  addressLine2: clearableText(200),
  postalCode,
  city: clearableText(100),
  phone: clearableText(30),
  email: emailField.nullable().optional(),
  siren,
  rcs: clearableText(100),
  vatNumber,
  ordreCouncil: clearableText(200),
  insurer: clearableText(200),
  insuranceCoverage: clearableText(500),
  consumerMediator: clearableText(1000),
  clientCodePrefix: clientCodePrefix.optional(),
  accentColor: z
    .string({ error: 'Couleur ou null attendue.' })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, {
      error: 'Couleur invalide : notation hexadécimale #RRGGBB, par exemple #1F4E79.',
    })
    .transform((value) => value.toUpperCase())
    .nullable()
    .optional(),
  signatureReminderDays: z
    .array(z.number({ error: 'Nombre de jours attendu.' }).int().min(1).max(90), {
      error: 'Liste de jours attendue, par exemple [3, 7].',
    })
    .max(5, { error: 'Cinq relances au plus.' })
    .refine((days) => new Set(days).size === days.length, { error: 'Chaque jour de relance une seule fois.' })
    .transform((days) => [...days].sort((a, b) => a - b))
    .optional(),
  signingPeriodDays: z
    .number({ error: 'Nombre de jours attendu.' })
    .int()
    .min(1, { error: 'Au moins un jour.' })
    .max(365, { error: 'Un an au plus.' })
    .optional(),
  signedCopyAccessDays: z
    .number({ error: 'Nombre de jours attendu.' })
    .int()
    .min(1, { error: 'Au moins un jour.' })
    .max(3650, { error: 'Dix ans au plus.' })
    .optional()
    .meta({ description: 'Jours pendant lesquels le lien du signataire donne encore l’exemplaire signé' }),
  dpoEmail: emailField.nullable().optional(),
  revisionClauseByDefault: flag.optional(),
});

/** A logo travels as base64 in JSON, like the scans of paper signatures; 1 MiB decoded at most. */
export const logoBody = frenchObject({
  contentType: z.enum(['image/png', 'image/jpeg'], { error: 'Format attendu : image/png ou image/jpeg.' }),
  base64: z
    .string({ error: 'Contenu base64 attendu.' })
    .min(1, { error: 'Le fichier est vide.' })
    .max(1_500_000, { error: 'Le logo dépasse 1 Mo.' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'Logo invalide : contenu base64 attendu.' }),
});

export const logoOut = z.object({
  contentType: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int(),
  height: z.number().int(),
  uploadedAt: instantOut,
});

const nullableString = z.string().nullable();

/** The firm as the API shows it. */
export const firmOut = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  legalForm: nullableString,
  addressLine1: nullableString,
  addressLine2: nullableString,
  postalCode: nullableString,
  city: nullableString,
  phone: nullableString,
  email: nullableString,
  siren: nullableString,
  rcs: nullableString,
  vatNumber: nullableString,
  ordreCouncil: nullableString,
  insurer: nullableString,
  insuranceCoverage: nullableString,
  consumerMediator: nullableString,
  clientCodePrefix: z.string(),
  accentColor: nullableString,
  hasLogo: z.boolean(),
  signatureReminderDays: z.array(z.number().int()),
  signingPeriodDays: z.number().int(),
  signedCopyAccessDays: z.number().int(),
  dpoEmail: nullableString,
  revisionClauseByDefault: z.boolean(),
  version: z.number().int(),
  createdAt: instantOut,
  updatedAt: instantOut,
});
