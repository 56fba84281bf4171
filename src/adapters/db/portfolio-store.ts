import { and, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { PortfolioRecord, RenewalDocument } from '../../application/records.ts';
import { SCOPE_KINDS } from '../../domain/documents/kinds.ts';
import { EFFECTIVE_STATUSES } from '../../domain/documents/lifecycle.ts';
import type { Db } from './database.ts';
import { companies, documentLines, documents, engagements } from './schema/index.ts';
import { LINE_COLUMNS } from './scope-columns.ts';

/** Only what renewal reads: a preview of 10 000 clients maps some 30 000 documents and 80 000 lines. */
const DOCUMENT_COLUMNS = {
  id: documents.id,
  engagementId: documents.engagementId,
  kind: documents.kind,
  status: documents.status,
  number: documents.number,
  effectiveDate: documents.effectiveDate,
  signedAt: documents.signedAt,
  createdAt: documents.createdAt,
  replacedById: documents.replacedById,
  amendsLetterId: documents.amendsLetterId,
  termsVersionId: documents.termsVersionId,
  durationMonths: documents.durationMonths,
  renewal: documents.renewal,
  noticeMonths: documents.noticeMonths,
  billingPeriod: documents.billingPeriod,
  paymentTerms: documents.paymentTerms,
  revisionClause: documents.revisionClause,
  campaignId: documents.campaignId,
  // R-G1: a terminated letter leaves the scope in force after its end date, for renewal too.
  endDate: documents.endDate,
};

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
  async listClients(filter) {
    const ids = filter?.engagementIds;
    if (ids && ids.length === 0) return [];
    const ofEngagements = (column: typeof engagements.id | typeof documents.engagementId): SQL | undefined =>
      ids ? inArray(column, ids) : undefined;
    const clients = await db
      .select({
        engagementId: engagements.id,
        companyName: companies.name,
        clientCode: engagements.clientCode,
        siren: companies.siren,
        responsibleUserId: engagements.responsibleUserId,
        fiscalYearEnd: companies.fiscalYearEnd,
      })
      .from(engagements)
      .innerJoin(
        companies,
        and(eq(companies.firmId, engagements.firmId), eq(companies.id, engagements.companyId)),
      )
      .where(
        and(eq(engagements.firmId, firmId), eq(engagements.state, 'client'), ofEngagements(engagements.id)),
      )
      .orderBy(asc(engagements.companyName), asc(engagements.id));
    const clientDocuments = and(
      eq(documents.firmId, firmId),
      ofEngagements(documents.engagementId),
      inArray(documents.kind, [...SCOPE_KINDS]),
      or(
        inArray(documents.status, EFFECTIVE_STATUSES),
        and(eq(documents.kind, 'replacement_letter'), inArray(documents.status, ['draft', 'sent'])),
      ),
    );
    // One query after another: inside a transaction they share one connection.
    const rows = await db
      .select(DOCUMENT_COLUMNS)
      .from(documents)
      .innerJoin(
        engagements,
        and(eq(engagements.firmId, documents.firmId), eq(engagements.id, documents.engagementId)),
      )
      .where(and(clientDocuments, eq(engagements.state, 'client')))
      .orderBy(asc(documents.createdAt), asc(documents.id));
    // Renewal reads recurring lines only (R-C3 drops one-off lines, and an amendment changes
    // recurring lines only, R-C2): what it needs, not every line ever signed.
    const recurringOnly = ne(documentLines.recurrence, 'one_off');
    const effective = new Set<string>(EFFECTIVE_STATUSES);
    const effectiveIds = rows.filter((row) => effective.has(row.status)).map((row) => row.id);
    // A slice (the preview's, a chunk's) names its documents, so the (firm_id, document_id,
    // position) index serves it in any firm: joined to the documents instead, a firm holding half
    // the table (100 000 clients) had every slice scan all the lines, so the preview grew with the
    // square of the firm's size (bench/platform-scale.ts). One array parameter, unnested: the
    // planner walks the index once per document whatever the slice's size (a long IN list let it
    // prefer a scan of the table).
    const linesOfSlice = () =>
      db
        .select(LINE_COLUMNS)
        .from(documentLines)
        .where(
          and(
            eq(documentLines.firmId, firmId),
            sql`${documentLines.documentId} in (select unnest(${sql.param(effectiveIds)}::uuid[]))`,
            recurringOnly,
          ),
        )
        .orderBy(asc(documentLines.documentId), asc(documentLines.position));
    const linesOfPortfolio = () =>
      db
        .select(LINE_COLUMNS)
        .from(documentLines)
        .innerJoin(
          documents,
          and(eq(documents.firmId, documentLines.firmId), eq(documents.id, documentLines.documentId)),
        )
        .where(and(clientDocuments, inArray(documents.status, EFFECTIVE_STATUSES), recurringOnly))
        .orderBy(asc(documentLines.documentId), asc(documentLines.position));
    const lines = !ids ? await linesOfPortfolio() : effectiveIds.length > 0 ? await linesOfSlice() : [];
    const documentsById = new Map<string, RenewalDocument>();
    const documentsOf = new Map<string, RenewalDocument[]>();
    for (const row of rows) {
      const doc: RenewalDocument = { ...row, lines: [] };
      documentsById.set(row.id, doc);
      const list = documentsOf.get(row.engagementId);
      if (list) list.push(doc);
      else documentsOf.set(row.engagementId, [doc]);
    }
    for (const { documentId, ...line } of lines) documentsById.get(documentId)?.lines.push(line);
    return clients.map(
      (client): PortfolioRecord => ({ ...client, documents: documentsOf.get(client.engagementId) ?? [] }),
    );
  },
});
