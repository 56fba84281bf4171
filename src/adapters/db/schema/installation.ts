/**
 * The installation's one-time setup link: printed by the first start of an empty database in
 * production, it lets whoever holds it create the first firm and its associé in the web app. One
 * row at most (the key is fixed); like rate_limits it has no firm_id, since no firm exists yet.
 */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { at, created } from './columns.ts';

export const installationSetup = pgTable('installation_setup', {
  key: text('key').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: created(),
});
