/**
 * Signatures: those recorded on a document, the signers' personal links, and the firm's seal.
 */
import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, bytea, byteaArray } from './columns.ts';
import { documents } from './documents.ts';
import { contacts } from './engagements.ts';
import { firmId, firms, users } from './firms-users.ts';

export const signatures = pgTable(
  'signatures',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    side: text('side', { enum: ['client', 'firm'] }).notNull(),
    method: text('method', { enum: ['paper', 'in_person', 'electronic'] }).notNull(),
    signatoryName: text('signatory_name').notNull(),
    capacity: text('capacity'),
    contactId: uuid('contact_id'),
    userId: uuid('user_id'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    scanFileName: text('scan_file_name'),
    scanContentType: text('scan_content_type'),
    scan: text('scan_base64'),
    /** Null when the signer signed through their link, without an account. */
    recordedBy: uuid('recorded_by'),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    /** R-B3: each side signs a document once. */
    unique().on(t.firmId, t.documentId, t.side),
    foreignKey({ columns: [t.firmId, t.documentId], foreignColumns: [documents.firmId, documents.id] }),
    foreignKey({
      name: 'signatures_contact_fk',
      columns: [t.firmId, t.contactId],
      foreignColumns: [contacts.firmId, contacts.id],
    }),
    foreignKey({
      name: 'signatures_user_fk',
      columns: [t.firmId, t.userId],
      foreignColumns: [users.firmId, users.id],
    }),
    foreignKey({
      name: 'signatures_recorded_by_fk',
      columns: [t.firmId, t.recordedBy],
      foreignColumns: [users.firmId, users.id],
    }),
  ],
);

/**
 * One signer's personal link to a sent document (R-B3: one per required side). Only the SHA-256 of
 * the link's token and of the e-mailed code are kept; the rest is the evidence printed on the
 * sealed copy: when the link was opened, the code checked, the document signed or refused, from
 * which address and browser.
 */
export const signingRequests = pgTable(
  'signing_requests',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    documentId: uuid('document_id').notNull(),
    side: text('side', { enum: ['client', 'firm'] }).notNull(),
    signerName: text('signer_name').notNull(),
    signerEmail: text('signer_email').notNull(),
    capacity: text('capacity'),
    contactId: uuid('contact_id'),
    userId: uuid('user_id'),
    tokenHash: text('token_hash').notNull(),
    /** The links of earlier mails (a reminder carries a new link): they keep working alongside. */
    earlierTokenHashes: text('earlier_token_hashes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: at('created_at').notNull(),
    viewedAt: at('viewed_at'),
    viewedIp: text('viewed_ip'),
    viewedUserAgent: text('viewed_user_agent'),
    /** The signer's mobile (E.164) when the firm gave one: the code then goes by SMS (issue 15). */
    signerMobile: text('signer_mobile'),
    codeHash: text('code_hash'),
    codeSentAt: at('code_sent_at'),
    /** How the last code travelled: the evidence says it, so the link and the code are seen apart. */
    codeChannel: text('code_channel', { enum: ['email', 'sms'] }),
    codeExpiresAt: at('code_expires_at'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    codeVerifiedAt: at('code_verified_at'),
    lockedAt: at('locked_at'),
    consentAt: at('consent_at'),
    outcome: text('outcome', { enum: ['signed', 'refused'] }),
    completedAt: at('completed_at'),
    completedIp: text('completed_ip'),
    completedUserAgent: text('completed_user_agent'),
    typedName: text('typed_name'),
    drawnSignature: bytea('drawn_signature'),
    refusalReason: text('refusal_reason'),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: at('last_reminded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.documentId, t.side),
    foreignKey({ columns: [t.firmId, t.documentId], foreignColumns: [documents.firmId, documents.id] }),
    foreignKey({
      name: 'signing_requests_contact_fk',
      columns: [t.firmId, t.contactId],
      foreignColumns: [contacts.firmId, contacts.id],
    }),
    foreignKey({
      name: 'signing_requests_user_fk',
      columns: [t.firmId, t.userId],
      foreignColumns: [users.firmId, users.id],
    }),
    /** A signer arrives with a token only: the look-up crosses firms, like a session's. */
    index('signing_requests_token_idx').on(t.tokenHash),
    index('signing_requests_earlier_tokens_idx').using('gin', t.earlierTokenHashes),
  ],
);

/** The key and certificate that seal a firm's signed PDFs, made at first need when none is configured. */
export const sealIdentities = pgTable('seal_identities', {
  firmId: uuid('firm_id')
    .primaryKey()
    .references(() => firms.id),
  privateKeyPkcs8: bytea('private_key_pkcs8').notNull(),
  certificateDer: bytea('certificate_der').notNull(),
  commonName: text('common_name').notNull(),
  /** Made here (self-signed) or imported by an associé from the firm's own PKCS#12. */
  source: text('source', { enum: ['self_signed', 'imported'] })
    .notNull()
    .default('self_signed'),
  /** The certificate says these itself; copied so a list of expiring seals needs no decoding. */
  issuer: text('issuer'),
  notAfter: at('not_after'),
  /** The CA certificates above the seal's (DER), its issuer first: each seal carries them. */
  chainDer: byteaArray('chain_der'),
  createdAt: at('created_at').notNull(),
});
