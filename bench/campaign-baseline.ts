import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { documentLines, documentReplacements, documents, events } from '../src/adapters/db/schema/index.ts';
import { newDraft } from '../src/application/documents/new-document.ts';
import type { DocumentLine } from '../src/application/records.ts';
import { DEFAULT_PAYMENT_TERMS } from '../src/domain/documents/defaults.ts';
import { DOCUMENT_TITLES } from '../src/domain/documents/kinds.ts';
import { revaluePrice } from '../src/domain/renewal/revaluation.ts';
import type { RawSql } from './campaign-setup.ts';

type Row = Record<string, unknown>;
/** The rows of one table, keyed by the schema's property names (as the stores write them). */
type TableRows = { table: PgTable; rows: Row[] };

export type BaselineRows = {
  tables: TableRows[];
  documentIds: string[];
  /** Lines per document, to compare with what the campaign wrote. */
  lineCount: number;
};

type SourceLine = {
  engagement_id: string;
  letter_id: string;
  kind: string;
  operation: string;
  id: string;
  service_id: string | null;
  label: string;
  unit_label: string | null;
  quantity: string;
  unit_price_cents: number | string;
  vat_rate_bp: number;
  recurrence: DocumentLine['recurrence'];
  document_id: string;
};

/**
 * The rows a campaign writes per client, computed before any timing from the seeded portfolio: a
 * replacement_letter draft (newDraft, as the use cases build it) whose lines are the consolidated
 * recurring scope (the letter's lines plus its signed amendments' added lines), each revalued by the
 * coefficient; the letter it replaces; one `document.created` event.
 */
export const prepareBaselineRows = async (
  raw: RawSql,
  input: {
    firmId: string;
    userId: string;
    campaignId: string;
    coefficient: string;
    effectiveDate: string;
    validUntil: string;
  },
): Promise<BaselineRows> => {
  const { rows } = await raw.query(
    `select d.engagement_id, coalesce(d.amends_letter_id, d.id) as letter_id, d.kind, d.id as document_id,
       l.operation, l.id, l.service_id, l.label, l.unit_label, l.quantity, l.unit_price_cents,
       l.vat_rate_bp, l.recurrence
     from documents d
     join document_lines l on l.firm_id = d.firm_id and l.document_id = d.id
     join engagements e on e.firm_id = d.firm_id and e.id = d.engagement_id and e.state = 'client'
     where d.firm_id = $1 and d.status = 'signed' and d.kind in ('engagement_letter', 'amendment')
     order by d.engagement_id, d.kind = 'amendment', d.effective_date, d.created_at, l.position`,
    [input.firmId],
  );
  const terms = await raw.query(
    `select id from terms_versions where firm_id = $1 and effective_from <= $2
     order by version desc limit 1`,
    [input.firmId, input.effectiveDate],
  );
  const termsVersionId = (terms.rows[0]?.id as string | undefined) ?? null;
  const byEngagement = new Map<string, SourceLine[]>();
  for (const line of rows as SourceLine[]) {
    if (line.operation !== 'line' && line.operation !== 'add')
      throw new Error(`the baseline folds only added lines; found a '${line.operation}' line`);
    const list = byEngagement.get(line.engagement_id) ?? [];
    list.push(line);
    byEngagement.set(line.engagement_id, list);
  }
  const at = new Date();
  const docs: Row[] = [];
  const lines: Row[] = [];
  const replacements: Row[] = [];
  const history: Row[] = [];
  for (const [engagementId, source] of byEngagement) {
    const id = randomUUID();
    const scope = source.filter((line) => line.recurrence !== 'one_off');
    const docLines: DocumentLine[] = scope.map((line, position) => ({
      id: randomUUID(),
      position,
      operation: 'line',
      targetLineId: null,
      originLineId: line.id,
      changedFields: null,
      serviceId: line.service_id,
      label: line.label,
      description: null,
      unitLabel: line.unit_label,
      quantity: line.quantity,
      unitPriceCents: revaluePrice(Number(line.unit_price_cents), input.coefficient, 'cent'),
      vatRateBp: line.vat_rate_bp,
      recurrence: line.recurrence,
    }));
    const letterIds = [...new Set(source.map((line) => line.letter_id))];
    const amendmentIds = [
      ...new Set(source.filter((l) => l.kind === 'amendment').map((l) => l.document_id)),
    ].sort();
    const {
      lines: _lines,
      replacesIds,
      ...draft
    } = newDraft({
      at,
      id,
      engagementId,
      kind: 'replacement_letter',
      createdBy: input.userId,
      coefficient: input.coefficient,
      replacesIds: letterIds,
      basedOnAmendmentIds: amendmentIds,
      campaignId: input.campaignId,
      lines: docLines,
      terms: {
        title: DOCUMENT_TITLES.replacement_letter,
        validUntil: input.validUntil,
        effectiveDate: input.effectiveDate,
        durationMonths: 12,
        renewal: 'tacit',
        noticeMonths: 3,
        billingPeriod: 'monthly',
        paymentTerms: DEFAULT_PAYMENT_TERMS,
        revisionClause: null,
        notes: null,
        termsVersionId,
      },
    });
    docs.push({ ...draft, firmId: input.firmId, updatedAt: at });
    for (const line of docLines) lines.push({ ...line, firmId: input.firmId, documentId: id });
    for (const replacedId of replacesIds)
      replacements.push({ firmId: input.firmId, replacementId: id, replacedId });
    history.push({
      firmId: input.firmId,
      engagementId,
      documentId: id,
      actorUserId: input.userId,
      type: 'document.created',
      before: null,
      after: { kind: 'replacement_letter', status: 'draft' },
      data: { campaignId: input.campaignId },
      at,
    });
  }
  return {
    tables: [
      { table: documents, rows: docs },
      { table: documentLines, rows: lines },
      { table: documentReplacements, rows: replacements },
      { table: events, rows: history },
    ],
    documentIds: docs.map((doc) => doc.id as string),
    lineCount: lines.length,
  };
};

/** Every value travels as text (or null); PostgreSQL casts it to its column's type. */
const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const columnsOf = (rows: TableRows) => {
  const first = rows.rows[0] ?? {};
  return Object.entries(getTableColumns(rows.table)).filter(([key]) => key in first);
};

const tableName = (rows: TableRows) => getTableName(rows.table);

/** PostgreSQL takes at most 65 535 parameters a statement. */
const PARAMETERS = 60_000;

/** Multi-row INSERT … VALUES ($1, $2, …), (…): as many rows a statement as the parameters allow. */
const insertValues = async (raw: RawSql, rows: TableRows) => {
  const columns = columnsOf(rows);
  const names = columns.map(([, column]) => `"${column.name}"`).join(', ');
  const perStatement = Math.floor(PARAMETERS / columns.length);
  for (let from = 0; from < rows.rows.length; from += perStatement) {
    const batch = rows.rows.slice(from, from + perStatement);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const start = values.length;
      for (const [key] of columns) values.push(asText(row[key]));
      return `(${columns.map((_, n) => `$${start + n + 1}`).join(', ')})`;
    });
    await raw.query(`insert into "${tableName(rows)}" (${names}) values ${tuples.join(', ')}`, values);
  }
};

/** INSERT … SELECT FROM unnest($1::text[], …): one array a column, every row in one statement. */
const insertUnnest = async (raw: RawSql, rows: TableRows) => {
  const columns = columnsOf(rows);
  const names = columns.map(([, column]) => `"${column.name}"`).join(', ');
  const casts = columns.map(([, column], n) => `c${n}::${column.getSQLType()}`).join(', ');
  const arrays = columns.map((_, n) => `$${n + 1}::text[]`).join(', ');
  const aliases = columns.map((_, n) => `c${n}`).join(', ');
  await raw.query(
    `insert into "${tableName(rows)}" (${names}) select ${casts} from unnest(${arrays}) as u(${aliases})`,
    columns.map(([key]) => rows.rows.map((row) => asText(row[key]))),
  );
};

export const INSERT_METHODS = { values: insertValues, unnest: insertUnnest } as const;
export type InsertMethod = keyof typeof INSERT_METHODS;

/**
 * The baseline: the same rows in plain SQL, one transaction, committed; timed from BEGIN to COMMIT.
 * Then removed (untimed) with foreign-key triggers off, as checking every key pointing at documents
 * row by row would take minutes, and vacuumed, so that the campaign runs on the tables as seeded.
 */
export const rawInsert = async (raw: RawSql, rows: BaselineRows, method: InsertMethod) => {
  const tables: Record<string, number> = {};
  const start = performance.now();
  await raw.query('begin');
  try {
    for (const table of rows.tables) {
      const begun = performance.now();
      await INSERT_METHODS[method](raw, table);
      tables[tableName(table)] = performance.now() - begun;
    }
    await raw.query('commit');
  } catch (error) {
    await raw.query('rollback');
    throw error;
  }
  const ms = performance.now() - start;
  await raw.query('begin');
  await raw.query('set local session_replication_role = replica');
  await raw.query('delete from events where document_id = any($1::uuid[])', [rows.documentIds]);
  await raw.query('delete from document_replacements where replacement_id = any($1::uuid[])', [
    rows.documentIds,
  ]);
  await raw.query('delete from document_lines where document_id = any($1::uuid[])', [rows.documentIds]);
  await raw.query('delete from documents where id = any($1::uuid[])', [rows.documentIds]);
  await raw.query('commit');
  await raw.query('vacuum analyze documents, document_lines, document_replacements, events');
  return { ms, tables };
};
