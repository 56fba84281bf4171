import { z } from 'zod';
import { BILLING_PERIODS } from '../domain/billing/instalments.ts';
import { DOCUMENT_KINDS, RECURRENCES } from '../domain/documents/kinds.ts';
import { DOCUMENT_ACTIONS, DOCUMENT_STATUSES } from '../domain/documents/lifecycle.ts';
import { instantOut } from './fields.schemas.ts';

/**
 * What the API answers, as OpenAPI shows it. The serializer keeps only these fields, so a record
 * never leaks a column the API did not mean to publish.
 */
const instant = instantOut;
const day = z.string().meta({ description: 'Date AAAA-MM-JJ' });
const centsOut = z.number().int().meta({ description: 'Montant en centimes' });
const cents = (description: string) =>
  z
    .number()
    .int()
    .meta({ description: `${description}, en centimes` });

/** Every list of the API answers this envelope, and takes `page` and `pageSize` (docs/api.md). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().meta({
      description:
        'Nombre d’éléments de toute la liste ; un plancher quand `totalIsExact` vaut false (une recherche cesse de compter après 1 000 résultats)',
    }),
    totalIsExact: z
      .boolean()
      .optional()
      .meta({ description: 'false : la liste compte plus de `total` éléments ; absent : `total` est exact' }),
    page: z.number().int().meta({ description: 'Numéro de la page, à partir de 1' }),
    pageSize: z.number().int().meta({ description: 'Éléments par page (200 au plus)' }),
  });

/** An answer without a body (204, or 202 for work queued): OpenAPI shows the status, no content. */
export const noContent = (description: string) => z.undefined().meta({ description });

export const engagementOut = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  title: z.string(),
  state: z.enum(['prospect', 'client']),
  responsibleUserId: z.uuid(),
  signatoryContactId: z.uuid().nullable(),
  clientCode: z.string().nullable(),
  convertedAt: instant.nullable(),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});

export const engagementListItemOut = engagementOut.extend({
  companyName: z.string(),
  siren: z.string().nullable(),
  responsibleName: z.string(),
});

export const companyOut = z.object({
  id: z.uuid(),
  name: z.string(),
  isIndividual: z.boolean(),
  legalForm: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  nafCode: z.string().nullable(),
  activity: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  fiscalYearEnd: z.string(),
  vatRegime: z.string().nullable(),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});

export const contactOut = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  civility: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  capacity: z.string().nullable(),
  isSignatory: z.boolean(),
  version: z.number().int(),
  createdAt: instant,
});

export const userSummaryOut = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
});

export const engagementViewOut = z.object({
  engagement: engagementOut,
  company: companyOut,
  contacts: z.array(contactOut),
  responsible: userSummaryOut,
});

export const companyViewOut = z.object({ company: companyOut, contacts: z.array(contactOut) });

export const eventOut = z.object({
  id: z.number().int(),
  engagementId: z.uuid().nullable(),
  documentId: z.uuid().nullable(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  type: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  data: z.unknown(),
  at: instant,
});

const totalsOut = z.object({
  totalHtCents: centsOut,
  vat: z.array(z.object({ rateBp: z.number().int(), baseCents: centsOut, vatCents: centsOut })).readonly(),
  totalVatCents: centsOut,
  totalTtcCents: centsOut,
  annualRecurringHtCents: centsOut,
  oneOffHtCents: centsOut,
  monthlyInstalmentsCents: z.array(centsOut).readonly(),
});

export const lineOut = z.object({
  id: z.uuid(),
  position: z.number().int(),
  operation: z.enum(['line', 'add', 'modify', 'remove']),
  targetLineId: z.uuid().nullable(),
  originLineId: z.uuid().nullable(),
  changedFields: z
    .array(z.enum(['quantity', 'unitPriceCents', 'label']))
    .nullable()
    .meta({ description: 'Ligne « modify » d’un avenant : les champs qu’elle change' }),
  serviceId: z.uuid().nullable(),
  label: z.string(),
  description: z.string().nullable(),
  unitLabel: z.string().nullable(),
  quantity: z.string().meta({ description: 'Quantité décimale exacte' }),
  unitPriceCents: centsOut,
  vatRateBp: z.number().int().meta({ description: 'Taux de TVA en points de base (2000 = 20 %)' }),
  recurrence: z.enum(RECURRENCES),
});

const documentFields = {
  id: z.uuid(),
  engagementId: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  number: z.string().nullable(),
  title: z.string(),
  notes: z.string().nullable(),
  validUntil: day.nullable(),
  effectiveDate: day.nullable(),
  durationMonths: z.number().int(),
  renewal: z.enum(['tacit', 'new_letter']),
  noticeMonths: z.number().int(),
  billingPeriod: z.enum(BILLING_PERIODS).meta({
    description:
      'Périodicité de facturation des honoraires récurrents (R-G2) : celle d’une lettre, ou de la lettre qu’un avenant modifie',
  }),
  paymentTerms: z.string().nullable(),
  revisionClause: z.string().nullable(),
  termsVersionId: z.uuid().nullable(),
  firmSignatoryId: z.uuid().nullable().meta({
    description:
      'L’associé choisi pour signer pour le cabinet ; null : l’associé responsable de la mission, sinon le premier associé actif',
  }),
  amendsLetterId: z.uuid().nullable(),
  sourceProposalId: z.uuid().nullable(),
  duplicatedFromId: z.uuid().nullable(),
  coefficient: z.string().nullable(),
  replacesIds: z.array(z.uuid()),
  totals: totalsOut.meta({
    description:
      'Totaux des lignes du document. Pour un avenant : les seules lignes ajoutées ou modifiées, à leur nouvelle valeur (la variation et le nouveau total sont dans amendmentImpact).',
  }),
  sentAt: instant.nullable(),
  signedAt: instant.nullable(),
  refusedAt: instant.nullable(),
  refusalReason: z.string().nullable(),
  expiredAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelReason: z.string().nullable(),
  replacedAt: instant.nullable(),
  replacedById: z.uuid().nullable(),
  createdBy: z.uuid(),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
};

export const documentOut = z.object({
  ...documentFields,
  lines: z.array(lineOut),
  isFrozen: z.boolean(),
  /** The SHA-256 of the PDF frozen at sending; null for a draft. */
  pdfSha256: z.string().nullable(),
});
export const documentListItemOut = z.object({ ...documentFields, companyName: z.string() });

export const signatureOut = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  side: z.enum(['client', 'firm']),
  method: z.enum(['paper', 'in_person', 'electronic']),
  signatoryName: z.string(),
  capacity: z.string().nullable(),
  contactId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  signedOn: day,
  scanFileName: z.string().nullable(),
  hasScan: z.boolean(),
  recordedBy: z.uuid().nullable(),
  recordedAt: instant,
});

export const documentViewOut = z.object({
  document: documentOut,
  signatures: z.array(signatureOut),
  requiredSignatures: z.array(z.enum(['client', 'firm'])).readonly(),
  availableActions: z.array(z.enum(DOCUMENT_ACTIONS)),
  createdLetterId: z.uuid().nullable(),
  outsideScopeLineIds: z.array(z.uuid()),
  amendmentImpact: z
    .object({
      letterAnnualBeforeCents: centsOut,
      letterAnnualAfterCents: centsOut,
      effectiveDate: day.meta({ description: 'Date d’effet de l’avenant' }),
      letterAnnualBeforeHtCents: cents('Honoraires récurrents annuels HT de la lettre avant l’avenant'),
      letterAnnualAfterHtCents: cents(
        'Nouveau total : honoraires récurrents annuels HT de la lettre après l’avenant',
      ),
      annualChangeHtCents: cents(
        'Variation des honoraires récurrents annuels HT (après − avant ; négative en baisse)',
      ),
      letterAnnualAfterTtcCents: cents('Nouveau total annuel TTC de la lettre'),
      newMonthlyInstalmentHtCents: cents('Nouvelle mensualité HT à compter de la date d’effet'),
      newMonthlyInstalmentTtcCents: cents('Nouvelle mensualité TTC à compter de la date d’effet'),
      billingPeriod: z
        .enum(BILLING_PERIODS)
        .meta({ description: 'Périodicité de facturation de la lettre, que l’avenant suit (R-G2)' }),
      newInstalmentHtCents: cents(
        'Nouvelle échéance HT de la périodicité de la lettre à compter de la date d’effet (la mensualité si mensuelle)',
      ),
      newInstalmentTtcCents: cents(
        'Nouvelle échéance TTC de la périodicité de la lettre à compter de la date d’effet (la mensualité si mensuelle)',
      ),
    })
    .nullable()
    .meta({
      description:
        'Avenant : ce qu’il change aux honoraires de la lettre (variation, nouveau total, nouvelle échéance de la périodicité de la lettre). Les `totals` d’un avenant ne somment que ses lignes ajoutées ou modifiées, à leur nouvelle valeur.',
    }),
  term: z
    .object({ periodEnd: day, noticeDeadline: day })
    .nullable()
    .meta({ description: 'Fin de la période couverte et date limite de dénonciation (lettres)' }),
});

const scopeLineOut = z.object({
  lineId: z.uuid(),
  letterId: z.uuid(),
  serviceId: z.uuid().nullable(),
  label: z.string(),
  unitLabel: z.string().nullable(),
  quantity: z.string(),
  unitPriceCents: centsOut,
  vatRateBp: z.number().int(),
  recurrence: z.enum(RECURRENCES),
});

export const scopeOut = z.object({
  date: day,
  letters: z
    .array(
      z.object({
        letterId: z.uuid(),
        number: z.string().nullable(),
        effectiveDate: day,
        lines: z.array(scopeLineOut).readonly(),
        annualRecurringCents: centsOut,
      }),
    )
    .readonly(),
  lines: z.array(scopeLineOut).readonly(),
  annualRecurringCents: centsOut,
});
