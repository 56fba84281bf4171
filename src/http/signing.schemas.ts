import { z } from 'zod';
import { flag, instantOut, isoDay, text } from './fields.schemas.ts';

export const tokenParam = z.object({
  token: z.string().min(1).max(200).meta({ description: 'Le jeton du lien personnel de signature' }),
});

const side = z.enum(['client', 'firm']);
const kind = z.enum(['proposal', 'engagement_letter', 'amendment', 'replacement_letter', 'work_order']);

export const signingViewOut = z.object({
  firm: z.object({
    name: z.string(),
    city: z.string().nullable(),
    accentColor: z.string().nullable(),
    hasLogo: z.boolean(),
  }),
  document: z.object({
    kind,
    kindLabel: z.string(),
    number: z.string(),
    title: z.string(),
    sentAt: instantOut,
    deadline: instantOut.nullable(),
    totals: z.object({
      totalHtCents: z.number().int(),
      totalVatCents: z.number().int(),
      totalTtcCents: z.number().int(),
      annualRecurringHtCents: z.number().int(),
      oneOffHtCents: z.number().int(),
    }),
  }),
  signer: z.object({
    name: z.string(),
    side,
    capacity: z.string().nullable(),
    maskedEmail: z.string(),
  }),
  code: z.object({
    sentAt: instantOut.nullable(),
    expiresAt: instantOut.nullable(),
    verified: z.boolean(),
    attemptsLeft: z.number().int(),
  }),
  signatories: z.array(z.object({ side, name: z.string().nullable(), hasSigned: z.boolean() })),
});
export type SigningView = z.infer<typeof signingViewOut>;

export const codeSentOut = z.object({ sentTo: z.string(), expiresAt: instantOut });

export const verifyCodeBody = z.strictObject({
  code: z
    .string({ error: 'Saisissez le code à six chiffres reçu par e-mail.' })
    .trim()
    .regex(/^\d{6}$/, { error: 'Le code comporte six chiffres.' }),
});

export const signBody = z.strictObject({
  consent: flag,
  typedName: text(200),
  drawingPngBase64: z
    .string()
    .max(300_000, {
      error: 'La signature dessinée est trop lourde : effacez-la et dessinez-la plus simplement.',
    })
    .nullish(),
});

export const refuseBody = z.strictObject({ reason: text(1000) });

export const codeVerifiedOut = z.object({ verified: z.boolean() });

export const signedOut = z.object({
  documentStatus: z.string(),
  signedSides: z.array(side),
});
export const refusedOut = z.object({ documentStatus: z.string() });

export const verificationBody = z.strictObject({
  sha256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'Une empreinte SHA-256 compte 64 caractères hexadécimaux.' }),
});

export const verificationOut = z.discriminatedUnion('known', [
  z.object({ known: z.literal(false), sha256: z.string() }),
  z.object({
    known: z.literal(true),
    sha256: z.string(),
    copy: z.enum(['sent', 'signed']),
    firm: z.object({ name: z.string(), city: z.string().nullable() }),
    document: z.object({
      kind,
      kindLabel: z.string(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      sentAt: instantOut.nullable(),
      signedAt: instantOut.nullable(),
    }),
    signatures: z.array(
      z.object({
        side,
        name: z.string(),
        capacity: z.string().nullable(),
        method: z.enum(['paper', 'in_person', 'electronic']),
        signedOn: isoDay,
        signedAt: instantOut,
      }),
    ),
  }),
]);
export type Verification = z.infer<typeof verificationOut>;
