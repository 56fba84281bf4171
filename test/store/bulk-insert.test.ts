import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INSERT_BATCH, insertAll } from '../../src/adapters/db/bulk-insert.ts';
import type { Database } from '../../src/adapters/db/database.ts';
import { firms } from '../../src/adapters/db/schema/firms-users.ts';
import { databaseKind, openFreshTestDatabase } from '../support/test-database.ts';

/**
 * Issue 19: a campaign's 10 000 items went in one statement whose text took 150 ms to build, with
 * the event loop held meanwhile. insertAll writes INSERT_BATCH rows a statement, every row once.
 */
describe(`insertAll in batches (${databaseKind})`, () => {
  let database: Database;
  const original = pg.Client.prototype.query;
  const inserts: string[] = [];

  beforeAll(async () => {
    database = await openFreshTestDatabase();
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [config] = args;
      const text = typeof config === 'string' ? config : String((config as { text?: string })?.text);
      if (/^insert into "firms"/i.test(text)) inserts.push(text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await database.close();
  });

  it('writes every row once, at most INSERT_BATCH a statement', async () => {
    const count = 2 * INSERT_BATCH + 500;
    const rows = Array.from({ length: count }, (_, n) => ({
      id: randomUUID(),
      slug: `lot-${n}`,
      name: `Cabinet ${n}`,
      clientCodePrefix: 'LOT',
    }));
    const execute = vi.spyOn(database.db, 'execute');
    await insertAll(database.db, firms, rows);
    const statements = execute.mock.calls.length;
    execute.mockRestore();
    const { rows: found } = await database.executeSql(
      "select count(*)::int as n, count(distinct slug)::int as slugs from firms where slug like 'lot-%'",
    );
    expect(found[0]).toEqual({ n: count, slugs: count });
    expect(statements).toBe(3);
    if (databaseKind === 'postgres') expect(inserts).toHaveLength(3);
  });
});
