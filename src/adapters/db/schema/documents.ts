/**
 * Documents (proposals, letters, amendments, replacement letters, work orders): their lines, the
 * letters a replacement names, the gapless counters that number them, and their frozen PDFs.
 */
import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FrozenDocument } from '../../../application/records.ts';
import { BILLING_PERIODS } from '../../../domain/billing/instalments.ts';
import { DOCUMENT_KINDS } from '../../../domain/documents/kinds.ts';
import { services, termsVersions } from './catalogue.ts';
import { at, bytea, cents, created } from './columns.ts';
import { engagements } from './engagements.ts';
import { firmId, users } from './firms-users.ts';

export const documents = pgTable(
  'documents',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    kind: text('kind', {
      enum: DOCUMENT_KINDS,
    }).notNull(),
    status: text('status', {
      enum: ['draft', 'sent', 'signed', 'refused', 'expired', 'cancelled', 'replaced'],
    }).notNull(),
    number: text('number'),
    title: text('title').notNull(),
    notes: text('notes'),
    validUntil: date('valid_until', { mode: 'string' }),
    effectiveDate: date('effective_date', { mode: 'string' }),
    durationMonths: integer('duration_months').notNull().default(12),
    renewal: text('renewal', { enum: ['tacit', 'new_letter'] })
      .notNull()
      .default('tacit'),
    noticeMonths: integer('notice_months').notNull().default(3),
    /** R-G2: how often a letter's recurring fees are billed (a letter or a replacement letter). */
    billingPeriod: text('billing_period', { enum: BILLING_PERIODS }).notNull().default('monthly'),
    paymentTerms: text('payment_terms'),
    revisionClause: text('revision_clause'),
    termsVersionId: uuid('terms_version_id'),
    amendsLetterId: uuid('amends_letter_id'),
    sourceProposalId: uuid('source_proposal_id'),
    duplicatedFromId: uuid('duplicated_from_id'),
    coefficient: numeric('coefficient'),
    /** A replacement letter: the signed amendments its prefill consolidated (R-D2). */
    basedOnAmendmentIds: jsonb('based_on_amendment_ids').$type<string[]>(),
    totals: jsonb('totals').notNull(),
    /** When a sent document still unsigned expires: a proposal's validity, a letter's signing period. */
    signingDeadline: at('signing_deadline'),
    frozen: jsonb('frozen').$type<FrozenDocument>(),
    sentAt: at('sent_at'),
    signedAt: at('signed_at'),
    refusedAt: at('refused_at'),
    refusalReason: text('refusal_reason'),
    expiredAt: at('expired_at'),
    cancelledAt: at('cancelled_at'),
    cancelReason: text('cancel_reason'),
    replacedAt: at('replaced_at'),
    replacedById: uuid('replaced_by_id'),
    /** The renewal campaign that generated this replacement letter (R-D5). */
    campaignId: uuid('campaign_id'),
    /** The associé who signs for the firm, chosen on the document; null: chooseFirmSignatory's rule. */
    firmSignatoryId: uuid('firm_signatory_id'),
    /** R-G1: the last day a terminated letter covers (its termination is in `terminations`). */
    endDate: date('end_date', { mode: 'string' }),
    createdBy: uuid('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.number),
    foreignKey({ columns: [t.firmId, t.engagementId], foreignColumns: [engagements.firmId, engagements.id] }),
    foreignKey({
      columns: [t.firmId, t.termsVersionId],
      foreignColumns: [termsVersions.firmId, termsVersions.id],
    }),
    // The links between documents stay within the firm; a null link is not checked (MATCH SIMPLE).
    foreignKey({
      name: 'documents_amends_letter_fk',
      columns: [t.firmId, t.amendsLetterId],
      foreignColumns: [t.firmId, t.id],
    }),
    foreignKey({
      name: 'documents_source_proposal_fk',
      columns: [t.firmId, t.sourceProposalId],
      foreignColumns: [t.firmId, t.id],
    }),
    foreignKey({
      name: 'documents_duplicated_from_fk',
      columns: [t.firmId, t.duplicatedFromId],
      foreignColumns: [t.firmId, t.id],
    }),
    foreignKey({
      name: 'documents_replaced_by_fk',
      columns: [t.firmId, t.replacedById],
      foreignColumns: [t.firmId, t.id],
    }),
    foreignKey({
      name: 'documents_created_by_fk',
      columns: [t.firmId, t.createdBy],
      foreignColumns: [users.firmId, users.id],
    }),
    /** R-B2: at most one letter per signed proposal, whatever the concurrency. */
    uniqueIndex('documents_one_letter_per_proposal')
      .on(t.firmId, t.sourceProposalId)
      .where(sql`${t.sourceProposalId} is not null`),
    index('documents_firm_engagement_idx').on(t.firmId, t.engagementId),
    index('documents_firm_status_idx').on(t.firmId, t.status, t.kind),
    index('documents_firm_campaign_idx').on(t.firmId, t.campaignId).where(sql`${t.campaignId} is not null`),
  ],
);

export const documentLines = pgTable(
  'document_lines',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    position: integer('position').notNull(),
    operation: text('operation', { enum: ['line', 'add', 'modify', 'remove'] })
      .notNull()
      .default('line'),
    targetLineId: uuid('target_line_id'),
    originLineId: uuid('origin_line_id'),
    /** For a 'modify' line of an amendment: the fields it changes; the others keep the letter's. */
    changedFields: jsonb('changed_fields').$type<('quantity' | 'unitPriceCents' | 'label')[]>(),
    serviceId: uuid('service_id'),
    label: text('label').notNull(),
    description: text('description'),
    unitLabel: text('unit_label'),
    quantity: numeric('quantity').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    recurrence: text('recurrence', { enum: ['monthly', 'quarterly', 'yearly', 'one_off'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      columns: [t.firmId, t.documentId],
      foreignColumns: [documents.firmId, documents.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'document_lines_service_fk',
      columns: [t.firmId, t.serviceId],
      foreignColumns: [services.firmId, services.id],
    }),
    /**
     * A line may point to a line of another document of the firm (an amendment's target in its
     * letter, a letter's origin in its proposal). Only lines of signed documents are pointed to, and
     * only drafts have their lines rewritten, so no delete is ever refused; the two partial indexes
     * keep the check of such a delete from scanning every line of the firm.
     */
    foreignKey({
      name: 'document_lines_target_line_fk',
      columns: [t.firmId, t.targetLineId],
      foreignColumns: [t.firmId, t.id],
    }),
    foreignKey({
      name: 'document_lines_origin_line_fk',
      columns: [t.firmId, t.originLineId],
      foreignColumns: [t.firmId, t.id],
    }),
    index().on(t.firmId, t.documentId, t.position),
    index('document_lines_target_line_idx')
      .on(t.firmId, t.targetLineId)
      .where(sql`${t.targetLineId} is not null`),
    index('document_lines_origin_line_idx')
      .on(t.firmId, t.originLineId)
      .where(sql`${t.originLineId} is not null`),
  ],
);

/** R-D1: the letters a replacement letter names. */
export const documentReplacements = pgTable(
  'document_replacements',
  {
    firmId: firmId(),
    replacementId: uuid('replacement_id').notNull(),
    replacedId: uuid('replaced_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.replacementId, t.replacedId] }),
    foreignKey({ columns: [t.firmId, t.replacementId], foreignColumns: [documents.firmId, documents.id] }),
    foreignKey({ columns: [t.firmId, t.replacedId], foreignColumns: [documents.firmId, documents.id] }),
  ],
);

/** Gapless sequences (R-B5 document numbers, client codes): one row per firm and series. */
export const counters = pgTable(
  'counters',
  {
    firmId: firmId(),
    series: text('series').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.series] })],
);

/**
 * The PDF frozen when a document is sent (R-B4): the exact bytes a client received, and their
 * SHA-256, looked up by hash when someone asks which document a file is.
 */
export const documentFiles = pgTable(
  'document_files',
  {
    firmId: firmId(),
    documentId: uuid('document_id').notNull(),
    purpose: text('purpose', { enum: ['frozen', 'sealed'] }).notNull(),
    contentType: text('content_type', { enum: ['application/pdf'] }).notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    byteSize: integer('byte_size').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.documentId, t.purpose] }),
    foreignKey({ columns: [t.firmId, t.documentId], foreignColumns: [documents.firmId, documents.id] }),
    index('document_files_sha256_idx').on(t.sha256),
  ],
);
