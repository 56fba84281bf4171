import { and, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { EngagementFilter, FirmScope } from '../../application/ports/index.ts';
import { type Engagement, type EngagementListItem, SEARCH_COUNT_LIMIT } from '../../application/records.ts';
import { LETTER_KINDS } from '../../domain/documents/kinds.ts';
import { IN_FORCE_STATUSES } from '../../domain/documents/lifecycle.ts';
import { likePattern } from './company-store.ts';
import type { Db } from './database.ts';
import { dateOf, epochMs, rowsOf } from './plain-rows.ts';
import { companies, documents, engagements, termsVersions, users } from './schema/index.ts';
import { updateVersioned } from './versioned-update.ts';

const toEngagement = ({
  firmId: _firmId,
  companyName: _companyName,
  searchText: _searchText,
  ...row
}: typeof engagements.$inferSelect): Engagement => row;

/** Every sort is on a column of engagements (the company's name is kept there): no join to order. */
const SORT_SQL = {
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  companyName: 'company_name',
  clientCode: 'client_code',
} as const satisfies Record<EngagementFilter['sort'], string>;

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

/** Without a search, the page's total without a second scan when the page itself tells it. */
const totalOf = async (
  rows: unknown[],
  filter: EngagementFilter,
  offset: number,
  countAll: () => Promise<{ value: number }[]>,
): Promise<number> => {
  if (rows.length > 0 && rows.length < filter.pageSize) return offset + rows.length;
  if (rows.length === 0 && offset === 0) return 0;
  const [total] = await countAll();
  return Number(total?.value ?? 0);
};

/**
 * A search's matches, counted up to the limit: the window over the capped matches when the page has
 * rows, else (a page past the last) one capped count.
 */
const searchTotal = async (
  rows: { total: string | number | null }[],
  offset: number,
  countCapped: () => Promise<{ value: number }[]>,
): Promise<number> => {
  const counted = rows[0]?.total;
  if (counted !== null && counted !== undefined) return Number(counted);
  if (offset === 0) return 0;
  const [total] = await countCapped();
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
   * company and responsible user: 50 joins, not one per match. The total is bounded work: without
   * a search, a page shorter than pageSize gives it, else one count on the firm's index; with one,
   * the matches are taken in the sort's order up to SEARCH_COUNT_LIMIT (or the page asked) plus
   * one, counted by a window over those alone: a short word matching half of a large firm costs a
   * thousand rows, not the half (docs/scaling.md).
   */
  async list(filter) {
    const where = filterWhere(firmId, filter);
    const direction = sql.raw(filter.direction === 'asc' ? 'asc' : 'desc');
    const sortColumn = sql.raw(SORT_SQL[filter.sort]);
    const offset = (filter.page - 1) * filter.pageSize;
    const countLimit =
      filter.search === undefined ? undefined : Math.max(SEARCH_COUNT_LIMIT, offset + filter.pageSize) + 1;
    const chosen = countLimit
      ? sql`select firm_id, id, count(*) over ()::int as total from (
            select firm_id, id, ${sortColumn} as sort_key from ${engagements} where ${where}
             order by ${sortColumn} ${direction}, id ${direction} limit ${countLimit}) matches
           order by sort_key ${direction}, id ${direction} limit ${filter.pageSize} offset ${offset}`
      : sql`select firm_id, id, null::int as total from ${engagements} where ${where}
           order by ${sortColumn} ${direction}, id ${direction} limit ${filter.pageSize} offset ${offset}`;
    // Plain rows, every value cast to what both drivers hand back alike: a page is read at every
    // keystroke of a search, and drizzle's building and mapping cost more than the rows (issue 19).
    const rows = rowsOf(
      await db.execute(sql`
        select e.id, e.company_id, e.title, e.state, e.responsible_user_id, e.signatory_contact_id,
               e.client_code, e.version, e.company_name, c.siren, u.name as responsible_name, chosen.total,
               ${epochMs('e.converted_at')} as converted_ms, ${epochMs('e.created_at')} as created_ms,
               ${epochMs('e.updated_at')} as updated_ms
          from (${chosen}) chosen
          join ${engagements} e on e.firm_id = chosen.firm_id and e.id = chosen.id
          join ${companies} c on c.firm_id = e.firm_id and c.id = e.company_id
          join ${users} u on u.firm_id = e.firm_id and u.id = e.responsible_user_id
         order by e.${sortColumn} ${direction}, e.id ${direction}`),
    );
    const items = rows.map(
      (row): EngagementListItem => ({
        id: row.id as string,
        companyId: row.company_id as string,
        title: row.title as string,
        state: row.state as EngagementListItem['state'],
        responsibleUserId: row.responsible_user_id as string,
        signatoryContactId: row.signatory_contact_id as string | null,
        clientCode: row.client_code as string | null,
        convertedAt: dateOf(row.converted_ms),
        version: row.version as number,
        createdAt: new Date(row.created_ms as number),
        updatedAt: new Date(row.updated_ms as number),
        companyName: row.company_name as string,
        siren: row.siren as string | null,
        responsibleName: row.responsible_name as string,
      }),
    );
    const page = { items, page: filter.page, pageSize: filter.pageSize };
    if (!countLimit)
      return {
        ...page,
        total: await totalOf(rows, filter, offset, () =>
          db.select({ value: count() }).from(engagements).where(where),
        ),
      };
    const counted = await searchTotal(rows as { total: number | null }[], offset, () =>
      db
        .select({ value: count() })
        .from(db.select({ id: engagements.id }).from(engagements).where(where).limit(countLimit).as('m')),
    );
    return counted >= countLimit
      ? { ...page, total: countLimit - 1, totalIsExact: false }
      : { ...page, total: counted };
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
