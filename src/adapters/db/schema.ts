/**
 * One schema for PGlite and PostgreSQL 15. Every table carries firm_id, and every primary, unique
 * and foreign key includes it, so the schema can be distributed by firm later without a rewrite
 * (ARCHITECTURE.md, "When one machine is not enough").
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FrozenDocument } from '../../application/records.ts';

const cents = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => at('created_at').notNull().defaultNow();
/** Binary content (PDFs, logos): pg hands back a Buffer, PGlite a Uint8Array; both are Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const firms = pgTable('firms', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  legalForm: text('legal_form'),
  addressLine1: text('address_line1'),
  addressLine2: text('address_line2'),
  postalCode: text('postal_code'),
  city: text('city'),
  phone: text('phone'),
  email: text('email'),
  siren: text('siren'),
  rcs: text('rcs'),
  vatNumber: text('vat_number'),
  ordreCouncil: text('ordre_council'),
  insurer: text('insurer'),
  insuranceCoverage: text('insurance_coverage'),
  consumerMediator: text('consumer_mediator'),
  clientCodePrefix: text('client_code_prefix').notNull(),
  accentColor: text('accent_color'),
  /** Days after sending when a pending signer is reminded (for example 3 and 7). */
  signatureReminderDays: integer('signature_reminder_days')
    .array()
    .notNull()
    .default(sql`'{3,7}'::integer[]`),
  /** Days a sent letter, amendment or work order awaits its signatures before it expires. */
  signingPeriodDays: integer('signing_period_days').notNull().default(30),
  version: integer('version').notNull().default(1),
  createdAt: created(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

const firmId = () =>
  uuid('firm_id')
    .notNull()
    .references(() => firms.id);

export const users = pgTable(
  'users',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['associe', 'collaborateur', 'lecture'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), unique().on(t.firmId, t.email), index().on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.tokenHash),
    // Every request finds its session by the token alone, before it knows the firm.
    index('sessions_token_hash_idx').on(t.tokenHash),
    index('sessions_expires_at_idx').on(t.expiresAt),
    foreignKey({ columns: [t.firmId, t.userId], foreignColumns: [users.firmId, users.id] }),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.tokenHash),
    index('api_tokens_token_hash_idx').on(t.tokenHash),
    foreignKey({ columns: [t.firmId, t.userId], foreignColumns: [users.firmId, users.id] }),
  ],
);

export const companies = pgTable(
  'companies',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    isIndividual: boolean('is_individual').notNull().default(false),
    legalForm: text('legal_form'),
    siren: text('siren'),
    siret: text('siret'),
    nafCode: text('naf_code'),
    activity: text('activity'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('FR'),
    fiscalYearEnd: text('fiscal_year_end').notNull().default('12-31'),
    vatRegime: text('vat_regime'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    uniqueIndex('companies_firm_siren_unique').on(t.firmId, t.siren).where(sql`${t.siren} is not null`),
    index('companies_firm_name_idx').on(t.firmId, t.name),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    companyId: uuid('company_id').notNull(),
    civility: text('civility'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    capacity: text('capacity'),
    isSignatory: boolean('is_signatory').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({ columns: [t.firmId, t.companyId], foreignColumns: [companies.firmId, companies.id] }),
    index().on(t.firmId, t.companyId),
  ],
);

export const engagements = pgTable(
  'engagements',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    companyId: uuid('company_id').notNull(),
    title: text('title').notNull(),
    state: text('state', { enum: ['prospect', 'client'] }).notNull(),
    responsibleUserId: uuid('responsible_user_id').notNull(),
    signatoryContactId: uuid('signatory_contact_id'),
    clientCode: text('client_code'),
    convertedAt: at('converted_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.clientCode),
    foreignKey({ columns: [t.firmId, t.companyId], foreignColumns: [companies.firmId, companies.id] }),
    foreignKey({ columns: [t.firmId, t.responsibleUserId], foreignColumns: [users.firmId, users.id] }),
    foreignKey({ columns: [t.firmId, t.signatoryContactId], foreignColumns: [contacts.firmId, contacts.id] }),
    index('engagements_firm_state_updated_idx').on(t.firmId, t.state, t.updatedAt),
    index('engagements_firm_responsible_idx').on(t.firmId, t.responsibleUserId),
    index('engagements_firm_company_idx').on(t.firmId, t.companyId),
  ],
);

export const services = pgTable(
  'services',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    domain: text('domain', {
      enum: ['comptable', 'fiscal', 'social', 'juridique', 'conseil', 'autre'],
    }).notNull(),
    recurrence: text('recurrence', { enum: ['monthly', 'quarterly', 'yearly', 'one_off'] }).notNull(),
    pricingMode: text('pricing_mode', { enum: ['fixed', 'unit', 'hourly', 'at_cost'] }).notNull(),
    unitLabel: text('unit_label'),
    priceCents: cents('price_cents').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull().default(2000),
    professionalStandard: text('professional_standard'),
    exclusions: text('exclusions'),
    taskSplit: jsonb('task_split')
      .$type<{ task: string; who: 'firm' | 'client'; frequency: string }[]>()
      .notNull(),
    archivedAt: at('archived_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), unique().on(t.firmId, t.code)],
);

/** R-D4: every price a service has had, with what changed it. */
export const servicePrices = pgTable(
  'service_prices',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    serviceId: uuid('service_id').notNull(),
    priceCents: cents('price_cents').notNull(),
    validFrom: at('valid_from').notNull(),
    coefficient: numeric('coefficient'),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({ columns: [t.firmId, t.serviceId], foreignColumns: [services.firmId, services.id] }),
    foreignKey({
      name: 'service_prices_changed_by_fk',
      columns: [t.firmId, t.changedBy],
      foreignColumns: [users.firmId, users.id],
    }),
    index().on(t.firmId, t.serviceId, t.validFrom),
  ],
);

export const termsVersions = pgTable(
  'terms_versions',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), unique().on(t.firmId, t.version)],
);

export const documents = pgTable(
  'documents',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    kind: text('kind', {
      enum: ['proposal', 'engagement_letter', 'amendment', 'replacement_letter', 'work_order'],
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

export const signatures = pgTable(
  'signatures',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    side: text('side', { enum: ['client', 'firm'] }).notNull(),
    method: text('method', { enum: ['paper', 'in_person', 'electronic'] }).notNull(),
    signatoryName: text('signatory_name').notNull(),
    capacity: text('capacity'),
    contactId: uuid('contact_id'),
    userId: uuid('user_id'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    scanFileName: text('scan_file_name'),
    scanContentType: text('scan_content_type'),
    scan: text('scan_base64'),
    /** Null when the signer signed through their link, without an account. */
    recordedBy: uuid('recorded_by'),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    /** R-B3: each side signs a document once. */
    unique().on(t.firmId, t.documentId, t.side),
    foreignKey({ columns: [t.firmId, t.documentId], foreignColumns: [documents.firmId, documents.id] }),
    foreignKey({
      name: 'signatures_contact_fk',
      columns: [t.firmId, t.contactId],
      foreignColumns: [contacts.firmId, contacts.id],
    }),
    foreignKey({
      name: 'signatures_user_fk',
      columns: [t.firmId, t.userId],
      foreignColumns: [users.firmId, users.id],
    }),
    foreignKey({
      name: 'signatures_recorded_by_fk',
      columns: [t.firmId, t.recordedBy],
      foreignColumns: [users.firmId, users.id],
    }),
  ],
);

export const events = pgTable(
  'events',
  {
    firmId: firmId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    engagementId: uuid('engagement_id'),
    documentId: uuid('document_id'),
    actorUserId: uuid('actor_user_id'),
    type: text('type').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    data: jsonb('data'),
    at: at('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      name: 'events_engagement_fk',
      columns: [t.firmId, t.engagementId],
      foreignColumns: [engagements.firmId, engagements.id],
    }),
    foreignKey({
      name: 'events_document_fk',
      columns: [t.firmId, t.documentId],
      foreignColumns: [documents.firmId, documents.id],
    }),
    foreignKey({
      name: 'events_actor_user_fk',
      columns: [t.firmId, t.actorUserId],
      foreignColumns: [users.firmId, users.id],
    }),
    index('events_engagement_idx').on(t.firmId, t.engagementId, t.id),
    index('events_document_idx').on(t.firmId, t.documentId, t.id),
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

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    firmId: firmId(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.key] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);

/** The firm's logo, printed at the top of its documents: one per firm, kept out of the firms row. */
export const firmLogos = pgTable('firm_logos', {
  firmId: uuid('firm_id')
    .primaryKey()
    .references(() => firms.id),
  contentType: text('content_type', { enum: ['image/png', 'image/jpeg'] }).notNull(),
  content: bytea('content').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  uploadedAt: at('uploaded_at').notNull(),
});

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

/**
 * One signer's personal link to a sent document (R-B3: one per required side). Only the SHA-256 of
 * the link's token and of the e-mailed code are kept; the rest is the evidence printed on the
 * sealed copy: when the link was opened, the code checked, the document signed or refused, from
 * which address and browser.
 */
export const signingRequests = pgTable(
  'signing_requests',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    side: text('side', { enum: ['client', 'firm'] }).notNull(),
    signerName: text('signer_name').notNull(),
    signerEmail: text('signer_email').notNull(),
    capacity: text('capacity'),
    contactId: uuid('contact_id'),
    userId: uuid('user_id'),
    tokenHash: text('token_hash').notNull(),
    /** The links of earlier mails (a reminder carries a new link): they keep working alongside. */
    earlierTokenHashes: text('earlier_token_hashes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: at('created_at').notNull(),
    viewedAt: at('viewed_at'),
    viewedIp: text('viewed_ip'),
    viewedUserAgent: text('viewed_user_agent'),
    codeHash: text('code_hash'),
    codeSentAt: at('code_sent_at'),
    codeExpiresAt: at('code_expires_at'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    codeVerifiedAt: at('code_verified_at'),
    lockedAt: at('locked_at'),
    consentAt: at('consent_at'),
    outcome: text('outcome', { enum: ['signed', 'refused'] }),
    completedAt: at('completed_at'),
    completedIp: text('completed_ip'),
    completedUserAgent: text('completed_user_agent'),
    typedName: text('typed_name'),
    drawnSignature: bytea('drawn_signature'),
    refusalReason: text('refusal_reason'),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: at('last_reminded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.documentId, t.side),
    foreignKey({ columns: [t.firmId, t.documentId], foreignColumns: [documents.firmId, documents.id] }),
    foreignKey({
      name: 'signing_requests_contact_fk',
      columns: [t.firmId, t.contactId],
      foreignColumns: [contacts.firmId, contacts.id],
    }),
    foreignKey({
      name: 'signing_requests_user_fk',
      columns: [t.firmId, t.userId],
      foreignColumns: [users.firmId, users.id],
    }),
    /** A signer arrives with a token only: the look-up crosses firms, like a session's. */
    index('signing_requests_token_idx').on(t.tokenHash),
    index('signing_requests_earlier_tokens_idx').using('gin', t.earlierTokenHashes),
  ],
);

/**
 * Every mail Lettrine sends for a firm. With no SMTP server configured the mails stay here, in the
 * outbox the firm reads in the product; once delivered by SMTP, the bodies of mails carrying a
 * link or a code are cleared.
 */
export const mails = pgTable(
  'mails',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    documentId: uuid('document_id'),
    toName: text('to_name').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    /** Attach the document's sealed PDF (the signed copy). */
    attachSealedPdf: boolean('attach_sealed_pdf').notNull().default(false),
    status: text('status', { enum: ['queued', 'sent', 'outbox', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({ columns: [t.firmId, t.documentId], foreignColumns: [documents.firmId, documents.id] }),
    index('mails_created_idx').on(t.firmId, t.createdAt),
    index('mails_document_idx').on(t.firmId, t.documentId),
  ],
);

/** The firm's webhook endpoints and the events each one receives. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    url: text('url').notNull(),
    description: text('description'),
    events: text('events').array().notNull(),
    /** The HMAC key: shown once at creation, kept to sign every delivery. */
    secret: text('secret').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] })],
);

/** One event to deliver to one endpoint, with its attempts: the delivery log a firm reads and replays. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    /** The history event delivered ("evt_" and its id): with the endpoint, the delivery's natural key. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: at('last_attempt_at'),
    deliveredAt: at('delivered_at'),
    replayOf: uuid('replay_of'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      columns: [t.firmId, t.endpointId],
      foreignColumns: [webhookEndpoints.firmId, webhookEndpoints.id],
    }).onDelete('cascade'),
    index('webhook_deliveries_endpoint_idx').on(t.firmId, t.endpointId, t.createdAt),
    /** A dispatch run twice (jobs are at least once) creates each delivery once; a replay is another. */
    unique('webhook_deliveries_once').on(t.firmId, t.endpointId, t.eventId, t.replayOf).nullsNotDistinct(),
  ],
);

/** The key and certificate that seal a firm's signed PDFs, made at first need when none is configured. */
export const sealIdentities = pgTable('seal_identities', {
  firmId: uuid('firm_id')
    .primaryKey()
    .references(() => firms.id),
  privateKeyPkcs8: bytea('private_key_pkcs8').notNull(),
  certificateDer: bytea('certificate_der').notNull(),
  commonName: text('common_name').notNull(),
  createdAt: at('created_at').notNull(),
});

/**
 * Jobs written in the transaction that decided them (habit 5): a relay hands them to the queue after
 * commit, under their own id, so a crash between commit and queue loses nothing and sends nothing twice.
 */
export const jobOutbox = pgTable(
  'job_outbox',
  {
    id: uuid('id').primaryKey(),
    firmId: uuid('firm_id').references(() => firms.id),
    name: text('name').notNull(),
    data: jsonb('data').notNull(),
    startAfter: at('start_after'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('job_outbox_created_idx').on(t.createdAt)],
);

/**
 * R-D5: a renewal campaign. Its settings (selection, revaluation, exceptions) are one JSON value,
 * read and written whole by the domain; its progress is counted from its items, never stored twice.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    status: text('status', {
      enum: ['draft', 'generating', 'generated', 'sending', 'sent', 'completed'],
    }).notNull(),
    settings: jsonb('settings').notNull(),
    createdBy: uuid('created_by').notNull(),
    generationStartedAt: at('generation_started_at'),
    generatedAt: at('generated_at'),
    sendingStartedBy: uuid('sending_started_by'),
    sendingStartedAt: at('sending_started_at'),
    sentAt: at('sent_at'),
    completedAt: at('completed_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      name: 'campaigns_created_by_fk',
      columns: [t.firmId, t.createdBy],
      foreignColumns: [users.firmId, users.id],
    }),
    index('campaigns_firm_status_idx').on(t.firmId, t.status),
  ],
);

/**
 * One row per selected client: the unit of generation and sending. Its letter is inserted in the
 * same transaction that marks it generated, so a run repeated or resumed after a crash never makes
 * a second letter for the same client.
 */
export const campaignItems = pgTable(
  'campaign_items',
  {
    firmId: firmId(),
    campaignId: uuid('campaign_id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    position: integer('position').notNull(),
    status: text('status', {
      enum: ['pending', 'generated', 'skipped', 'sent', 'send_failed'],
    }).notNull(),
    skipReason: text('skip_reason'),
    documentId: uuid('document_id'),
    annualBeforeCents: cents('annual_before_cents'),
    annualAfterCents: cents('annual_after_cents'),
    /** Why sending failed: the completeness check's missing items, or another refusal. */
    sendProblem: jsonb('send_problem'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.campaignId, t.engagementId] }),
    foreignKey({
      columns: [t.firmId, t.campaignId],
      foreignColumns: [campaigns.firmId, campaigns.id],
    }),
    foreignKey({
      name: 'campaign_items_engagement_fk',
      columns: [t.firmId, t.engagementId],
      foreignColumns: [engagements.firmId, engagements.id],
    }),
    foreignKey({
      name: 'campaign_items_document_fk',
      columns: [t.firmId, t.documentId],
      foreignColumns: [documents.firmId, documents.id],
    }),
    index('campaign_items_status_idx').on(t.firmId, t.campaignId, t.status, t.position),
  ],
);
