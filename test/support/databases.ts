import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/adapters/db/database.ts';

/** PGlite (in memory) by default; the PostgreSQL server of DATABASE_URL when it is set. */
export const databaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export const databaseUrl = (url: string, name: string) => {
  const named = new URL(url);
  named.pathname = `/${name}`;
  return named.toString();
};

export const adminQuery = async (url: string, sql: string) => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

/**
 * A database of its own, migrated from scratch, dropped when closed: for the benches, which run
 * outside Vitest and so without its template (test/support/test-database.ts).
 */
export const openMigratedDatabase = async (): Promise<Database> => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    await database.migrate();
    return database;
  }
  const name = `lettrine_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const database = await openPostgres(databaseUrl(url, name), { max: 20, onIdleClientError: () => {} });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
};
