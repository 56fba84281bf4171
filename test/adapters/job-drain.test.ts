import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/adapters/db/database.ts';
import { type JobQueue, startJobQueue } from '../../src/adapters/jobs/job-queue.ts';
import { JOB_NAMES, type JobName } from '../../src/application/ports/index.ts';

const queueJob = (database: Database, name: JobName, data: object) =>
  database.executeSql(
    'INSERT INTO job_outbox (id, name, data, created_at) VALUES ($1, $2, $3::jsonb, now())',
    [randomUUID(), name, JSON.stringify(data)],
  );

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CI once saw drain() return while a job queued by another job had still to run (a webhook's
 * delivery, queued by its dispatch): the outbox and pg-boss were read in two statements, and a
 * relay between them moved the job out of the outbox before the second looked. Here the database
 * the queue sees holds drain()'s count of pg-boss jobs until the first job has queued the second,
 * and lets the relay run right after it: the interleaving CI met by chance, every time.
 */
describe('drain waits for the jobs that jobs queue', () => {
  let database: Database;
  let queue: JobQueue;
  const delivered = new Set<string>();

  beforeAll(async () => {
    database = await openPglite();
    await database.migrate();
    const real = database;
    const seenByQueue: Database = {
      db: real.db,
      kind: real.kind,
      migrate: () => real.migrate(),
      oneServerAtATime: (work) => real.oneServerAtATime(work),
      holdLock: (classId, key) => real.holdLock(classId, key),
      close: () => real.close(),
      async executeSql(text, values) {
        const drainCount = text.includes('FROM pgboss.job') && text.includes('AS busy');
        if (drainCount) await pause(300);
        const result = await real.executeSql(text, values);
        if (drainCount) {
          queue.kick();
          await pause(300);
        }
        return result;
      },
    };
    const idle = { handler: async () => {}, retryLimit: 0, retryDelaySeconds: 1 };
    const queues = Object.fromEntries(JOB_NAMES.map((name) => [name, idle])) as Record<JobName, typeof idle>;
    queue = await startJobQueue(seenByQueue, {
      // No relay but the ones drain() and the test start.
      pollingIntervalSeconds: 60,
      onError: (error) => {
        throw error;
      },
      queues: {
        ...queues,
        'document.seal': {
          ...idle,
          // Like a dispatch queueing its delivery: the next job goes through the outbox.
          handler: async ({ firmId, documentId }) => {
            await queueJob(database, 'mail.deliver', { firmId, mailId: documentId });
          },
        },
        'mail.deliver': {
          ...idle,
          handler: async ({ mailId }) => {
            await pause(1_000);
            delivered.add(mailId);
          },
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await queue?.stop();
    await database?.close();
  });

  it('never returns before the second job of a chain has run', async () => {
    const documentId = randomUUID();
    await queueJob(database, 'document.seal', { firmId: randomUUID(), documentId });
    await queue.drain({ timeoutMs: 20_000 });
    expect(delivered.has(documentId)).toBe(true);
  }, 60_000);
});

/**
 * CI once reported an unhandled rejection (« Cannot use a pool after calling end on the pool ») from
 * pg-boss's `fail`: pg-boss marks a job failed without awaiting it, so a job failing as the queue
 * stopped wrote after stop() had returned and the database was closed. stop() now waits for it.
 */
describe('stop waits for the end of a job that fails as the queue stops', () => {
  it('records the failure before stop() returns, so the database can close at once', async () => {
    const database = await openPglite();
    await database.migrate();
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    // pg-boss's own statement that marks the job failed is held a little, as a busy database would.
    let failing = false;
    const seenByQueue: Database = {
      db: database.db,
      kind: database.kind,
      migrate: () => database.migrate(),
      oneServerAtATime: (work) => database.oneServerAtATime(work),
      holdLock: (classId, key) => database.holdLock(classId, key),
      close: () => database.close(),
      async executeSql(text, values) {
        if (failing && text.includes('UNNEST($2::uuid[])')) {
          failing = false;
          await pause(300);
        }
        return database.executeSql(text, values);
      },
    };
    const idle = { handler: async () => {}, retryLimit: 0, retryDelaySeconds: 1 };
    const queues = Object.fromEntries(JOB_NAMES.map((name) => [name, idle])) as Record<JobName, typeof idle>;
    const queue = await startJobQueue(seenByQueue, {
      pollingIntervalSeconds: 0.5,
      onError: () => {},
      queues: {
        ...queues,
        'document.seal': {
          ...idle,
          handler: async () => {
            started();
            await pause(300);
            failing = true;
            throw new Error('FIRM.LOGO_UNREADABLE');
          },
        },
      },
    });
    const id = randomUUID();
    await database.executeSql(
      'INSERT INTO job_outbox (id, name, data, created_at) VALUES ($1, $2, $3::jsonb, now())',
      [id, 'document.seal', JSON.stringify({ firmId: randomUUID(), documentId: randomUUID() })],
    );
    queue.kick();
    await running;
    await queue.stop();
    const { rows } = await database.executeSql('SELECT state FROM pgboss.job WHERE id = $1', [id]);
    await database.close();
    expect(rows[0]?.state).toBe('failed');
  }, 60_000);
});
