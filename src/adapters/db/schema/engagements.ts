/**
 * A firm's clients: the companies, their contacts, and the engagements (prospect or client) that
 * hold their documents.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, created } from './columns.ts';
import { firmId, users } from './firms-users.ts';

export const companies = pgTable(
  'companies',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    isIndividual: boolean('is_individual').notNull().default(false),
    legalForm: text('legal_form'),
    siren: text('siren'),
    siret: text('siret'),
    nafCode: text('naf_code'),
    activity: text('activity'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('FR'),
    fiscalYearEnd: text('fiscal_year_end').notNull().default('12-31'),
    vatRegime: text('vat_regime'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    uniqueIndex('companies_firm_siren_unique').on(t.firmId, t.siren).where(sql`${t.siren} is not null`),
    index('companies_firm_name_idx').on(t.firmId, t.name),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    companyId: uuid('company_id').notNull(),
    civility: text('civility'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    capacity: text('capacity'),
    isSignatory: boolean('is_signatory').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({ columns: [t.firmId, t.companyId], foreignColumns: [companies.firmId, companies.id] }),
    index().on(t.firmId, t.companyId),
  ],
);

export const engagements = pgTable(
  'engagements',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    companyId: uuid('company_id').notNull(),
    title: text('title').notNull(),
    state: text('state', { enum: ['prospect', 'client'] }).notNull(),
    responsibleUserId: uuid('responsible_user_id').notNull(),
    signatoryContactId: uuid('signatory_contact_id'),
    clientCode: text('client_code'),
    convertedAt: at('converted_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /**
     * Kept by triggers (migration 0016), never written by the application: the company's name, to
     * sort the list without joining every company, and the folded text the list searches
     * (lettrine_fold of the name, title, client code and SIREN). docs/scaling.md says why.
     */
    companyName: text('company_name').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    unique().on(t.firmId, t.clientCode),
    foreignKey({ columns: [t.firmId, t.companyId], foreignColumns: [companies.firmId, companies.id] }),
    foreignKey({ columns: [t.firmId, t.responsibleUserId], foreignColumns: [users.firmId, users.id] }),
    foreignKey({ columns: [t.firmId, t.signatoryContactId], foreignColumns: [contacts.firmId, contacts.id] }),
    index('engagements_firm_state_updated_idx').on(t.firmId, t.state, t.updatedAt),
    index('engagements_firm_responsible_idx').on(t.firmId, t.responsibleUserId),
    index('engagements_firm_company_idx').on(t.firmId, t.companyId),
    index('engagements_firm_company_name_idx').on(t.firmId, t.companyName, t.id),
    // Trigram GIN led by firm_id (btree_gin): a firm's search never reads other firms' postings.
    index('engagements_search_idx').using('gin', t.firmId, t.searchText.op('gin_trgm_ops')),
  ],
);
