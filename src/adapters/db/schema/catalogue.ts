/**
 * The firm's catalogue: its services with every price they have had (R-D4), and its terms.
 */
import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, cents, created } from './columns.ts';
import { firmId, users } from './firms-users.ts';

export const services = pgTable(
  'services',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    domain: text('domain', {
      enum: ['comptable', 'fiscal', 'social', 'juridique', 'conseil', 'autre'],
    }).notNull(),
    recurrence: text('recurrence', { enum: ['monthly', 'quarterly', 'yearly', 'one_off'] }).notNull(),
    pricingMode: text('pricing_mode', { enum: ['fixed', 'unit', 'hourly', 'at_cost'] }).notNull(),
    unitLabel: text('unit_label'),
    priceCents: cents('price_cents').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull().default(2000),
    professionalStandard: text('professional_standard'),
    exclusions: text('exclusions'),
    taskSplit: jsonb('task_split')
      .$type<{ task: string; who: 'firm' | 'client'; frequency: string }[]>()
      .notNull(),
    archivedAt: at('archived_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), unique().on(t.firmId, t.code)],
);

/** R-D4: every price a service has had, with what changed it. */
export const servicePrices = pgTable(
  'service_prices',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    serviceId: uuid('service_id').notNull(),
    priceCents: cents('price_cents').notNull(),
    validFrom: at('valid_from').notNull(),
    coefficient: numeric('coefficient'),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.id] }),
    foreignKey({ columns: [t.firmId, t.serviceId], foreignColumns: [services.firmId, services.id] }),
    foreignKey({
      name: 'service_prices_changed_by_fk',
      columns: [t.firmId, t.changedBy],
      foreignColumns: [users.firmId, users.id],
    }),
    index().on(t.firmId, t.serviceId, t.validFrom),
  ],
);

export const termsVersions = pgTable(
  'terms_versions',
  {
    firmId: firmId(),
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), unique().on(t.firmId, t.version)],
);
