import { and, asc, eq, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { PortfolioRecord, RenewalDocument } from '../../application/records.ts';
import { SCOPE_KINDS } from '../../domain/documents/kinds.ts';
import { EFFECTIVE_STATUSES } from '../../domain/documents/lifecycle.ts';
import type { Db } from './database.ts';
import {
  dateOf,
  epochMs,
  rowsOf,
  SCOPE_LINE_SQL,
  SCOPE_LINE_WORDS_SQL,
  scopeLineOf,
  text,
} from './plain-rows.ts';
import { engagements } from './schema/index.ts';

/**
 * Renewal reads the whole portfolio at once: the client engagements, then their letters,
 * amendments and pending replacement letters, then those documents' lines: three queries whatever
 * the number of clients, instead of one per engagement.
 */
export const portfolioRepo = (db: Db, firmId: string): FirmScope['portfolio'] => ({
  async listClientIds() {
    // The company's name kept on engagements (issue 19) orders them without a join.
    const rows = await db
      .select({ id: engagements.id })
      .from(engagements)
      .where(and(eq(engagements.firmId, firmId), eq(engagements.state, 'client')))
      .orderBy(asc(engagements.companyName), asc(engagements.id));
    return rows.map((row) => row.id);
  },
  /**
   * As plain rows (plain-rows.ts): a preview of 10 000 clients reads some 30 000 documents and
   * 80 000 lines, and drizzle's mapping of them cost a fifth of the preview and most of its garbage.
   */
  async listClients(filter) {
    const ids = filter?.engagementIds;
    if (ids && ids.length === 0) return [];
    const idList = ids ? sql.param(ids) : undefined;
    const clients = rowsOf(
      await db.execute(sql`
        select e.id, c.name, e.client_code, c.siren, e.responsible_user_id, c.fiscal_year_end
          from engagements e join companies c on c.firm_id = e.firm_id and c.id = e.company_id
         where e.firm_id = ${firmId} and e.state = 'client'
           ${idList ? sql`and e.id = any(${idList}::uuid[])` : sql``}
         order by e.company_name, e.id`),
    );
    const clientDocuments = sql`d.firm_id = ${firmId}
      ${idList ? sql`and d.engagement_id = any(${idList}::uuid[])` : sql``}
      and d.kind in (${sql.join(
        SCOPE_KINDS.map((kind) => sql`${kind}`),
        sql`, `,
      )})
      and (d.status in (${sql.join(
        EFFECTIVE_STATUSES.map((status) => sql`${status}`),
        sql`, `,
      )}) or (d.kind = 'replacement_letter' and d.status in ('draft', 'sent')))`;
    // One query after another: inside a transaction they share one connection.
    const rows = rowsOf(
      await db.execute(sql`
        select d.id, d.engagement_id, d.kind, d.status, d.number, d.effective_date::text as effective_date,
               ${epochMs('d.signed_at')} as signed_ms, ${epochMs('d.created_at')} as created_ms,
               d.replaced_by_id, d.amends_letter_id, d.terms_version_id, d.duration_months, d.renewal,
               d.notice_months, d.billing_period, d.payment_terms, d.revision_clause, d.campaign_id,
               d.end_date::text as end_date
          from documents d join engagements e on e.firm_id = d.firm_id and e.id = d.engagement_id
         where ${clientDocuments} and e.state = 'client'
         order by d.created_at, d.id`),
    );
    // Renewal reads recurring lines only (R-C3 drops one-off lines, and an amendment changes
    // recurring lines only, R-C2): what it needs, not every line ever signed.
    const effective = new Set<string>(EFFECTIVE_STATUSES);
    const effectiveIds = rows.filter((row) => effective.has(row.status as string)).map((row) => row.id);
    // A slice (the preview's, a chunk's) names its documents, so the (firm_id, document_id,
    // position) index serves it in any firm: joined to the documents instead, a firm holding half
    // the table (100 000 clients) had every slice scan all the lines, so the preview grew with the
    // square of the firm's size (bench/platform-scale.ts). One array parameter, unnested: the
    // planner walks the index once per document whatever the slice's size (a long IN list let it
    // prefer a scan of the table).
    const linesOfSlice = () =>
      db.execute(sql`
        select ${SCOPE_LINE_SQL}, ${SCOPE_LINE_WORDS_SQL}
          from document_lines l
         where l.firm_id = ${firmId} and l.recurrence <> 'one_off'
           and l.document_id in (select unnest(${sql.param(effectiveIds)}::uuid[]))
         order by l.document_id, l.position`);
    const linesOfPortfolio = () =>
      db.execute(sql`
        select ${SCOPE_LINE_SQL}, ${SCOPE_LINE_WORDS_SQL}
          from document_lines l join documents d on d.firm_id = l.firm_id and d.id = l.document_id
         where ${clientDocuments} and d.status in (${sql.join(
           EFFECTIVE_STATUSES.map((status) => sql`${status}`),
           sql`, `,
         )}) and l.recurrence <> 'one_off'
         order by l.document_id, l.position`);
    const lines = rowsOf(
      !ids ? await linesOfPortfolio() : effectiveIds.length > 0 ? await linesOfSlice() : { rows: [] },
    );
    const documentsById = new Map<string, RenewalDocument>();
    const documentsOf = new Map<string, RenewalDocument[]>();
    for (const row of rows) {
      const doc: RenewalDocument = {
        id: row.id as string,
        kind: row.kind as RenewalDocument['kind'],
        status: row.status as RenewalDocument['status'],
        number: text(row.number),
        effectiveDate: text(row.effective_date),
        signedAt: dateOf(row.signed_ms),
        createdAt: new Date(row.created_ms as number),
        replacedById: text(row.replaced_by_id),
        amendsLetterId: text(row.amends_letter_id),
        termsVersionId: text(row.terms_version_id),
        durationMonths: row.duration_months as RenewalDocument['durationMonths'],
        renewal: row.renewal as RenewalDocument['renewal'],
        noticeMonths: row.notice_months as RenewalDocument['noticeMonths'],
        billingPeriod: row.billing_period as RenewalDocument['billingPeriod'],
        paymentTerms: row.payment_terms as RenewalDocument['paymentTerms'],
        revisionClause: row.revision_clause as RenewalDocument['revisionClause'],
        campaignId: text(row.campaign_id),
        endDate: text(row.end_date),
        lines: [],
      };
      documentsById.set(doc.id, doc);
      const engagementId = row.engagement_id as string;
      const list = documentsOf.get(engagementId);
      if (list) list.push(doc);
      else documentsOf.set(engagementId, [doc]);
    }
    for (const row of lines) documentsById.get(row.document_id as string)?.lines.push(scopeLineOf(row));
    return clients.map(
      (client): PortfolioRecord => ({
        engagementId: client.id as string,
        companyName: client.name as string,
        clientCode: text(client.client_code),
        siren: text(client.siren),
        responsibleUserId: client.responsible_user_id as string,
        fiscalYearEnd: client.fiscal_year_end as string,
        documents: documentsOf.get(client.id as string) ?? [],
      }),
    );
  },
});
