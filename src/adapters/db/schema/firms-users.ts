/**
 * Firms and the people who work in them: the firm (the tenant every other table belongs to), its
 * users, their sessions and API tokens, its logo, and the idempotency keys of their requests.
 */
import { sql } from 'drizzle-orm';
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
import { at, bytea, created } from './columns.ts';

export const firms = pgTable('firms', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  legalForm: text('legal_form'),
  addressLine1: text('address_line1'),
  addressLine2: text('address_line2'),
  postalCode: text('postal_code'),
  city: text('city'),
  phone: text('phone'),
  email: text('email'),
  siren: text('siren'),
  rcs: text('rcs'),
  vatNumber: text('vat_number'),
  ordreCouncil: text('ordre_council'),
  insurer: text('insurer'),
  insuranceCoverage: text('insurance_coverage'),
  consumerMediator: text('consumer_mediator'),
  clientCodePrefix: text('client_code_prefix').notNull(),
  accentColor: text('accent_color'),
  /** Days after sending when a pending signer is reminded (for example 3 and 7). */
  signatureReminderDays: integer('signature_reminder_days')
    .array()
    .notNull()
    .default(sql`'{3,7}'::integer[]`),
  /** Days a sent letter, amendment or work order awaits its signatures before it expires. */
  signingPeriodDays: integer('signing_period_days').notNull().default(30),
  /** Days a signer may still open their link and download the sealed copy once the document is signed. */
  signedCopyAccessDays: integer('signed_copy_access_days').notNull().default(90),
  /** The data-protection contact the letters give (GDPR); null: the firm's own e-mail. */
  dpoEmail: text('dpo_email'),
  /** New proposals and letters carry the standard revision clause unless the user removes it. */
  revisionClauseByDefault: boolean('revision_clause_by_default').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: created(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** The firm column every firm's table starts with; part of each of its keys. */
export const firmId = () =>
  uuid('firm_id')
    .notNull()
    .references(() => firms.id);

export const users = pgTable(
  'users',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['associe', 'collaborateur', 'lecture'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    /** Madame or Monsieur: the agreement of the capacity printed when the user signs (issue 14, item 7). */
    formOfAddress: text('form_of_address', { enum: ['madame', 'monsieur'] }),
    /** The capacity the user signs in, as typed; null: derived from the role and the form of address. */
    signatoryCapacity: text('signatory_capacity'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), unique().on(t.firmId, t.email), index().on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The absolute end (14 days after the login), whatever the activity. */
    expiresAt: at('expires_at').notNull(),
    /** The last request seen (written at most once a minute): a session idle too long is over. */
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.tokenHash),
    // Every request finds its session by the token alone, before it knows the firm.
    index('sessions_token_hash_idx').on(t.tokenHash),
    index('sessions_expires_at_idx').on(t.expiresAt),
    foreignKey({ columns: [t.firmId, t.userId], foreignColumns: [users.firmId, users.id] }),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** What the token may do: read, write, admin (tokens and users). */
    scopes: text('scopes', { enum: ['read', 'write', 'admin'] })
      .array()
      .notNull()
      .default(sql`'{read,write}'::text[]`),
    /** Tokens made before expiry existed were given 90 days from the migration. */
    expiresAt: at('expires_at').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.tokenHash),
    index('api_tokens_token_hash_idx').on(t.tokenHash),
    foreignKey({ columns: [t.firmId, t.userId], foreignColumns: [users.firmId, users.id] }),
  ],
);

/**
 * The one-time links of « Mot de passe oublié ? »: only the token's hash is kept; a link serves once
 * and for an hour.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.tokenHash),
    // The link carries the token alone: it is found before the firm is known.
    index('password_resets_token_hash_idx').on(t.tokenHash),
    index('password_resets_expires_at_idx').on(t.expiresAt),
    foreignKey({ columns: [t.firmId, t.userId], foreignColumns: [users.firmId, users.id] }),
  ],
);

/** The firm's logo, printed at the top of its documents: one per firm, kept out of the firms row. */
export const firmLogos = pgTable('firm_logos', {
  firmId: uuid('firm_id')
    .primaryKey()
    .references(() => firms.id),
  contentType: text('content_type', { enum: ['image/png', 'image/jpeg'] }).notNull(),
  content: bytea('content').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  uploadedAt: at('uploaded_at').notNull(),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    firmId: firmId(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.key] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);
