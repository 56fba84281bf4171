import { z } from 'zod';
import { BILLING_PERIODS } from '../domain/billing/instalments.ts';
import { DOCUMENT_KINDS, RECURRENCES } from '../domain/documents/kinds.ts';
import { DOCUMENT_STATUSES } from '../domain/documents/lifecycle.ts';
import { normaliseMobile } from '../domain/signing/mobile.ts';
import {
  centsField,
  clearableText,
  coefficientField,
  isoDay,
  pagination,
  quantityField,
  queryFlag,
  searchField,
  text,
  vatRateField,
  versionField,
} from './fields.schemas.ts';

export const lineInput = z.strictObject({
  id: z.uuid().nullable().optional(),
  serviceId: z.uuid().nullable().optional(),
  label: clearableText(300),
  description: clearableText(4000),
  unitLabel: clearableText(50),
  quantity: quantityField,
  unitPriceCents: centsField.nullable().optional(),
  vatRateBp: vatRateField.nullable().optional(),
  recurrence: z.enum(RECURRENCES).nullable().optional(),
});

const change = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), line: lineInput }),
  z.strictObject({
    op: z.literal('modify'),
    targetLineId: z.uuid(),
    quantity: quantityField.optional(),
    unitPriceCents: centsField.optional(),
    label: text(300).optional(),
  }),
  z.strictObject({ op: z.literal('remove'), targetLineId: z.uuid() }),
]);

const termsFields = {
  title: text(200).optional(),
  validUntil: isoDay.nullable().optional(),
  effectiveDate: isoDay.nullable().optional(),
  durationMonths: z.number().int().min(1).max(120).optional(),
  renewal: z.enum(['tacit', 'new_letter']).optional(),
  noticeMonths: z.number().int().min(0).max(12).optional(),
  /** R-G2: a letter's (or replacement letter's) billing period; refused on any other kind. */
  billingPeriod: z.enum(BILLING_PERIODS).optional(),
  paymentTerms: clearableText(2000),
  revisionClause: clearableText(2000),
  notes: clearableText(4000),
  termsVersionId: z.uuid().nullable().optional(),
  /** The associé who signs for the firm (an active associé); null: the default rule (R-B3). */
  firmSignatoryId: z.uuid().nullable().optional(),
};

export const createDocumentBody = z
  .strictObject({
    ...termsFields,
    engagementId: z.uuid(),
    kind: z.enum(DOCUMENT_KINDS),
    lines: z.array(lineInput).max(200).optional(),
    amendsLetterId: z.uuid().optional(),
    changes: z.array(change).max(200).optional(),
    replacement: z
      .strictObject({
        replacesIds: z.array(z.uuid()).max(50).optional(),
        coefficient: coefficientField.nullable().optional(),
        confirmCoefficient: z.boolean().optional(),
        rounding: z.enum(['cent', 'euro']).optional(),
        excludedLineIds: z.array(z.uuid()).max(200).optional(),
      })
      .optional(),
  })
  .superRefine((body, ctx) => {
    // Each kind takes its own content: a field meant for another kind is refused, never dropped.
    const misplaced = (field: keyof typeof body, message: string) => {
      const value = body[field];
      const isEmpty = value === undefined || (Array.isArray(value) && value.length === 0);
      if (!isEmpty) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (body.kind === 'amendment') {
      misplaced('lines', 'Un avenant se décrit par ses changements (changes), pas par des lignes.');
    } else {
      misplaced('changes', 'Seul un avenant porte des changements (changes).');
      misplaced('amendsLetterId', 'Seul un avenant vise une lettre de mission (amendsLetterId).');
    }
    if (body.kind === 'replacement_letter') {
      misplaced(
        'lines',
        'Une lettre substitutive reprend le périmètre en vigueur : modifiez ses lignes une fois créée.',
      );
    } else {
      misplaced(
        'replacement',
        'Seule une lettre substitutive accepte des options de remplacement (replacement).',
      );
    }
  });

/** Issue 18: the sender's own words, quoted in the client's invitation mail. */
export const PERSONAL_MESSAGE_MAX = 2000;
const personalMessage = z
  .string()
  .max(PERSONAL_MESSAGE_MAX, {
    error: `Message personnel trop long : ${PERSONAL_MESSAGE_MAX} caractères au plus.`,
  })
  .meta({
    description:
      'Un message personnel au client, cité tel quel dans son e-mail d’invitation à signer (texte brut, échappé en HTML)',
  });

/**
 * The PDF of a document: `as=sent` renders a draft as its sending would freeze it (issue 18's send
 * dialog); `version` only makes the address change with the draft, so a browser never shows a stale one.
 */
export const pdfQuery = z.object({
  as: z.enum(['sent']).optional(),
  version: z.coerce.number().int().nonnegative().optional(),
});

export const sendPreviewBody = z.strictObject({ message: personalMessage.optional() });

const recipientOut = z.object({
  side: z.enum(['client', 'firm']),
  name: z.string(),
  email: z.string().nullable(),
  /** false: no usable address, this signatory signs on paper. */
  byEmail: z.boolean(),
});

export const sendPreviewOut = z.object({
  recipients: z.array(recipientOut),
  /** The client's invitation as it will be sent, the number and link still to be drawn. */
  mail: z.object({ to: z.string(), subject: z.string(), text: z.string() }).nullable(),
  signingDeadline: z.iso.datetime(),
});

export const sendBody = z
  .strictObject({
    version: versionField.optional(),
    signerMobile: z
      .string()
      .max(30, { error: 'Numéro de mobile trop long.' })
      .refine((value) => normaliseMobile(value) !== null, {
        error:
          'Numéro de mobile invalide : un mobile français (06 12 34 56 78) ou international (+32 470 12 34 56).',
      })
      .optional()
      .meta({
        description:
          'Le mobile du signataire client : le code de signature lui est alors envoyé par SMS (si l’installation a un fournisseur SMS) ; à défaut, le téléphone du contact s’il est un mobile',
      }),
    message: personalMessage.optional(),
  })
  .nullish();

export const updateDocumentBody = z.strictObject({
  ...termsFields,
  version: versionField,
  lines: z.array(lineInput).max(200).optional(),
  /** Issue 18: an amendment draft is edited like any other, its changes replaced as a whole. */
  changes: z.array(change).max(200).optional(),
});

export const signatureBody = z.strictObject({
  side: z.enum(['client', 'firm']),
  /** electronic: the associé signs for the firm in the product, as themself (the client signs by link). */
  method: z.enum(['paper', 'in_person', 'electronic']).default('paper'),
  signatoryName: text(200).optional(),
  capacity: clearableText(200),
  contactId: z.uuid().nullable().optional(),
  userId: z.uuid().nullable().optional(),
  signedOn: isoDay.optional(),
  scan: z
    .strictObject({
      fileName: text(200),
      contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
      base64: z
        .string()
        .max(7_000_000, { error: 'Le scan dépasse 5 Mo.' })
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'Scan invalide : contenu base64 attendu.' }),
    })
    .nullable()
    .optional(),
});

export const refuseBody = z.strictObject({ reason: text(2000) });
/** The reason is optional, and so is the body: a request without one reaches the route as null. */
export const cancelBody = z.strictObject({ reason: clearableText(2000) }).nullish();

/** What a document lacks before it may be sent: each mandatory item, with a French message. */
export const completenessOut = z.object({
  complete: z.boolean(),
  missing: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const documentListQuery = z.strictObject({
  ...pagination,
  engagementId: z.uuid().optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  search: searchField,
  awaitingMySignature: queryFlag.meta({
    description:
      'true : seulement les documents envoyés qui attendent la signature du cabinet par l’associé connecté (« À signer par moi »)',
  }),
  sort: z.enum(['updatedAt', 'createdAt', 'number', 'sentAt']).default('updatedAt'),
});
