/**
 * Counters of the login and password-reset limits, shared by every Lettrine process on the database.
 * The one table without firm_id: a limit counts an address or an e-mail before any firm is known (a
 * sprayed address crosses firms). The key is a SHA-256 of what is counted, never an e-mail or an
 * address in clear.
 */
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';

export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    /** The fixed window's end: the first hit after it starts a new window. */
    resetsAt: at('resets_at').notNull(),
  },
  (t) => [index('rate_limits_resets_at_idx').on(t.resetsAt)],
);
