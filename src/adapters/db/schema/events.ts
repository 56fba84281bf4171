/**
 * The history: every change to an engagement or a document, with its actor (and the source of the
 * webhook events).
 */
import { bigserial, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { documents } from './documents.ts';
import { engagements } from './engagements.ts';
import { firmId, users } from './firms-users.ts';

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
