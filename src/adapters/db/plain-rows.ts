import { sql } from 'drizzle-orm';
import type { ScopeLineRecord } from '../../domain/documents/document.ts';

/**
 * Reads in bulk as plain rows (`db.execute`), for the hot reads where drizzle's query building and
 * per-row mapping cost as much as the rows (the client list, the billing totals, renewal's
 * portfolio: issue 19). Every value is cast in SQL to what both drivers hand back alike: dates as
 * text, bigint as float8 (cents are far below 2^53), numeric as text, timestamps as epoch
 * milliseconds (`epochMs`), jsonb as parsed by both.
 */
export type Row = Record<string, unknown>;

export const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

export const text = (value: unknown): string | null => (value === null ? null : (value as string));

export const dateOf = (ms: unknown): Date | null => (ms === null ? null : new Date(ms as number));

/** A timestamp column as epoch milliseconds, the same number on pg and PGlite. */
export const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/** The columns of a document line the scope in force needs, from `document_lines l`. */
export const SCOPE_LINE_SQL = sql.raw(`l.document_id, l.id, l.operation, l.target_line_id, l.changed_fields,
  l.quantity::text as quantity, l.unit_price_cents::float8 as unit_price_cents, l.vat_rate_bp, l.recurrence`);
/** …and its words (label, service, unit), which only a letter written from it reads. */
export const SCOPE_LINE_WORDS_SQL = sql.raw('l.service_id, l.label, l.unit_label');

/**
 * A line of SCOPE_LINE_SQL (with its words when they were read: else blank, no figure reads them);
 * its document is `row.document_id`, left out so that grouping the lines does not copy each one.
 */
export const scopeLineOf = (row: Row): ScopeLineRecord => ({
  id: row.id as string,
  operation: row.operation as ScopeLineRecord['operation'],
  targetLineId: text(row.target_line_id),
  changedFields: row.changed_fields as ScopeLineRecord['changedFields'],
  serviceId: row.service_id === undefined ? null : text(row.service_id),
  label: row.label === undefined ? '' : (row.label as string),
  unitLabel: row.unit_label === undefined ? null : text(row.unit_label),
  quantity: row.quantity as string,
  unitPriceCents: row.unit_price_cents as number,
  vatRateBp: row.vat_rate_bp as number,
  recurrence: row.recurrence as ScopeLineRecord['recurrence'],
});
