import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Company, Contact } from '../../application/records.ts';
import type { Db } from './database.ts';
import { companies, contacts } from './schema/index.ts';
import { conflictOnDuplicate } from './unique-keys.ts';
import { updateVersioned } from './versioned-update.ts';

const toCompany = ({ firmId: _firmId, ...row }: typeof companies.$inferSelect): Company => row;
const toContact = ({ firmId: _firmId, ...row }: typeof contacts.$inferSelect): Contact => row;

/** Escapes LIKE wildcards so a search for "50%" finds "50%" literally. */
export const likePattern = (search: string): string => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const companyRepo = (db: Db, firmId: string): FirmScope['companies'] => ({
  async find(id) {
    const [row] = await db
      .select()
      .from(companies)
      .where(and(eq(companies.firmId, firmId), eq(companies.id, id)));
    return row && toCompany(row);
  },
  async findBySiren(siren) {
    const [row] = await db
      .select()
      .from(companies)
      .where(and(eq(companies.firmId, firmId), eq(companies.siren, siren)));
    return row && toCompany(row);
  },
  async list(filter) {
    const where = and(
      eq(companies.firmId, firmId),
      filter.search
        ? or(
            ilike(companies.name, likePattern(filter.search)),
            ilike(companies.siren, likePattern(filter.search)),
          )
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(companies)
        .where(where)
        .orderBy(asc(companies.name), asc(companies.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ value: count() }).from(companies).where(where),
    ]);
    return {
      items: rows.map(toCompany),
      total: Number(total?.value ?? 0),
      page: filter.page,
      pageSize: filter.pageSize,
    };
  },
  async insert(company) {
    await conflictOnDuplicate(db.insert(companies).values({ ...company, firmId }));
  },
  async update(input) {
    const row = await conflictOnDuplicate(
      updateVersioned<typeof companies.$inferSelect>(db, companies, firmId, input),
    );
    return row && toCompany(row);
  },
});

export const contactRepo = (db: Db, firmId: string): FirmScope['contacts'] => ({
  async find(id) {
    const [row] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.firmId, firmId), eq(contacts.id, id)));
    return row && toContact(row);
  },
  async listByCompany(companyId) {
    const rows = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.firmId, firmId), eq(contacts.companyId, companyId)))
      .orderBy(asc(contacts.lastName), asc(contacts.firstName));
    return rows.map(toContact);
  },
  async insert(contact) {
    await db.insert(contacts).values({ ...contact, firmId });
  },
  async update(input) {
    const row = await updateVersioned<typeof contacts.$inferSelect>(db, contacts, firmId, input, {
      touchUpdatedAt: false,
    });
    return row && toContact(row);
  },
});
