/**
 * In-app notifications (issue 18, item 8): one row per user and history event worth telling them
 * (a document signed, refused or expired), written with the event in its transaction.
 */
import {
  bigint,
  bigserial,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { events } from './events.ts';
import { firmId, users } from './firms-users.ts';

export const notifications = pgTable(
  'notifications',
  {
    firmId: firmId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    documentId: uuid('document_id'),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique('notifications_user_event_key').on(t.firmId, t.userId, t.eventId),
    foreignKey({
      name: 'notifications_user_fk',
      columns: [t.firmId, t.userId],
      foreignColumns: [users.firmId, users.id],
    }),
    foreignKey({
      name: 'notifications_event_fk',
      columns: [t.firmId, t.eventId],
      foreignColumns: [events.firmId, events.id],
    }),
    index('notifications_user_idx').on(t.firmId, t.userId, t.id),
  ],
);
