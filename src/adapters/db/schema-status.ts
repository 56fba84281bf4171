import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, migrationsFolder } from './database.ts';

/** The migrations this version of Lettrine ships, as drizzle-kit's journal lists them. */
let shipped: number | undefined;
/** Read once per process: the journal is part of the installed version, it does not change under it. */
const shippedMigrations = (): number => {
  shipped ??= countJournal();
  return shipped;
};
const countJournal = (): number =>
  (
    JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;

export type SchemaStatus = { applied: number; expected: number };

/**
 * How many of the shipped migrations the database has: fewer means another server has not
 * finished migrating it, or this server is newer than the schema; more, that it is older.
 */
export const schemaStatus = async (database: Database): Promise<SchemaStatus> => {
  const { rows } = await database.executeSql(
    'select count(*)::int as applied from drizzle.__drizzle_migrations',
    [],
  );
  return { applied: Number(rows[0]?.applied ?? 0), expected: shippedMigrations() };
};
