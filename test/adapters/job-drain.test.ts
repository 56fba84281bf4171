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
