import { z } from 'zod';
import { frenchObject, instantOut, isoDay, text } from './fields.schemas.ts';

export const publishTermsBody = frenchObject({
  title: text(200),
  /** The full text of the general terms: long, but bounded. */
  body: text(500_000),
  effectiveFrom: isoDay,
});

const termsFields = {
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  effectiveFrom: z.string().meta({ description: 'Date AAAA-MM-JJ' }),
  createdAt: instantOut,
};

export const termsOut = z.object({ ...termsFields, body: z.string() });

/** In lists, the long text is left out; the version in force today is marked. */
export const termsSummaryOut = z.object({ ...termsFields, isCurrent: z.boolean() });
