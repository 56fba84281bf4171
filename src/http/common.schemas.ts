import { z } from 'zod';
import { isIsoDate } from '../domain/shared/dates.ts';

// Validation messages a user reads are French, including zod's own fallbacks ("Trop petit…").
z.config(z.locales.fr());

export const idParam = z.object({ id: z.uuid({ error: 'Identifiant invalide (UUID attendu).' }) });

export const isoDate = z
  .string()
  .refine(isIsoDate, { error: 'Date invalide : format attendu AAAA-MM-JJ, par exemple 2026-11-29.' });

export const version = z.number().int().positive();

const MAX_QUANTITY = 100_000;

/** A quantity is a positive exact decimal (at most 3 decimals), given as a number or a string. */
export const quantity = z
  .union([z.number(), z.string()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim().replace(',', '.')))
  .refine(
    (value) => /^\d{1,6}(\.\d{1,3})?$/.test(value) && Number(value) > 0 && Number(value) <= MAX_QUANTITY,
    {
      error: `Quantité invalide : un nombre strictement positif, au plus ${MAX_QUANTITY} et 3 décimales.`,
    },
  );

/** Amounts are integer cents: 1 236,00 € is 123600. A price stays below ten million euros. */
export const cents = z
  .number()
  .int({ error: 'Montant en centimes entiers attendu (123600 pour 1 236,00 €).' })
  .min(0)
  .max(1_000_000_000);

export const vatRateBp = z.number().int().min(0).max(10_000);

export const coefficient = z
  .union([z.number(), z.string()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim().replace(',', '.')))
  .refine((value) => /^\d{1,3}(\.\d{1,6})?$/.test(value), {
    error: 'Coefficient invalide : un nombre décimal comme 1,03.',
  });

export const pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  direction: z.enum(['asc', 'desc']).default('desc'),
};

export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).nullable().optional();
