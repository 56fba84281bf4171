import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { EngagementFilter, FirmScope } from '../../application/ports/index.ts';
import type { Engagement } from '../../application/records.ts';
import { LETTER_KINDS } from '../../domain/documents/kinds.ts';
import { IN_FORCE_STATUSES } from '../../domain/documents/lifecycle.ts';
import { likePattern } from './company-store.ts';
import type { Db } from './database.ts';
import { companies, documents, engagements, termsVersions, users } from './schema/index.ts';
import { updateVersioned } from './versioned-update.ts';

const toEngagement = ({
  firmId: _firmId,
  companyName: _companyName,
  searchText: _searchText,
  ...row
}: typeof engagements.$inferSelect): Engagement => row;

/** Every sort is on a column of engagements (the company's name is kept there): no join to order. */
const SORT_COLUMNS = {
  updatedAt: engagements.updatedAt,
  createdAt: engagements.createdAt,
  companyName: engagements.companyName,
  clientCode: engagements.clientCode,
} as const;

/**
 * Name, title, client code or SIREN contain the search, case and accents aside: one LIKE on the
 * folded text the triggers keep, served by the trigram index (docs/scaling.md). A SIREN typed with
 * spaces is searched without them.
 */
const searchMatches = (search: string): SQL => {
  const term = /^[\d\s]+$/.test(search) ? search.replace(/\s/g, '') : search;
  return sql`${engagements.searchText} like lettrine_fold(${likePattern(term)})`;
};

const filterWhere = (firmId: string, filter: EngagementFilter): SQL | undefined =>
  and(
    eq(engagements.firmId, firmId),
    filter.state ? eq(engagements.state, filter.state) : undefined,
    filter.responsibleUserId ? eq(engagements.responsibleUserId, filter.responsibleUserId) : undefined,
    filter.search ? searchMatches(filter.search) : undefined,
    filter.termsVersionBelow === undefined ? undefined : carriesTermsBelow(filter.termsVersionBelow),
  );

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

/** The page's total without a second scan when the page itself tells it. */
const totalOf = async (
  rows: { total: string | number | null }[],
  filter: EngagementFilter,
  offset: number,
  countAll: () => Promise<{ value: number }[]>,
): Promise<number> => {
  const counted = rows[0]?.total;
  if (counted !== null && counted !== undefined) return Number(counted);
  if (rows.length > 0 && rows.length < filter.pageSize) return offset + rows.length;
  if (rows.length === 0 && offset === 0) return 0;
  const [total] = await countAll();
  return Number(total?.value ?? 0);
};

export const engagementRepo = (db: Db, firmId: string): FirmScope['engagements'] => ({
  async find(id, options) {
    const query = db
      .select()
      .from(engagements)
      .where(and(eq(engagements.firmId, firmId), eq(engagements.id, id)));
    const [row] = options?.forUpdate ? await query.for('no key update') : await query;
    return row && toEngagement(row);
  },
  /**
   * One page: its ids are chosen on engagements alone (filter, sort, limit), then joined to their
   * company and responsible user: 50 joins, not one per match. The total is bounded work: with a
   * search, `count(*) over ()` rides on the scan the sort needs anyway; without one, a page shorter
   * than pageSize gives it, else one count on the firm's index (docs/scaling.md).
   */
  async list(filter) {
    const where = filterWhere(firmId, filter);
    const order = filter.direction === 'asc' ? asc : desc;
    const offset = (filter.page - 1) * filter.pageSize;
    const windowCount = filter.search !== undefined;
    const chosen = db
      .select({
        firmId: engagements.firmId,
        id: engagements.id,
        total: (windowCount ? sql<string>`count(*) over ()` : sql<string>`null`).as('total'),
      })
      .from(engagements)
      .where(where)
      .orderBy(order(SORT_COLUMNS[filter.sort]), order(engagements.id))
      .limit(filter.pageSize)
      .offset(offset)
      .as('chosen');
    const rows = await db
      .select({
        engagement: engagements,
        siren: companies.siren,
        responsibleName: users.name,
        total: chosen.total,
      })
      .from(chosen)
      .innerJoin(engagements, and(eq(engagements.firmId, chosen.firmId), eq(engagements.id, chosen.id)))
      .innerJoin(
        companies,
        and(eq(companies.firmId, engagements.firmId), eq(companies.id, engagements.companyId)),
      )
      .innerJoin(
        users,
        and(eq(users.firmId, engagements.firmId), eq(users.id, engagements.responsibleUserId)),
      )
      .orderBy(order(SORT_COLUMNS[filter.sort]), order(engagements.id));
    return {
      items: rows.map((row) => ({
        ...toEngagement(row.engagement),
        companyName: row.engagement.companyName,
        siren: row.siren,
        responsibleName: row.responsibleName,
      })),
      total: await totalOf(rows, filter, offset, () =>
        db.select({ value: count() }).from(engagements).where(where),
      ),
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
