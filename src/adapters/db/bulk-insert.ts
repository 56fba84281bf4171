import { getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { yieldToOthers } from '../../application/yield-to-others.ts';
import type { Db } from './database.ts';

/** Every value travels as text (or null) and is cast back to its column's type by PostgreSQL. */
const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * Rows per statement: the text of 2 000 rows is built in about 10 ms; 10 000 at once (a campaign's
 * items) held the event loop 150 ms (issue 19), with every request waiting meanwhile.
 */
export const INSERT_BATCH = 2_000;

/**
 * INSERT … SELECT FROM unnest(…) per table: one text[] parameter per column whatever the number of
 * rows, so neither the 65 535-parameter limit nor the cost of building a huge statement applies;
 * `INSERT_BATCH` rows a statement, with the event loop's other work served between two.
 */
export const insertAll = async (db: Db, table: PgTable, rows: Record<string, unknown>[]) => {
  const first = rows[0];
  if (!first) return;
  // The columns of the first row, for every batch alike.
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  for (let from = 0; from < rows.length; from += INSERT_BATCH) {
    if (from > 0) await yieldToOthers();
    await insertBatch(db, table, columns, rows.slice(from, from + INSERT_BATCH));
  }
};

const insertBatch = async (
  db: Db,
  table: PgTable,
  columns: [string, PgColumn][],
  rows: Record<string, unknown>[],
) => {
  const names = columns.map(([, column]) => sql.identifier(column.name));
  const arrays = columns.map(([key]) => sql`${sql.param(rows.map((row) => asText(row[key])))}::text[]`);
  const values = columns.map(
    ([, column], n) => sql`${sql.identifier(`c${n}`)}::${sql.raw(column.getSQLType())}`,
  );
  const aliases = columns.map((_, n) => sql.identifier(`c${n}`));
  await db.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)})`,
  );
};
