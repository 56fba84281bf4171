import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Campaign, CampaignItem, CampaignItemStatus, SendProblem } from '../../application/records.ts';
import { CAMPAIGN_ITEM_STATUSES } from '../../application/records.ts';
import { CAMPAIGN_STATUSES_WITH_JOB } from '../../domain/renewal/campaign-lifecycle.ts';
import type { SkipReason } from '../../domain/renewal/campaign-plan.ts';
import type { CampaignSettings } from '../../domain/renewal/campaign-settings.ts';
import { insertAll } from './bulk-insert.ts';
import type { Db } from './database.ts';
import { campaignItems, campaigns, companies, documents, engagements } from './schema/index.ts';
import { updateVersioned } from './versioned-update.ts';

type CampaignRow = typeof campaigns.$inferSelect;
type ItemRow = typeof campaignItems.$inferSelect;

const toCampaign = ({ firmId: _f, settings, ...row }: CampaignRow): Campaign => ({
  ...row,
  settings: settings as CampaignSettings,
});

const toItem = ({ firmId: _f, campaignId: _c, updatedAt: _u, ...row }: ItemRow): CampaignItem => ({
  ...row,
  skipReason: row.skipReason as SkipReason | null,
  sendProblem: row.sendProblem as SendProblem | null,
});

/** The columns an item update may set, by their record names. */
const ITEM_COLUMNS = {
  status: { column: 'status', type: 'text' },
  skipReason: { column: 'skip_reason', type: 'text' },
  documentId: { column: 'document_id', type: 'uuid' },
  annualBeforeCents: { column: 'annual_before_cents', type: 'bigint' },
  annualAfterCents: { column: 'annual_after_cents', type: 'bigint' },
  sendProblem: { column: 'send_problem', type: 'jsonb' },
} as const;

const asText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

export const campaignRepo = (db: Db, firmId: string): FirmScope['campaigns'] => {
  const ofCampaign = (campaignId: string) =>
    and(eq(campaignItems.firmId, firmId), eq(campaignItems.campaignId, campaignId));
  return {
    async find(id, options) {
      const query = db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.firmId, firmId), eq(campaigns.id, id)));
      const [row] = options?.forUpdate ? await query.for('no key update') : await query;
      return row ? toCampaign(row) : undefined;
    },
    async list() {
      const rows = await db
        .select()
        .from(campaigns)
        .where(eq(campaigns.firmId, firmId))
        .orderBy(desc(campaigns.createdAt), desc(campaigns.id));
      return rows.map(toCampaign);
    },
    async listUnfinished() {
      const rows = await db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.firmId, firmId), inArray(campaigns.status, CAMPAIGN_STATUSES_WITH_JOB)));
      return rows.map(toCampaign);
    },
    async insert(campaign) {
      await db.insert(campaigns).values({ ...campaign, firmId });
    },
    async update(input) {
      const row = await updateVersioned<CampaignRow>(db, campaigns, firmId, input);
      return row ? toCampaign(row) : undefined;
    },
    async advance(id, fields, at) {
      await db
        .update(campaigns)
        .set({ ...fields, updatedAt: at })
        .where(and(eq(campaigns.firmId, firmId), eq(campaigns.id, id)));
    },
    async insertItems(campaignId, items, at) {
      await insertAll(
        db,
        campaignItems,
        items.map((item) => ({ ...item, firmId, campaignId, updatedAt: at })),
      );
    },
    async claimItems(campaignId, status, limit) {
      const rows = await db
        .select()
        .from(campaignItems)
        .where(and(ofCampaign(campaignId), eq(campaignItems.status, status)))
        .orderBy(asc(campaignItems.position))
        .limit(limit)
        .for('no key update', { skipLocked: true });
      return rows.map(toItem);
    },
    async updateItems(campaignId, items, at) {
      const first = items[0];
      if (!first) return;
      // One UPDATE … FROM unnest(…) for the whole batch; the columns set are those of the first item.
      const keys = (Object.keys(ITEM_COLUMNS) as (keyof typeof ITEM_COLUMNS)[]).filter((key) => key in first);
      const arrays = [
        sql`${sql.param(items.map((item) => item.engagementId))}::uuid[]`,
        ...keys.map((key) => sql`${sql.param(items.map((item) => asText(item[key])))}::text[]`),
      ];
      const aliases = ['engagement_id', ...keys.map((key) => ITEM_COLUMNS[key].column)].map((name) =>
        sql.identifier(name),
      );
      const sets = keys.map((key) => {
        const { column, type } = ITEM_COLUMNS[key];
        return sql`${sql.identifier(column)} = u.${sql.identifier(column)}::${sql.raw(type)}`;
      });
      await db.execute(
        sql`update campaign_items as ci set ${sql.join(sets, sql`, `)}, updated_at = ${at.toISOString()}::timestamptz
          from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)})
          where ci.firm_id = ${firmId} and ci.campaign_id = ${campaignId} and ci.engagement_id = u.engagement_id`,
      );
    },
    async progress(campaignId) {
      const rows = await db
        .select({ status: campaignItems.status, value: count() })
        .from(campaignItems)
        .where(ofCampaign(campaignId))
        .groupBy(campaignItems.status);
      const counts = Object.fromEntries(CAMPAIGN_ITEM_STATUSES.map((s) => [s, 0])) as Record<
        CampaignItemStatus,
        number
      >;
      for (const row of rows) counts[row.status] = Number(row.value);
      return { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
    },
    async listItems(campaignId, filter) {
      const where = and(
        ofCampaign(campaignId),
        filter.status ? eq(campaignItems.status, filter.status) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({
            item: campaignItems,
            companyName: companies.name,
            clientCode: engagements.clientCode,
            documentNumber: documents.number,
            documentStatus: documents.status,
            refusalReason: documents.refusalReason,
          })
          .from(campaignItems)
          .innerJoin(
            engagements,
            and(eq(engagements.firmId, campaignItems.firmId), eq(engagements.id, campaignItems.engagementId)),
          )
          .innerJoin(
            companies,
            and(eq(companies.firmId, engagements.firmId), eq(companies.id, engagements.companyId)),
          )
          .leftJoin(
            documents,
            and(eq(documents.firmId, campaignItems.firmId), eq(documents.id, campaignItems.documentId)),
          )
          .where(where)
          .orderBy(asc(campaignItems.position))
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize),
        db.select({ value: count() }).from(campaignItems).where(where),
      ]);
      return {
        items: rows.map(({ item, ...rest }) => ({ ...toItem(item), ...rest })),
        total: Number(total?.value ?? 0),
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
    async followUp(campaignId) {
      const byDocument = and(
        eq(documents.firmId, campaignItems.firmId),
        eq(documents.id, campaignItems.documentId),
      );
      // One after the other: the campaign's follow-up job reads them inside its transaction.
      const rows = await db
        .select({
          status: documents.status,
          value: count(),
          before: sql<string | null>`sum(${campaignItems.annualBeforeCents})`,
          after: sql<string | null>`sum(${campaignItems.annualAfterCents})`,
        })
        .from(campaignItems)
        .innerJoin(documents, byDocument)
        .where(ofCampaign(campaignId))
        .groupBy(documents.status);
      const refusals = await db
        .select({
          engagementId: campaignItems.engagementId,
          companyName: companies.name,
          documentId: documents.id,
          number: documents.number,
          reason: documents.refusalReason,
          refusedAt: documents.refusedAt,
        })
        .from(campaignItems)
        .innerJoin(documents, byDocument)
        .innerJoin(
          engagements,
          and(eq(engagements.firmId, campaignItems.firmId), eq(engagements.id, campaignItems.engagementId)),
        )
        .innerJoin(
          companies,
          and(eq(companies.firmId, engagements.firmId), eq(companies.id, engagements.companyId)),
        )
        .where(and(ofCampaign(campaignId), eq(documents.status, 'refused')))
        .orderBy(asc(documents.refusedAt), asc(documents.id))
        .limit(1000);
      const groups = rows.map((row) => ({
        status: row.status,
        letters: Number(row.value),
        annualBeforeCents: Number(row.before ?? 0),
        annualAfterCents: Number(row.after ?? 0),
      }));
      return { groups, refusals };
    },
  };
};
