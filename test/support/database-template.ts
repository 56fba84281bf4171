import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrationsFolder } from '../../src/adapters/db/database.ts';
import { pgliteExtensions } from '../../src/adapters/db/pglite-extensions.ts';
import { adminQuery, databaseUrl } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dumped data directory, migrated and empty. PostgreSQL: a migrated database's name. */
    databaseTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; name: string };
  }
}

/**
 * Migrates an empty database once per run, before any worker starts: PGlite's start is mostly its
 * initdb (3 to 5 s here), and a suite then loads the dump in about a second; PostgreSQL copies a
 * template database in a fraction of that.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const client = await PGlite.create({ extensions: pgliteExtensions });
    await migratePglite(drizzlePglite(client) as never, { migrationsFolder });
    const dump = await client.dumpDataDir('none');
    await client.close();
    const folder = mkdtempSync(join(tmpdir(), 'lettrine-template-'));
    const file = join(folder, 'pglite.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('databaseTemplate', { kind: 'pglite', file });
    return () => rmSync(folder, { recursive: true, force: true });
  }
  const name = `lettrine_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const pool = new pg.Pool({ connectionString: databaseUrl(url, name), max: 1 });
  await migratePg(drizzlePg(pool) as never, { migrationsFolder });
  await pool.end();
  project.provide('databaseTemplate', { kind: 'postgres', name });
  return async () => {
    // The suites' databases are named after the template; a worker's shared one is never closed.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${name}%`],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    } finally {
      await admin.end();
    }
  };
}
