import { z } from 'zod';
import { isQuantity, MAX_PRICE_CENTS, MAX_QUANTITY } from '../domain/documents/fees.ts';
import { isIsoDate } from '../domain/shared/dates.ts';

/**
 * The field schemas of every route, each with a French message that says what is expected. zod's
 * own fallback messages are French too.
 */
z.config(z.locales.fr());
z.config({
  // zod's French for a missing field reads "chaîne de caractères attendu, indéfini reçu".
  customError: (issue) => (issue.input === undefined ? 'Champ obligatoire : renseignez-le.' : undefined),
});

const NUL = '\u0000';
const withoutNul = (value: string) => !value.includes(NUL);
const NUL_MESSAGE = 'Caractère nul interdit dans un texte.';

export const text = (max: number) =>
  z
    .string({ error: 'Texte attendu.' })
    .trim()
    .min(1, { error: 'Champ obligatoire : il ne peut pas être vide.' })
    .max(max, { error: `Texte trop long : ${max} caractères au plus.` })
    .refine(withoutNul, { error: NUL_MESSAGE });

/** An optional text; an empty one clears the field (null). */
export const clearableText = (max: number) =>
  z
    .string({ error: 'Texte ou null attendu.' })
    .trim()
    .max(max, { error: `Texte trop long : ${max} caractères au plus.` })
    .refine(withoutNul, { error: NUL_MESSAGE })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `Valeur invalide : attendu ${values.join(', ')}.` });

export const flag = z.boolean({ error: 'Booléen attendu : true ou false.' });

export const versionField = z
  .number({ error: 'Numéro de version attendu : celui de votre dernière lecture.' })
  .int({ error: 'Numéro de version entier attendu.' })
  .positive({ error: 'Numéro de version positif attendu.' })
  .max(2_147_483_647, { error: 'Numéro de version inconnu : relisez l’élément pour obtenir le sien.' });

export const uuidField = z.uuid({ error: 'Identifiant invalide (UUID attendu).' });

export const emailField = z
  .email({ error: 'Adresse e-mail invalide : par exemple prenom.nom@cabinet.fr.' })
  .max(254, { error: 'Adresse e-mail trop longue.' });

export const isoDay = z
  .string({ error: 'Date attendue au format AAAA-MM-JJ.' })
  .refine(isIsoDate, { error: 'Date invalide : format attendu AAAA-MM-JJ, par exemple 2026-11-29.' });

/** Amounts are integer cents: 1 236,00 € is 123600. */
export const centsField = z
  .number({ error: 'Montant en centimes attendu (123600 pour 1 236,00 €).' })
  .int({ error: 'Montant en centimes entiers attendu (123600 pour 1 236,00 €).' })
  .min(0, { error: 'Le montant ne peut pas être négatif.' })
  .max(MAX_PRICE_CENTS, { error: 'Montant trop élevé : dix millions d’euros au plus.' });

/** VAT in basis points: 2000 is 20 %, 550 is 5,5 %. */
export const vatRateField = z
  .number({ error: 'Taux de TVA en points de base attendu : 2000 pour 20 %, 0 pour les débours.' })
  .int({ error: 'Taux de TVA en points de base entiers attendu : 2000 pour 20 %.' })
  .min(0, { error: 'Le taux de TVA ne peut pas être négatif.' })
  .max(10_000, { error: 'Taux de TVA trop élevé : 10000 (100 %) au plus.' });

/** A coefficient as a number (1.03) or a string ("1,03"), kept as an exact decimal string. */
export const coefficientField = z
  .union([z.number(), z.string()], { error: 'Coefficient attendu : un nombre décimal comme 1,03.' })
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim().replace(',', '.')))
  .refine((value) => /^\d{1,3}(\.\d{1,6})?$/.test(value), {
    error: 'Coefficient invalide : un nombre décimal positif comme 1,03, six décimales au plus.',
  });

/** A JSON object that refuses unknown fields, and names them. */
export const frenchObject = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Champ inconnu : ${issue.keys.join(', ')}.`
        : 'Objet JSON attendu.',
  });

/** A query string boolean: "true" or "false". */
export const queryFlag = z
  .enum(['true', 'false'], { error: 'Valeur invalide : attendu true ou false.' })
  .optional()
  .transform((value) => value === 'true');

/** In answers: an instant, written ISO 8601 (a replayed idempotent answer holds it as a string). */
export const instantOut = z.coerce.date().meta({ description: 'Instant ISO 8601 (UTC)' });

export const idParam = z.object({ id: uuidField });

/** A quantity is a positive exact decimal (at most 3 decimals), given as a number or a string. */
export const quantityField = z
  .union([z.number(), z.string()], { error: 'Quantité attendue : un nombre comme 7 ou 7,5.' })
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim().replace(',', '.')))
  .refine(isQuantity, {
    error: `Quantité invalide : un nombre strictement positif, au plus ${MAX_QUANTITY} et 3 décimales.`,
  });

export const pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  direction: z.enum(['asc', 'desc'], { error: 'Sens de tri invalide : asc ou desc.' }).default('desc'),
};

/** The query of a list with nothing to filter: which page, how many a page (every list takes them). */
export const pageQuery = frenchObject({ page: pagination.page, pageSize: pagination.pageSize });

/** A free search: a name, a SIREN, a number. */
export const searchField = z
  .string()
  .trim()
  .max(100, { error: 'Recherche trop longue : 100 caractères au plus.' })
  .refine(withoutNul, { error: NUL_MESSAGE })
  .optional();
