import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  ilike,
  inArray,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { DocumentFilter, FirmScope } from '../../application/ports/index.ts';
import type { Document, DocumentLine } from '../../application/records.ts';
import type { DocumentTotals } from '../../domain/documents/fees.ts';
import { insertAll } from './bulk-insert.ts';
import { likePattern } from './company-store.ts';
import type { Db } from './database.ts';
import {
  companies,
  documentLines,
  documentReplacements,
  documents,
  engagements,
  signatures,
  signingRequests,
} from './schema/index.ts';

type DocumentRow = typeof documents.$inferSelect;

/**
 * Every column but the frozen snapshot, which holds the facts of the PDF, some kilobytes each: a
 * list never reads it, nor does a save that left it as it was.
 */
const { frozen: _frozen, ...COLUMNS_BUT_FROZEN } = getTableColumns(documents);

const toLine = ({ firmId: _f, documentId: _d, ...row }: typeof documentLines.$inferSelect): DocumentLine =>
  row;

const toDocument = (row: DocumentRow, lines: DocumentLine[], replacesIds: string[]): Document => {
  const { firmId: _f, totals, ...rest } = row;
  return { ...rest, totals: totals as DocumentTotals, lines, replacesIds };
};

const columnsOf = <D extends { lines: unknown; replacesIds: unknown }>(firmId: string, doc: D) => {
  const { lines: _l, replacesIds: _r, ...fields } = doc;
  return { ...fields, firmId };
};

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

/**
 * The columns of `fields` that differ from the document as read: a value kept is the same value
 * (or the same object, as a spread of the document read keeps it); anything else is sent.
 */
const changedColumns = <F extends Record<string, unknown>>(fields: F, before: Document): Partial<F> => {
  const was = before as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => !sameValue(value, was[key])),
  ) as Partial<F>;
};

/**
 * Sent, of a kind the firm signs, its firm signature not recorded yet nor needed (not posted as a
 * registered letter), and this associé its signer:
 * the one its signing link went to, else (no link: signed on paper) the one chosen on the document,
 * else the engagement's responsible. Joined with the engagement (withCompany).
 */
const awaitingFirmSignature = (input: { userId?: string; kinds: readonly DocumentRow['kind'][] }) => {
  const firmRequest = sql`select 1 from ${signingRequests} where ${signingRequests.firmId} = ${documents.firmId}
    and ${signingRequests.documentId} = ${documents.id} and ${signingRequests.side} = 'firm'`;
  return and(
    eq(documents.status, 'sent'),
    input.kinds.length > 0 ? inArray(documents.kind, [...input.kinds]) : sql`false`,
    sql`not exists (select 1 from ${signatures} where ${signatures.firmId} = ${documents.firmId}
      and ${signatures.documentId} = ${documents.id} and ${signatures.side} = 'firm')`,
    // R-G1: a letter of termination posted as a registered letter is signed by no one.
    sql`${documents.frozen} #>> '{facts,termination,registeredMail,number}' is null`,
    input.userId === undefined
      ? undefined
      : or(
          sql`exists (${firmRequest} and ${signingRequests.userId} = ${input.userId})`,
          and(
            sql`not exists (${firmRequest})`,
            sql`coalesce(${documents.firmSignatoryId}, ${engagements.responsibleUserId}) = ${input.userId}`,
          ),
        ),
  );
};

/** A document's engagement and company, for the list's search and its company name. */
const withCompany = <Q extends PgSelect>(query: Q) =>
  query
    .innerJoin(
      engagements,
      and(eq(engagements.firmId, documents.firmId), eq(engagements.id, documents.engagementId)),
    )
    .innerJoin(
      companies,
      and(eq(companies.firmId, engagements.firmId), eq(companies.id, engagements.companyId)),
    );

const SORT_COLUMNS = {
  updatedAt: documents.updatedAt,
  createdAt: documents.createdAt,
  number: documents.number,
  sentAt: documents.sentAt,
} as const;

export const documentRepo = (db: Db, firmId: string): FirmScope['documents'] => {
  const linesOf = async (ids: string[]): Promise<Map<string, DocumentLine[]>> => {
    const byDocument = new Map<string, DocumentLine[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byDocument;
    const rows = await db
      .select()
      .from(documentLines)
      .where(and(eq(documentLines.firmId, firmId), inArray(documentLines.documentId, ids)))
      .orderBy(asc(documentLines.position));
    for (const row of rows) byDocument.get(row.documentId)?.push(toLine(row));
    return byDocument;
  };
  const replacementsOf = async (ids: string[]): Promise<Map<string, string[]>> => {
    const byDocument = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byDocument;
    const rows = await db
      .select()
      .from(documentReplacements)
      .where(and(eq(documentReplacements.firmId, firmId), inArray(documentReplacements.replacementId, ids)));
    for (const row of rows) byDocument.get(row.replacementId)?.push(row.replacedId);
    return byDocument;
  };
  const hydrate = async (rows: DocumentRow[]): Promise<Document[]> => {
    const ids = rows.map((row) => row.id);
    // Only a replacement letter names the letters it replaces (create-document): the others need
    // no read of document_replacements, one round trip less for every letter, proposal or
    // amendment read (issue 19).
    const replacing = rows.filter((row) => row.kind === 'replacement_letter').map((row) => row.id);
    const [lines, replacements] = await Promise.all([linesOf(ids), replacementsOf(replacing)]);
    return rows.map((row) => toDocument(row, lines.get(row.id) ?? [], replacements.get(row.id) ?? []));
  };
  const insertLines = async (documentId: string, lines: DocumentLine[]) => {
    if (lines.length > 0)
      await db.insert(documentLines).values(lines.map((line) => ({ ...line, firmId, documentId })));
  };

  // Locks are taken in one order, the engagement before its documents: a signature that converts
  // the prospect and a new letter of the same engagement took them the other way round, and
  // PostgreSQL aborted one of them as a deadlock.
  const lockEngagementOf = (documentId: string) =>
    db
      .select({ id: engagements.id })
      .from(engagements)
      .where(
        and(
          eq(engagements.firmId, firmId),
          sql`${engagements.id} = (select ${documents.engagementId} from ${documents}
            where ${documents.firmId} = ${firmId} and ${documents.id} = ${documentId})`,
        ),
      )
      .for('no key update');

  // The documents this scope read or saved, as they then stood (a copy: the caller's may change in
  // place). A save sends only the columns that differ (issue 19: a signature's status change sent
  // back, and read again, the letter's frozen content, tens of kilobytes of JSON written anew to the
  // table and its log each time).
  const asRead = new Map<string, Document>();

  return {
    async find(id, options) {
      const query = db
        .select()
        .from(documents)
        .where(and(eq(documents.firmId, firmId), eq(documents.id, id)));
      if (options?.forUpdate) await lockEngagementOf(id);
      const rows = options?.forUpdate ? await query.for('no key update') : await query;
      const [doc] = await hydrate(rows);
      if (doc) asRead.set(doc.id, { ...doc });
      return doc;
    },
    async list(filter: DocumentFilter) {
      const where: SQL | undefined = and(
        eq(documents.firmId, firmId),
        filter.engagementId ? eq(documents.engagementId, filter.engagementId) : undefined,
        filter.kind ? eq(documents.kind, filter.kind) : undefined,
        filter.campaignId ? eq(documents.campaignId, filter.campaignId) : undefined,
        filter.status ? eq(documents.status, filter.status) : undefined,
        filter.search
          ? or(
              ilike(documents.number, likePattern(filter.search)),
              ilike(documents.title, likePattern(filter.search)),
              ilike(companies.name, likePattern(filter.search)),
            )
          : undefined,
        filter.awaitingFirmSignature ? awaitingFirmSignature(filter.awaitingFirmSignature) : undefined,
        filter.afterNumber !== undefined ? gt(documents.number, filter.afterNumber) : undefined,
      );
      const order = filter.direction === 'asc' ? asc : desc;
      const [rows, [total]] = await Promise.all([
        withCompany(
          db.select({ document: COLUMNS_BUT_FROZEN, companyName: companies.name }).from(documents).$dynamic(),
        )
          .where(where)
          .orderBy(sql`${order(SORT_COLUMNS[filter.sort])} nulls last`, order(documents.id))
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize),
        withCompany(db.select({ value: count() }).from(documents).$dynamic()).where(where),
      ]);
      const replacements = await replacementsOf(rows.map((r) => r.document.id));
      return {
        items: rows.map(({ document, companyName }) => {
          const {
            lines: _l,
            frozen: _fr,
            ...doc
          } = toDocument({ ...document, frozen: null }, [], replacements.get(document.id) ?? []);
          return { ...doc, companyName };
        }),
        total: Number(total?.value ?? 0),
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
    async listByEngagement(engagementId) {
      const rows = await db
        .select()
        .from(documents)
        .where(and(eq(documents.firmId, firmId), eq(documents.engagementId, engagementId)))
        .orderBy(asc(documents.createdAt), asc(documents.id));
      return hydrate(rows);
    },
    async listOverdueIds({ today, now }) {
      const rows = await db
        .select({ id: documents.id })
        .from(documents)
        .where(
          and(
            eq(documents.firmId, firmId),
            eq(documents.status, 'sent'),
            or(
              and(eq(documents.kind, 'proposal'), lt(documents.validUntil, today)),
              lt(documents.signingDeadline, now),
            ),
          ),
        );
      return rows.map((row) => row.id);
    },
    async findLetterFromProposal(proposalId) {
      const rows = await db
        .select()
        .from(documents)
        .where(and(eq(documents.firmId, firmId), eq(documents.sourceProposalId, proposalId)));
      const [doc] = await hydrate(rows);
      return doc;
    },
    async insert(document) {
      await db.insert(documents).values({ ...columnsOf(firmId, document), updatedAt: document.createdAt });
      await insertLines(document.id, document.lines);
      if (document.replacesIds.length > 0) {
        await db
          .insert(documentReplacements)
          .values(
            document.replacesIds.map((replacedId) => ({ firmId, replacementId: document.id, replacedId })),
          );
      }
    },
    async insertMany(many) {
      await insertAll(
        db,
        documents,
        many.map((doc) => ({ ...columnsOf(firmId, doc), updatedAt: doc.createdAt })),
      );
      await insertAll(
        db,
        documentLines,
        many.flatMap((doc) => doc.lines.map((line) => ({ ...line, firmId, documentId: doc.id }))),
      );
      await insertAll(
        db,
        documentReplacements,
        many.flatMap((doc) =>
          doc.replacesIds.map((replacedId) => ({ firmId, replacementId: doc.id, replacedId })),
        ),
      );
    },
    async save(document, { expectedVersion, at, rewriteLines }) {
      const { id, version: _v, createdAt: _c, ...fields } = columnsOf(firmId, document);
      const before = asRead.get(id);
      const set = before?.version === expectedVersion ? changedColumns(fields, before) : fields;
      // The frozen content unchanged is neither sent nor read back: the caller's is the stored one.
      const frozenKept = before !== undefined && !('frozen' in set);
      const update = db
        .update(documents)
        .set({ ...set, updatedAt: at, version: sql`${documents.version} + 1` })
        .where(
          and(eq(documents.firmId, firmId), eq(documents.id, id), eq(documents.version, expectedVersion)),
        );
      const rows: DocumentRow[] = frozenKept
        ? (await update.returning(COLUMNS_BUT_FROZEN)).map((row) => ({ ...row, frozen: before.frozen }))
        : await update.returning();
      if (rows.length === 0) return undefined;
      if (rewriteLines) {
        await db
          .delete(documentLines)
          .where(and(eq(documentLines.firmId, firmId), eq(documentLines.documentId, id)));
        await insertLines(id, document.lines);
        await db
          .delete(documentReplacements)
          .where(and(eq(documentReplacements.firmId, firmId), eq(documentReplacements.replacementId, id)));
        if (document.replacesIds.length > 0) {
          await db
            .insert(documentReplacements)
            .values(document.replacesIds.map((replacedId) => ({ firmId, replacementId: id, replacedId })));
        }
      }
      // Lines and replacements not rewritten are the ones the caller read: no second read (a
      // transition, a signature's status change, saves only the document's row).
      const [row] = rows;
      const saved =
        !rewriteLines && row
          ? toDocument(row, document.lines, document.replacesIds)
          : (await hydrate(rows))[0];
      if (saved) asRead.set(saved.id, { ...saved });
      return saved;
    },
  };
};
