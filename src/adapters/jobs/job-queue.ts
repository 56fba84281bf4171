import { asc, inArray } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { JobData } from '../../application/ports.ts';
import type { Database } from '../db/database.ts';
import { jobOutbox } from '../db/schema/index.ts';

/** A job's handler; `final` is its last attempt (a failure then is recorded as final). */
export type JobHandler = (data: JobData, attempt: { final: boolean }) => Promise<void>;

export type QueueSpec = {
  handler: JobHandler;
  /** Attempts after the first; pg-boss waits retryDelay × 2^n (with jitter) between them. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Handlers of this queue running at once in this process. */
  workers?: number;
  /**
   * How long a job may run before the queue takes it as lost and retries it (5 minutes by default).
   * A long job (a campaign) is written so that a second run beside the first shares its work.
   */
  expireInSeconds?: number;
};

export type JobQueueOptions = {
  queues: Record<string, QueueSpec>;
  /** Recurring jobs: queue name → cron (UTC), handled like any other queue. */
  schedules?: Record<string, string>;
  pollingIntervalSeconds?: number;
  onError?: (error: unknown) => void;
};

export type JobQueue = {
  /** Hands the jobs written in committed transactions to pg-boss now, instead of at the next poll. */
  kick(): void;
  /** Resolves when no job is waiting or running (jobs due later excepted); for tests and benches. */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  stop(): Promise<void>;
};

const RELAY_BATCH = 200;

/**
 * pg-boss on the application's own database (PGlite or PostgreSQL), fed by the transactional outbox:
 * use cases write jobs into job_outbox inside their transaction; the relay sends each to pg-boss under
 * the outbox row's id (pg-boss ignores an id it already has), then deletes the row. A crash between
 * the two sends it again, and nothing runs twice.
 */
export const startJobQueue = async (database: Database, options: JobQueueOptions): Promise<JobQueue> => {
  const onError = options.onError ?? ((error: unknown) => console.error('file de travaux :', error));
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    // Completed jobs are kept a week for inspection, then dropped.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
    monitorStateIntervalSeconds: 60,
    maintenanceIntervalSeconds: 120,
  });
  boss.on('error', onError);
  await boss.start();
  const names = [...Object.keys(options.queues)];
  for (const name of names) {
    const spec = options.queues[name] as QueueSpec;
    await boss.createQueue(name, {
      name,
      retryLimit: spec.retryLimit,
      retryDelay: spec.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: spec.expireInSeconds ?? 300,
    });
  }
  for (const [name, cron] of Object.entries(options.schedules ?? {})) await boss.schedule(name, cron, {});

  const workerIds = new Map<string, string[]>();
  const wake = (name: string) => {
    for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
  };
  let relaying: Promise<void> | undefined;
  let again = false;
  // Only the queues this process knows: a job a newer version added (during a rolling update) waits
  // in the outbox for a process that can run it, and holds back nothing.
  const relayOnce = async () => {
    const rows = await database.db
      .select()
      .from(jobOutbox)
      .where(inArray(jobOutbox.name, names))
      .orderBy(asc(jobOutbox.createdAt))
      .limit(RELAY_BATCH);
    const handed: string[] = [];
    for (const row of rows) {
      await boss.send(row.name, row.data as object, { id: row.id, startAfter: row.startAfter ?? undefined });
      handed.push(row.id);
    }
    if (handed.length > 0) {
      await database.db.delete(jobOutbox).where(inArray(jobOutbox.id, handed));
      for (const name of new Set(rows.map((row) => row.name))) wake(name);
    }
    return handed.length;
  };
  const relay = (): Promise<void> => {
    if (relaying) {
      again = true;
      return relaying;
    }
    relaying = (async () => {
      try {
        do {
          again = false;
          while ((await relayOnce()) === RELAY_BATCH) {}
        } while (again);
      } catch (error) {
        onError(error);
      } finally {
        relaying = undefined;
      }
    })();
    return relaying;
  };

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const name of names) {
    const spec = options.queues[name] as QueueSpec;
    for (let worker = 0; worker < (spec.workers ?? 1); worker++) {
      const id = await boss.work<JobData>(
        name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
        async ([job]) => {
          if (!job) return;
          await spec.handler(job.data, { final: job.retryCount >= job.retryLimit });
        },
      );
      workerIds.set(name, [...(workerIds.get(name) ?? []), id]);
    }
  }
  const timer = setInterval(() => void relay(), pollingIntervalSeconds * 1000);
  timer.unref();
  await relay();

  const busyCount = async (): Promise<number> => {
    const { rows } = await database.executeSql(
      `SELECT count(*)::int AS busy FROM pgboss.job
        WHERE name = ANY($1) AND (state = 'active' OR (state IN ('created', 'retry') AND start_after <= now()))`,
      [names],
    );
    const [outbox] = await database.db
      .select({ id: jobOutbox.id })
      .from(jobOutbox)
      .where(inArray(jobOutbox.name, names))
      .limit(1);
    return Number(rows[0]?.busy ?? 0) + (outbox ? 1 : 0);
  };

  return {
    kick: () => void relay(),
    async drain({ timeoutMs = 20_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await relay();
        if ((await busyCount()) === 0) return;
        if (Date.now() > deadline) throw new Error('jobs still running after the timeout');
        for (const name of names) wake(name);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      clearInterval(timer);
      await relaying;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
};
