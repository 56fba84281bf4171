/**
 * In-app notifications (issue 18, item 8): one row per user and history event worth telling them
 * (a document signed, refused or expired), written with the event in its transaction. What happened,
 * to which document and when are the event's: a notification adds only who hears of it, and when
 * they read it.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, foreignKey, index, pgTable, primaryKey, unique, uuid } from 'drizzle-orm/pg-core';
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
    // The bell's count of unread ones, asked every few seconds: only the unread rows.
    index('notifications_unread_idx').on(t.firmId, t.userId).where(sql`${t.readAt} is null`),
  ],
);
