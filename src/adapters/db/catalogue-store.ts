import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Service, TermsVersion } from '../../application/records.ts';
import type { Db } from './database.ts';
import { servicePrices, services, termsVersions } from './schema/index.ts';
import { conflictOnDuplicate } from './unique-keys.ts';
import { updateVersioned } from './versioned-update.ts';

const toService = ({
  firmId: _f,
  createdAt: _c,
  updatedAt: _u,
  ...row
}: typeof services.$inferSelect): Service => row;
const toTerms = ({ firmId: _f, ...row }: typeof termsVersions.$inferSelect): TermsVersion => row;

export const serviceRepo = (db: Db, firmId: string): FirmScope['services'] => ({
  async find(id) {
    const [row] = await db
      .select()
      .from(services)
      .where(and(eq(services.firmId, firmId), eq(services.id, id)));
    return row && toService(row);
  },
  async list({ includeArchived, forUpdate }) {
    const query = db
      .select()
      .from(services)
      .where(and(eq(services.firmId, firmId), includeArchived ? undefined : isNull(services.archivedAt)))
      .orderBy(asc(services.domain), asc(services.code));
    const rows = forUpdate ? await query.for('no key update') : await query;
    return rows.map(toService);
  },
  async insert(service, at) {
    await conflictOnDuplicate(
      db.insert(services).values({ ...service, firmId, createdAt: at, updatedAt: at }),
    );
  },
  async update(input) {
    const row = await conflictOnDuplicate(
      updateVersioned<typeof services.$inferSelect>(db, services, firmId, input),
    );
    return row && toService(row);
  },
  async setPrice(id, input) {
    await db
      .update(services)
      .set({ priceCents: input.priceCents, updatedAt: input.at, version: sql`${services.version} + 1` })
      .where(and(eq(services.firmId, firmId), eq(services.id, id)));
  },
  async recordPrice(entry) {
    await db.insert(servicePrices).values({ ...entry, firmId });
  },
  async priceHistory(id) {
    const rows = await db
      .select()
      .from(servicePrices)
      .where(and(eq(servicePrices.firmId, firmId), eq(servicePrices.serviceId, id)))
      .orderBy(desc(servicePrices.validFrom), desc(servicePrices.id));
    return rows.map(({ firmId: _f, changedBy: _c, ...row }) => row);
  },
});

export const termsRepo = (db: Db, firmId: string): FirmScope['terms'] => ({
  async find(id) {
    const [row] = await db
      .select()
      .from(termsVersions)
      .where(and(eq(termsVersions.firmId, firmId), eq(termsVersions.id, id)));
    return row && toTerms(row);
  },
  async list() {
    const rows = await db
      .select()
      .from(termsVersions)
      .where(eq(termsVersions.firmId, firmId))
      .orderBy(desc(termsVersions.version));
    return rows.map(toTerms);
  },
  async currentOn(date) {
    const [row] = await db
      .select()
      .from(termsVersions)
      .where(and(eq(termsVersions.firmId, firmId), lte(termsVersions.effectiveFrom, date)))
      .orderBy(desc(termsVersions.version))
      .limit(1);
    return row && toTerms(row);
  },
  async insert(terms) {
    await conflictOnDuplicate(db.insert(termsVersions).values({ ...terms, firmId }));
  },
});
