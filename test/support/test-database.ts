import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/adapters/db/database.ts';
import { adminQuery, databaseUrl } from './databases.ts';

export { databaseKind } from './databases.ts';

// Every database of a suite starts from the migrated template the global setup made
// (test/support/database-template.ts).

let pgliteTemplate: Blob | undefined;

/** A database of the suite's own, migrated and empty, dropped when closed. */
export const openFreshTestDatabase = async (): Promise<Database> => {
  const template = inject('databaseTemplate');
  if (template.kind === 'pglite') {
    pgliteTemplate ??= new Blob([readFileSync(template.file)]);
    return openPglite(undefined, { loadDataDir: pgliteTemplate });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('the template was made for PostgreSQL, but DATABASE_URL is not set');
  // Named after the template, so the global teardown drops whatever a killed worker left.
  const name = `${template.name}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create database ${name} template ${template.name}`);
  const database = await openPostgres(databaseUrl(url, name), { max: 20, onIdleClientError: () => {} });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
};

const worker = globalThis as { lettrineSharedDatabase?: Promise<Database> };

/**
 * The worker's database: the integration project keeps its modules between files
 * (`isolate: false`), so its suites share one database, one after another, each in firms of its
 * own. Closing it is left to the end of the worker.
 */
export const openSharedTestDatabase = async (): Promise<Database> => {
  worker.lettrineSharedDatabase ??= openFreshTestDatabase();
  const database = await worker.lettrineSharedDatabase;
  return { ...database, close: async () => {} };
};
