/**
 * What leaves after commit: the mails a firm sends, and the job outbox that feeds the queue.
 */
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { documents } from './documents.ts';
import { firmId, firms } from './firms-users.ts';

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
