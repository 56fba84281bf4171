import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  BillingDocument,
  BillingRecord,
  FirmScope,
  Termination,
} from '../../application/ports/index.ts';
import { SCOPE_KINDS } from '../../domain/documents/kinds.ts';
import { EFFECTIVE_STATUSES } from '../../domain/documents/lifecycle.ts';
import type { Db } from './database.ts';
import { dateOf, epochMs, rowsOf, SCOPE_LINE_SQL, scopeLineOf, text } from './plain-rows.ts';
import {
  billingExports,
  companies,
  documentLines,
  documents,
  engagements,
  oneOffCompletions,
  terminations,
} from './schema/index.ts';
import { LINE_COLUMNS } from './scope-columns.ts';

const DOCUMENT_COLUMNS = {
  id: documents.id,
  engagementId: documents.engagementId,
  kind: documents.kind,
  status: documents.status,
  number: documents.number,
  effectiveDate: documents.effectiveDate,
  endDate: documents.endDate,
  signedAt: documents.signedAt,
  createdAt: documents.createdAt,
  replacedById: documents.replacedById,
  amendsLetterId: documents.amendsLetterId,
  durationMonths: documents.durationMonths,
  noticeMonths: documents.noticeMonths,
  renewal: documents.renewal,
  billingPeriod: documents.billingPeriod,
};

const toTermination = ({ firmId: _f, ...row }: typeof terminations.$inferSelect): Termination => ({
  ...row,
  letterId: row.letterId,
});

/**
 * The documents and lines the schedule's totals read, as plain rows (no per-row mapping: at 80 000
 * lines, drizzle's mapping cost as much as the queries). Every value is cast to a type both drivers
 * hand back alike: dates as text, bigint as float8 (cents are far below 2^53), timestamps as
 * milliseconds; the lines without their words (labels, service, unit), which no figure reads.
 */
const figuresOf = async (db: Db, withEffect: SQL | undefined) => {
  const docs = rowsOf(
    await db.execute(sql`
      select id, engagement_id, kind, status, number, effective_date::text as effective_date,
             end_date::text as end_date,
             ${epochMs('signed_at')} as signed_ms, ${epochMs('created_at')} as created_ms,
             replaced_by_id, amends_letter_id, duration_months, notice_months, renewal, billing_period
        from documents where ${withEffect} order by created_at`),
  );
  const lines = rowsOf(
    await db.execute(sql`
      select ${SCOPE_LINE_SQL}
        from document_lines l
        join documents on documents.firm_id = l.firm_id and documents.id = l.document_id
       where ${withEffect} order by l.document_id, l.position`),
  );
  const documents = docs.map((row): BillingDocument & { engagementId: string } => ({
    id: row.id as string,
    engagementId: row.engagement_id as string,
    kind: row.kind as BillingDocument['kind'],
    status: row.status as BillingDocument['status'],
    number: text(row.number),
    effectiveDate: text(row.effective_date),
    endDate: text(row.end_date),
    signedAt: dateOf(row.signed_ms),
    createdAt: new Date(row.created_ms as number),
    replacedById: text(row.replaced_by_id),
    amendsLetterId: text(row.amends_letter_id),
    durationMonths: row.duration_months as number,
    noticeMonths: row.notice_months as number,
    renewal: row.renewal as BillingDocument['renewal'],
    billingPeriod: row.billing_period as BillingDocument['billingPeriod'],
    lines: [],
  }));
  const figures = lines.map((row) => ({ ...scopeLineOf(row), documentId: row.document_id as string }));
  return { documents, lines: figures };
};

/**
 * Billing reads the whole portfolio as renewal does (portfolio-store.ts): the client engagements,
 * then their documents with effect, their lines and the one-off lines done, in four queries
 * whatever the number of clients.
 */
export const billingRepo = (db: Db, firmId: string): FirmScope['billing'] => ({
  async listRecords(filter) {
    const ids = filter?.engagementIds;
    if (ids && ids.length === 0) return [];
    const of = (column: typeof engagements.id | typeof documents.engagementId): SQL | undefined =>
      ids ? inArray(column, ids) : undefined;
    const clients = await db
      .select({
        engagementId: engagements.id,
        clientName: companies.name,
        clientCode: engagements.clientCode,
        responsibleUserId: engagements.responsibleUserId,
        fiscalYearEnd: companies.fiscalYearEnd,
      })
      .from(engagements)
      .innerJoin(
        companies,
        and(eq(companies.firmId, engagements.firmId), eq(companies.id, engagements.companyId)),
      )
      .where(and(eq(engagements.firmId, firmId), eq(engagements.state, 'client'), of(engagements.id)))
      .orderBy(asc(companies.name), asc(engagements.id));
    const withEffect = and(
      eq(documents.firmId, firmId),
      of(documents.engagementId),
      inArray(documents.kind, [...SCOPE_KINDS, 'work_order']),
      inArray(documents.status, EFFECTIVE_STATUSES),
    );
    const { documents: rows, lines } = filter?.figuresOnly
      ? await figuresOf(db, withEffect)
      : {
          documents: (
            await db
              .select(DOCUMENT_COLUMNS)
              .from(documents)
              .where(withEffect)
              .orderBy(asc(documents.createdAt))
          ).map((row): BillingDocument & { engagementId: string } => ({ ...row, lines: [] })),
          lines: await db
            .select(LINE_COLUMNS)
            .from(documentLines)
            .innerJoin(
              documents,
              and(eq(documents.firmId, documentLines.firmId), eq(documents.id, documentLines.documentId)),
            )
            .where(withEffect)
            .orderBy(asc(documentLines.documentId), asc(documentLines.position)),
        };
    const done = await db
      .select({
        lineId: oneOffCompletions.lineId,
        doneOn: oneOffCompletions.doneOn,
        engagementId: documents.engagementId,
      })
      .from(oneOffCompletions)
      .innerJoin(
        documents,
        and(eq(documents.firmId, oneOffCompletions.firmId), eq(documents.id, oneOffCompletions.documentId)),
      )
      .where(and(eq(oneOffCompletions.firmId, firmId), of(documents.engagementId)));
    const byId = new Map<string, BillingDocument>();
    const byEngagement = new Map<string, BillingDocument[]>();
    for (const doc of rows) {
      byId.set(doc.id, doc);
      const list = byEngagement.get(doc.engagementId);
      if (list) list.push(doc);
      else byEngagement.set(doc.engagementId, [doc]);
    }
    for (const line of lines) byId.get(line.documentId)?.lines.push(line);
    const completions = new Map<string, Map<string, string>>();
    for (const row of done) {
      const map = completions.get(row.engagementId) ?? new Map<string, string>();
      map.set(row.lineId, row.doneOn);
      completions.set(row.engagementId, map);
    }
    return clients.map(
      (client): BillingRecord => ({
        ...client,
        documents: byEngagement.get(client.engagementId) ?? [],
        completions: completions.get(client.engagementId) ?? new Map(),
      }),
    );
  },

  async insertTermination(termination) {
    const rows = await db
      .insert(terminations)
      .values({ ...termination, firmId })
      .onConflictDoNothing({ target: [terminations.firmId, terminations.letterId] })
      .returning({ id: terminations.id });
    return rows.length > 0;
  },

  async listTerminations(filter) {
    const rows = await db
      .select()
      .from(terminations)
      .where(
        and(
          eq(terminations.firmId, firmId),
          filter.id ? eq(terminations.id, filter.id) : undefined,
          filter.engagementId ? eq(terminations.engagementId, filter.engagementId) : undefined,
          filter.letterId ? eq(terminations.letterId, filter.letterId) : undefined,
          filter.terminationDocumentId
            ? eq(terminations.terminationDocumentId, filter.terminationDocumentId)
            : undefined,
        ),
      )
      .orderBy(asc(terminations.recordedAt));
    return rows.map(toTermination);
  },

  async updateTermination(id, patch) {
    await db
      .update(terminations)
      .set(patch)
      .where(and(eq(terminations.firmId, firmId), eq(terminations.id, id)));
  },

  async insertCompletion(input) {
    const rows = await db
      .insert(oneOffCompletions)
      .values({
        firmId,
        lineId: input.lineId,
        documentId: input.documentId,
        doneOn: input.doneOn,
        recordedBy: input.recordedBy,
        recordedAt: input.at,
      })
      .onConflictDoNothing({ target: [oneOffCompletions.firmId, oneOffCompletions.lineId] })
      .returning({ lineId: oneOffCompletions.lineId });
    return rows.length > 0;
  },

  async listExports() {
    const rows = await db
      .select()
      .from(billingExports)
      .where(eq(billingExports.firmId, firmId))
      .orderBy(asc(billingExports.month));
    return rows.map(({ firmId: _f, ...row }) => row);
  },

  async insertExport(input) {
    const rows = await db
      .insert(billingExports)
      .values({ ...input, firmId })
      .onConflictDoNothing({ target: [billingExports.firmId, billingExports.month] })
      .returning({ month: billingExports.month });
    return rows.length > 0;
  },
});
