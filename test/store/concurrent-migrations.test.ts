import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/adapters/db/database.ts';
import { type JobQueueOptions, startJobQueue } from '../../src/adapters/jobs/job-queue.ts';
import { adminQuery, databaseKind, databaseUrl } from '../support/databases.ts';

const noJob = { handler: async () => {}, retryLimit: 0, retryDelaySeconds: 1 };
const QUEUES: JobQueueOptions['queues'] = {
  'mail.deliver': noJob,
  'document.seal': noJob,
  'webhook.dispatch': noJob,
  'webhook.deliver': noJob,
  'campaign.generate': noJob,
  'campaign.send': noJob,
  'campaign.follow': noJob,
  'vigilance.screen': noJob,
};

/**
 * Two Lettrine servers started at once on a new database both do its schema work at start: the
 * second one used to exit on PostgreSQL, on a duplicate key creating the migrations table, then
 * on a deadlock creating the job queues.
 */
describe(`two servers starting at once (${databaseKind})`, () => {
  it('both migrate one empty database and start their job queues; each migration is applied once', async () => {
    const url = process.env.DATABASE_URL;
    const name = `lettrine_migrate_${randomBytes(4).toString('hex')}`;
    let servers: Database[];
    if (url) {
      await adminQuery(url, `create database ${name}`);
      servers = [await openPostgres(databaseUrl(url, name)), await openPostgres(databaseUrl(url, name))];
    } else {
      // PGlite is one process per data folder: the two starts share it, as two calls would.
      const database = await openPglite();
      servers = [database, database];
    }
    try {
      await Promise.all(servers.map((server) => server.migrate()));
      const queues = await Promise.all(
        servers.map((server) => startJobQueue(server, { queues: QUEUES, pollingIntervalSeconds: 1 })),
      );
      await Promise.all(queues.map((queue) => queue.stop()));
      const [first] = servers as [Database];
      const applied = await first.executeSql('select hash from drizzle.__drizzle_migrations');
      const hashes = applied.rows.map((row) => row.hash);
      expect(hashes.length).toBeGreaterThan(0);
      expect(new Set(hashes).size).toBe(hashes.length);
      expect((await first.executeSql('select count(*)::int as firms from firms')).rows).toEqual([
        { firms: 0 },
      ]);
    } finally {
      await Promise.all([...new Set(servers)].map((server) => server.close()));
      if (url) await adminQuery(url, `drop database if exists ${name} with (force)`);
    }
  });
});
