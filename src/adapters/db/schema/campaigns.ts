/**
 * R-D5: renewal campaigns and their items, one per selected client.
 */
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, cents, created } from './columns.ts';
import { documents } from './documents.ts';
import { engagements } from './engagements.ts';
import { firmId, users } from './firms-users.ts';

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
