/**
 * The signature trail (issue 15, item 4): every step of a signing transaction, one row each, written
 * in the transaction of the step itself (habit 5). The evidence page of the sealed copy and the
 * document page of the web app both read it.
 */
import { bigserial, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';
import { documents } from './documents.ts';
import { firmId } from './firms-users.ts';
import { signingRequests } from './signing.ts';

export const signingEvents = pgTable(
  'signing_events',
  {
    firmId: firmId(),
    /** Ordered: two steps in the same millisecond keep the order they were written in. */
    id: bigserial('id', { mode: 'number' }).notNull(),
    documentId: uuid('document_id').notNull(),
    /** The signer's request; null for a step of the document as a whole (the seal). */
    requestId: uuid('request_id'),
    type: text('type').notNull(),
    at: at('at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    data: jsonb('data'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({
      name: 'signing_events_document_fk',
      columns: [t.firmId, t.documentId],
      foreignColumns: [documents.firmId, documents.id],
    }),
    foreignKey({
      name: 'signing_events_request_fk',
      columns: [t.firmId, t.requestId],
      foreignColumns: [signingRequests.firmId, signingRequests.id],
    }),
    index('signing_events_document_idx').on(t.firmId, t.documentId, t.id),
  ],
);
