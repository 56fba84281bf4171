import { z } from 'zod';
import { instantOut } from './fields.schemas.ts';
import { pageOf } from './responses.schemas.ts';

export const signingSide = z.enum(['client', 'firm']);

export const progressOut = z.object({
  side: signingSide,
  signerName: z.string(),
  signerEmail: z.string(),
  status: z.enum(['pending', 'locked', 'signed', 'refused']),
  createdAt: instantOut,
  viewedAt: instantOut.nullable(),
  codeSentAt: instantOut.nullable(),
  codeVerifiedAt: instantOut.nullable(),
  completedAt: instantOut.nullable(),
  refusalReason: z.string().nullable(),
  remindersSent: z.number().int(),
  lastRemindedAt: instantOut.nullable(),
});

/** The signature trail as the firm reads it (issue 15, item 4), in time order. */
export const signingTrailOut = z.object({
  transactionId: z.string(),
  events: z.array(
    z.object({
      type: z.string(),
      at: instantOut,
      side: signingSide.nullable(),
      signerName: z.string().nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      browser: z.string().nullable().meta({ description: 'Le navigateur en bref (« Chrome 120 · Linux »)' }),
      description: z.string().meta({ description: 'La ligne telle que la page de preuve l’écrit' }),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
});
export type SigningTrail = z.infer<typeof signingTrailOut>;

export const documentSigningOut = z.object({
  requests: z.array(progressOut),
  sealedCopy: z.object({ sha256: z.string(), sealedAt: instantOut }).nullable(),
  /** The last attempt to seal failed: the firm may try again (POST …/signing/seal). */
  sealFailure: z.object({ at: instantOut, message: z.string() }).nullable(),
});
export type DocumentSigning = z.infer<typeof documentSigningOut>;

const mailSummary = {
  id: z.uuid(),
  kind: z.string(),
  documentId: z.uuid().nullable(),
  toName: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'outbox', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: instantOut,
  sentAt: instantOut.nullable(),
};
export const mailOut = z.object({
  ...mailSummary,
  textBody: z.string().nullable(),
  htmlBody: z.string().nullable(),
  attachSealedPdf: z.boolean(),
  /** A signer's link or code, kept from whoever is not an associé. */
  bodyWithheld: z.boolean(),
});
export type MailView = z.infer<typeof mailOut>;
export const mailPageOut = pageOf(z.object(mailSummary));
export type MailPage = z.infer<typeof mailPageOut>;
