import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { EngagementFilter, FirmScope } from '../../application/ports/index.ts';
import type { Engagement } from '../../application/records.ts';
import { LETTER_KINDS } from '../../domain/documents/kinds.ts';
import { IN_FORCE_STATUSES } from '../../domain/documents/lifecycle.ts';
import { likePattern } from './company-store.ts';
import type { Db } from './database.ts';
import { companies, documents, engagements, termsVersions, users } from './schema/index.ts';
import { updateVersioned } from './versioned-update.ts';

const toEngagement = ({ firmId: _firmId, ...row }: typeof engagements.$inferSelect): Engagement => row;

const SORT_COLUMNS = {
  updatedAt: engagements.updatedAt,
  createdAt: engagements.createdAt,
  companyName: companies.name,
  clientCode: engagements.clientCode,
} as const;

const filterWhere = (firmId: string, filter: EngagementFilter): SQL | undefined => {
  const digits = filter.search?.replace(/\s/g, '');
  return and(
    eq(engagements.firmId, firmId),
    filter.state ? eq(engagements.state, filter.state) : undefined,
    filter.responsibleUserId ? eq(engagements.responsibleUserId, filter.responsibleUserId) : undefined,
    filter.search
      ? or(
          ilike(companies.name, likePattern(filter.search)),
          ilike(engagements.title, likePattern(filter.search)),
          digits && /^\d{3,9}$/.test(digits) ? sql`${companies.siren} like ${`${digits}%`}` : undefined,
          ilike(engagements.clientCode, likePattern(filter.search)),
        )
      : undefined,
    filter.termsVersionBelow === undefined ? undefined : carriesTermsBelow(filter.termsVersionBelow),
  );
};

/**
 * R-D6: a signed letter (in force, not replaced) of the engagement carries terms older than
 * `version`, or none at all (a letter from before the terms were required).
 */
const carriesTermsBelow = (version: number) => sql`exists (
  select 1 from ${documents}
  left join ${termsVersions} on ${termsVersions.firmId} = ${documents.firmId} and ${termsVersions.id} = ${documents.termsVersionId}
  where ${documents.firmId} = ${engagements.firmId} and ${documents.engagementId} = ${engagements.id}
    and ${inArray(documents.kind, LETTER_KINDS)} and ${inArray(documents.status, IN_FORCE_STATUSES)}
    and (${termsVersions.version} is null or ${termsVersions.version} < ${version}))`;

export const engagementRepo = (db: Db, firmId: string): FirmScope['engagements'] => ({
  async find(id, options) {
    const query = db
      .select()
      .from(engagements)
      .where(and(eq(engagements.firmId, firmId), eq(engagements.id, id)));
    const [row] = options?.forUpdate ? await query.for('no key update') : await query;
    return row && toEngagement(row);
  },
  async list(filter) {
    const where = filterWhere(firmId, filter);
    const order = filter.direction === 'asc' ? asc : desc;
    const joinCompany = and(
      eq(companies.firmId, engagements.firmId),
      eq(companies.id, engagements.companyId),
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({
          engagement: engagements,
          companyName: companies.name,
          siren: companies.siren,
          responsibleName: users.name,
        })
        .from(engagements)
        .innerJoin(companies, joinCompany)
        .innerJoin(
          users,
          and(eq(users.firmId, engagements.firmId), eq(users.id, engagements.responsibleUserId)),
        )
        .where(where)
        .orderBy(order(SORT_COLUMNS[filter.sort]), order(engagements.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ value: count() }).from(engagements).innerJoin(companies, joinCompany).where(where),
    ]);
    return {
      items: rows.map((row) => ({
        ...toEngagement(row.engagement),
        companyName: row.companyName,
        siren: row.siren,
        responsibleName: row.responsibleName,
      })),
      total: Number(total?.value ?? 0),
      page: filter.page,
      pageSize: filter.pageSize,
    };
  },
  async insert(engagement) {
    await db.insert(engagements).values({ ...engagement, firmId });
  },
  async update(input) {
    const row = await updateVersioned<typeof engagements.$inferSelect>(db, engagements, firmId, input);
    return row && toEngagement(row);
  },
  async convert(id, input) {
    const [row] = await db
      .update(engagements)
      .set({
        state: 'client',
        clientCode: input.clientCode,
        convertedAt: input.convertedAt,
        updatedAt: input.convertedAt,
        version: sql`${engagements.version} + 1`,
      })
      .where(and(eq(engagements.firmId, firmId), eq(engagements.id, id)))
      .returning();
    if (!row) throw new Error(`engagement ${id} vanished during conversion`);
    return toEngagement(row);
  },
});
