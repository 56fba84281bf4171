/**
 * One schema for PGlite and PostgreSQL 15. Every table carries firm_id (but rate_limits, which counts
 * before any firm is known, and installation_setup, made before any firm exists), and every primary, unique and foreign key includes it, so the schema can be distributed by firm later without a rewrite
 * (ARCHITECTURE.md, "When one machine is not enough").
 *
 * The tables live one aggregate a file in this folder; drizzle-kit reads the folder
 * (drizzle.config.ts), the application imports this index.
 */
export * from './billing.ts';
export * from './campaigns.ts';
export * from './catalogue.ts';
export * from './documents.ts';
export * from './engagements.ts';
export * from './events.ts';
export * from './firms-users.ts';
export * from './installation.ts';
export * from './mails-jobs.ts';
export * from './notifications.ts';
export * from './rate-limits.ts';
export * from './signing.ts';
export * from './signing-events.ts';
export * from './vigilance.ts';
export * from './webhooks.ts';
