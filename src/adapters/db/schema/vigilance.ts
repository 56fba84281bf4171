/**
 * LCB-FT (R-F1 … R-F7): the firm's settings, each engagement's vigilance file with its history,
 * evidence documents, reviews, the asset-freeze register the firm imported and the screening
 * matches. Every key includes firm_id.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, bytea, created } from './columns.ts';
import { engagements } from './engagements.ts';
import { firmId, firms, users } from './firms-users.ts';

/** R-F4 periods and the switch of the gate; a firm without a row has the defaults (gate on). */
export const vigilanceSettings = pgTable(
  'vigilance_settings',
  {
    firmId: firmId(),
    controlsEnabled: boolean('controls_enabled').notNull().default(true),
    enhancedMonths: integer('enhanced_months').notNull().default(12),
    standardMonths: integer('standard_months').notNull().default(24),
    simplifiedMonths: integer('simplified_months').notNull().default(36),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId] }),
    foreignKey({ columns: [t.firmId], foreignColumns: [firms.id] }),
  ],
);

/** One file an engagement: identification (R-F1), assessment (R-F2), approval (R-F3), review dates. */
export const vigilanceFiles = pgTable(
  'vigilance_files',
  {
    firmId: firmId(),
    engagementId: uuid('engagement_id').notNull(),
    identification: jsonb('identification'),
    assessment: jsonb('assessment'),
    assessmentVersion: integer('assessment_version').notNull().default(0),
    assessedBy: uuid('assessed_by'),
    assessedAt: at('assessed_at'),
    level: text('level'),
    approval: jsonb('approval'),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    nextReviewDue: date('next_review_due', { mode: 'string' }),
    relationshipEndedOn: date('relationship_ended_on', { mode: 'string' }),
    /** R-F5: the register import this file was last screened against (the re-screening's progress). */
    screenedRegisterId: uuid('screened_register_id'),
    /** R-F7: the purge's tombstone: the personal data is gone, who removed it, when and why stays. */
    purgedAt: at('purged_at'),
    purgedBy: uuid('purged_by'),
    purgeReason: text('purge_reason'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.engagementId] }),
    foreignKey({ columns: [t.firmId, t.engagementId], foreignColumns: [engagements.firmId, engagements.id] }),
    index('vigilance_files_firm_review_idx').on(t.firmId, t.nextReviewDue),
  ],
);

/** The history of every change of a file, as rows (what changed, who, when, the new state). */
export const vigilanceFileEvents = pgTable(
  'vigilance_file_events',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    type: text('type').notNull(),
    userId: uuid('user_id'),
    at: at('at').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      columns: [t.firmId, t.engagementId],
      foreignColumns: [vigilanceFiles.firmId, vigilanceFiles.engagementId],
    }),
    index().on(t.firmId, t.engagementId, t.at),
  ],
);

/** R-F1 evidence: the file as uploaded, its SHA-256, what it proves, who checked it and when. */
export const vigilanceEvidence = pgTable(
  'vigilance_evidence',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    kind: text('kind').notNull(),
    personId: text('person_id'),
    documentNumber: text('document_number'),
    expiresOn: date('expires_on', { mode: 'string' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
    checkedBy: uuid('checked_by'),
    checkedAt: at('checked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      columns: [t.firmId, t.engagementId],
      foreignColumns: [vigilanceFiles.firmId, vigilanceFiles.engagementId],
    }),
    foreignKey({ columns: [t.firmId, t.uploadedBy], foreignColumns: [users.firmId, users.id] }),
    index().on(t.firmId, t.engagementId),
  ],
);

/** R-F4 reviews asked for (periodic, or on an amendment or a replacement letter) and done. */
export const vigilanceReviews = pgTable(
  'vigilance_reviews',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    reason: text('reason').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    documentId: uuid('document_id'),
    createdAt: created(),
    completedAt: at('completed_at'),
    completedBy: uuid('completed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      columns: [t.firmId, t.engagementId],
      foreignColumns: [vigilanceFiles.firmId, vigilanceFiles.engagementId],
    }),
    index('vigilance_reviews_open_idx').on(t.firmId, t.dueOn).where(sql`${t.completedAt} is null`),
  ],
);

/** R-F5: each import of the Treasury's register, its parsed entries kept whole. */
export const vigilanceRegisterImports = pgTable(
  'vigilance_register_imports',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    publishedAt: text('published_at'),
    sha256: text('sha256').notNull(),
    entryCount: integer('entry_count').notNull(),
    entries: jsonb('entries').notNull(),
    importedBy: uuid('imported_by'),
    importedAt: at('imported_at').notNull(),
    /** R-F5: the re-screening of every file (job vigilance.screen): matches found, when it ended. */
    newMatches: integer('new_matches').notNull().default(0),
    screeningFinishedAt: at('screening_finished_at'),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), index().on(t.firmId, t.importedAt)],
);

/**
 * R-F4: the reminder mailed for one due date of a file's review, once (the key decides between
 * two runs or two servers).
 */
export const vigilanceReviewReminders = pgTable(
  'vigilance_review_reminders',
  {
    firmId: firmId(),
    engagementId: uuid('engagement_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    userId: uuid('user_id').notNull(),
    mailId: uuid('mail_id'),
    remindedAt: at('reminded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.engagementId, t.dueOn] }),
    foreignKey({
      columns: [t.firmId, t.engagementId],
      foreignColumns: [vigilanceFiles.firmId, vigilanceFiles.engagementId],
    }),
  ],
);

/** R-F5: a possible match of a named person, open until an associé clears or confirms it. */
export const vigilanceMatches = pgTable(
  'vigilance_matches',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    personId: text('person_id').notNull(),
    personName: text('person_name').notNull(),
    entryId: text('entry_id').notNull(),
    matchedName: text('matched_name').notNull(),
    score: doublePrecision('score').notNull(),
    birthDateAgrees: boolean('birth_date_agrees'),
    status: text('status').notNull().default('open'),
    foundAt: at('found_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique('vigilance_matches_person_entry_unique').on(t.firmId, t.engagementId, t.personId, t.entryId),
    foreignKey({
      columns: [t.firmId, t.engagementId],
      foreignColumns: [vigilanceFiles.firmId, vigilanceFiles.engagementId],
    }),
  ],
);
