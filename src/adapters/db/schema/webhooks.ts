/**
 * The firm's webhook endpoints and the log of their deliveries.
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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { firmId } from './firms-users.ts';

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
