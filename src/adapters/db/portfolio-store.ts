import { and, asc, eq, getTableColumns, inArray, or, type SQL } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports.ts';
import type { Document, DocumentLine, PortfolioRecord } from '../../application/records.ts';
import type { DocumentTotals } from '../../domain/documents/fees.ts';
import type { Db } from './database.ts';
import { companies, documentLines, documents, engagements } from './schema.ts';

/** Never the frozen snapshot: renewal reads the lines, and the snapshot weighs kilobytes a letter. */
const { frozen: _frozen, ...DOCUMENT_COLUMNS } = getTableColumns(documents);
const { firmId: _lineFirm, ...LINE_COLUMNS } = getTableColumns(documentLines);

const RENEWAL_KINDS = ['engagement_letter', 'replacement_letter', 'amendment'] as const;

/**
 * Renewal reads the whole portfolio at once: the client engagements, then their letters,
 * amendments and pending replacement letters, then those documents' lines: three queries whatever
 * the number of clients, instead of one per engagement.
 */
export const portfolioRepo = (db: Db, firmId: string): FirmScope['portfolio'] => ({
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
      .orderBy(asc(companies.name), asc(engagements.id));
    const clientDocuments = and(
      eq(documents.firmId, firmId),
      ofEngagements(documents.engagementId),
      inArray(documents.kind, [...RENEWAL_KINDS]),
      or(
        inArray(documents.status, ['signed', 'replaced']),
        and(eq(documents.kind, 'replacement_letter'), inArray(documents.status, ['draft', 'sent'])),
      ),
    );
    const [rows, lines] = await Promise.all([
      db
        .select(DOCUMENT_COLUMNS)
        .from(documents)
        .innerJoin(
          engagements,
          and(eq(engagements.firmId, documents.firmId), eq(engagements.id, documents.engagementId)),
        )
        .where(and(clientDocuments, eq(engagements.state, 'client')))
        .orderBy(asc(documents.createdAt), asc(documents.id)),
      db
        .select(LINE_COLUMNS)
        .from(documentLines)
        .innerJoin(
          documents,
          and(eq(documents.firmId, documentLines.firmId), eq(documents.id, documentLines.documentId)),
        )
        .where(and(clientDocuments, inArray(documents.status, ['signed', 'replaced'])))
        .orderBy(asc(documentLines.documentId), asc(documentLines.position)),
    ]);
    const linesOf = new Map<string, DocumentLine[]>();
    for (const { documentId, ...line } of lines) {
      const list = linesOf.get(documentId);
      if (list) list.push(line);
      else linesOf.set(documentId, [line]);
    }
    const documentsOf = new Map<string, Document[]>();
    for (const { firmId: _f, totals, ...row } of rows) {
      const doc: Document = {
        ...row,
        totals: totals as DocumentTotals,
        frozen: null,
        lines: linesOf.get(row.id) ?? [],
        replacesIds: [],
      };
      const list = documentsOf.get(row.engagementId);
      if (list) list.push(doc);
      else documentsOf.set(row.engagementId, [doc]);
    }
    return clients.map(
      (client): PortfolioRecord => ({ ...client, documents: documentsOf.get(client.engagementId) ?? [] }),
    );
  },
});
