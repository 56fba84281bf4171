/**
 * After the signature (R-G1 to R-G4): the terminations of letters, the one-off lines the firm
 * marked done, and the months handed to billing (what was exported, to report later changes).
 */
import {
  boolean,
  date,
  foreignKey,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ExportedEntry } from '../../../domain/billing/adjustments.ts';
import { TERMINATION_PARTIES } from '../../../domain/documents/termination.ts';
import { created } from './columns.ts';
import { documents } from './documents.ts';
import { engagements } from './engagements.ts';
import { firmId, users } from './firms-users.ts';

export const terminations = pgTable(
  'terminations',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    letterId: uuid('letter_id').notNull(),
    engagementId: uuid('engagement_id').notNull(),
    requestedBy: text('requested_by', { enum: TERMINATION_PARTIES }).notNull(),
    reason: text('reason').notNull(),
    noticeGivenOn: date('notice_given_on', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    earliestEndDate: date('earliest_end_date', { mode: 'string' }).notNull(),
    agreedOtherwise: boolean('agreed_otherwise').notNull(),
    noticeRespected: boolean('notice_respected').notNull(),
    /** Recorded in the history, never printed on the letter of termination. */
    reasonConfidential: boolean('reason_confidential').notNull().default(false),
    /** The letter of termination (a document of its own), once prepared. */
    terminationDocumentId: uuid('termination_document_id'),
    /** The letter of termination sent as a registered letter: its number and the day it was posted. */
    registeredMailNumber: text('registered_mail_number'),
    registeredMailSentOn: date('registered_mail_sent_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    // R-G1: a letter is terminated once, whatever the concurrency.
    unique('terminations_one_per_letter').on(t.firmId, t.letterId),
    foreignKey({ columns: [t.firmId, t.letterId], foreignColumns: [documents.firmId, documents.id] }),
    foreignKey({ columns: [t.firmId, t.engagementId], foreignColumns: [engagements.firmId, engagements.id] }),
    foreignKey({ columns: [t.firmId, t.recordedBy], foreignColumns: [users.firmId, users.id] }),
  ],
);

/** R-G2: a one-off line the firm marked done, billed in the month of that day. */
export const oneOffCompletions = pgTable(
  'one_off_completions',
  {
    firmId: firmId(),
    lineId: uuid('line_id').notNull(),
    documentId: uuid('document_id').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.lineId] }),
    foreignKey({ columns: [t.firmId, t.documentId], foreignColumns: [documents.firmId, documents.id] }),
    foreignKey({ columns: [t.firmId, t.recordedBy], foreignColumns: [users.firmId, users.id] }),
  ],
);

/** Issue 17, item 3: a month handed to billing, with what was handed, to report later changes. */
export const billingExports = pgTable(
  'billing_exports',
  {
    firmId: firmId(),
    month: text('month').notNull(),
    entries: jsonb('entries').$type<ExportedEntry[]>().notNull(),
    exportedBy: uuid('exported_by').notNull(),
    exportedAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.month] }),
    foreignKey({ columns: [t.firmId, t.exportedBy], foreignColumns: [users.firmId, users.id] }),
  ],
);
