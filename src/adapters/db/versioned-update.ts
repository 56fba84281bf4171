import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Versioned } from '../../application/ports/index.ts';
import type { Db } from './database.ts';

type VersionedTable = PgTable & { firmId: PgColumn; id: PgColumn; version: PgColumn };

/**
 * Optimistic concurrency: the row changes only if it still has the version the caller read; the
 * version is bumped in the same statement. Undefined means stale (or gone).
 */
export const updateVersioned = async <Row>(
  db: Db,
  table: VersionedTable,
  firmId: string,
  input: Versioned<object>,
  options: { touchUpdatedAt?: boolean } = {},
): Promise<Row | undefined> => {
  const fields: Record<string, unknown> = { ...input.fields, version: sql`${table.version} + 1` };
  if (options.touchUpdatedAt !== false) fields.updatedAt = input.at;
  const rows = await db
    .update(table)
    .set(fields as never)
    .where(and(eq(table.firmId, firmId), eq(table.id, input.id), eq(table.version, input.expectedVersion)))
    .returning();
  return rows[0] as Row | undefined;
};
