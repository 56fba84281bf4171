import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../src/adapters/db/database.ts';
import { type JobQueue, startJobQueue } from '../../src/adapters/jobs/job-queue.ts';
import type { JobName } from '../../src/application/ports/index.ts';
import { idleQueues, interceptedDatabase } from '../support/job-queues.ts';

const queueJob = async (database: Database, name: JobName, data: object) => {
  const id = randomUUID();
  await database.executeSql(
    'INSERT INTO job_outbox (id, name, data, created_at) VALUES ($1, $2, $3::jsonb, now())',
    [id, name, JSON.stringify(data)],
  );
  return id;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Every queue idle but the seal's, which runs the handler given. */
const sealingWith = (handler: () => Promise<void>) => {
  const queues = idleQueues();
  return { ...queues, 'document.seal': { ...queues['document.seal'], handler } };
};
const stateOf = async (database: Database, id: string) =>
  (await database.executeSql('SELECT state FROM pgboss.job WHERE id = $1', [id])).rows[0]?.state;

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
    const seenByQueue = interceptedDatabase(database, async (text, run) => {
      if (!(text.includes('FROM pgboss.job') && text.includes('AS busy'))) return run();
      await pause(300);
      const result = await run();
      queue.kick();
      await pause(300);
      return result;
    });
    const queues = idleQueues();
    queue = await startJobQueue(seenByQueue, {
      // No relay but the ones drain() and the test start.
      pollingIntervalSeconds: 60,
      onError: (error) => {
        throw error;
      },
      queues: {
        ...queues,
        'document.seal': {
          ...queues['document.seal'],
          // Like a dispatch queueing its delivery: the next job goes through the outbox.
          handler: async ({ firmId, documentId }) => {
            await queueJob(database, 'mail.deliver', { firmId, mailId: documentId });
          },
        },
        'mail.deliver': {
          ...queues['mail.deliver'],
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
 * CI reported unhandled rejections (« Cannot use a pool after calling end on the pool ») from
 * pg-boss's `fail` at a test's end: pg-boss marks a job done or failed without awaiting it, and its
 * stop() returns while a worker's fetch is still in flight, so a job could be marked, or even run,
 * after the queue had said it stopped and the database was closed. stop() now waits for both.
 */
describe('stop waits until no job of this queue touches the database', () => {
  const stoppedQueue = async (hold: (text: string) => number) => {
    const database = await openPglite();
    await database.migrate();
    const seenByQueue = interceptedDatabase(database, async (text, run) => {
      await pause(hold(text));
      return run();
    });
    return { database, seenByQueue };
  };

  it('records a failure pg-boss writes unawaited before stop() returns', async () => {
    // pg-boss's statement that marks the job failed is held a little, as a busy database would.
    let failing = false;
    const { database, seenByQueue } = await stoppedQueue((text) => {
      if (!(failing && text.includes('UNNEST($2::uuid[])'))) return 0;
      failing = false;
      return 300;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const queue = await startJobQueue(seenByQueue, {
      pollingIntervalSeconds: 0.5,
      onError: () => {},
      queues: sealingWith(async () => {
        started();
        await pause(300);
        failing = true;
        throw new Error('FIRM.LOGO_UNREADABLE');
      }),
    });
    const id = await queueJob(database, 'document.seal', { firmId: randomUUID(), documentId: randomUUID() });
    queue.kick();
    await running;
    await queue.stop();
    const state = await stateOf(database, id);
    await database.close();
    expect(state).toBe('failed');
  }, 60_000);

  it('runs to its end, before stop() returns, a job whose fetch was in flight when it was called', async () => {
    // pg-boss's fetch of the next seal job is held: stop() is called while it is under way.
    let fetching: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      fetching = resolve;
    });
    let armed = false;
    const { database, seenByQueue } = await stoppedQueue((text) => {
      if (!(armed && text.includes('WITH next as') && text.includes('SKIP LOCKED'))) return 0;
      armed = false;
      fetching();
      return 500;
    });
    let ran = false;
    const queue = await startJobQueue(seenByQueue, {
      pollingIntervalSeconds: 60,
      onError: () => {},
      queues: sealingWith(async () => {
        await pause(200);
        ran = true;
      }),
    });
    const id = await queueJob(database, 'document.seal', { firmId: randomUUID(), documentId: randomUUID() });
    armed = true;
    queue.kick();
    await inFlight;
    await queue.stop();
    const state = await stateOf(database, id);
    await database.close();
    expect({ ran, state }).toEqual({ ran: true, state: 'completed' });
  }, 60_000);
});
