import { asc, inArray } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import {
  JOB_NAMES,
  type JobName,
  type JobPayloads,
  type RequestContext,
} from '../../application/ports/index.ts';
import type { Database } from '../db/database.ts';
import { jobOutbox } from '../db/schema/index.ts';
import { type FirmTurns, startFirmTurns } from './firm-turns.ts';
import { type JobLine, type JobLog, lineOf, messageOf } from './job-log.ts';
import { parseJobPayload } from './job-payloads.ts';
import { startServerLiveness } from './server-liveness.ts';

/** A job's handler; `final` is its last attempt (a failure then is recorded as final). */
export type JobHandler<Payload> = (data: Payload, attempt: { final: boolean }) => Promise<void>;

export type QueueSpec<Payload> = {
  handler: JobHandler<Payload>;
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
  /**
   * Jobs taken in firm turns (firm-turns.ts), not oldest first: a firm runs one job of this queue
   * at a time across every server, and the firm served longest ago goes next (webhook deliveries,
   * so that one firm's slow receiver does not hold every worker).
   */
  turnsPerFirm?: boolean;
};

export type JobQueueOptions = {
  /** One queue per job the use cases queue, its handler given that job's payload, checked. */
  queues: { [N in JobName]: QueueSpec<JobPayloads[N]> };
  /** Queues of recurring work, whose jobs carry nothing: queue name → spec. */
  recurring?: Record<string, QueueSpec<void>>;
  /** When recurring jobs are queued: queue name → cron (UTC). */
  schedules?: Record<string, string>;
  pollingIntervalSeconds?: number;
  /**
   * The queue's own failures (pg-boss, the relay); also every parked or malformed job when given.
   * By default they go to `log`, else to the console.
   */
  onError?: (error: unknown) => void;
  /**
   * Where each job's end is logged, one JSON line with its name, id, attempt, firm and request id:
   * done (info), failed with a retry to come (warn), parked or malformed (error). The app's pino
   * logger in production; nothing is logged per job without it.
   */
  log?: JobLog;
  /** Each job runs under the request id it carries (or its own id): the jobs it queues carry it on. */
  requestContext?: RequestContext;
};

export type JobQueue = {
  /** Hands the jobs written in committed transactions to pg-boss now, instead of at the next poll. */
  kick(): void;
  /** Resolves when no job is waiting or running (jobs due later excepted); for tests and benches. */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  stop(): Promise<void>;
};

const RELAY_BATCH = 200;

/** A job whose payload is not its queue's: it will never be, so it fails at once, without retries. */
export class MalformedJobError extends Error {
  override name = 'MalformedJobError';
}

/**
 * A job that failed its last attempt: pg-boss keeps it in state `failed` with this error as its
 * output (a week, then it is dropped), and it is reported once, here, instead of retried further.
 */
export class ParkedJobError extends Error {
  override name = 'ParkedJobError';
  constructor(queue: string, job: { id: string; retryCount: number }, cause: unknown) {
    super(
      `job ${queue} ${job.id} parked after ${job.retryCount + 1} attempts: ${(cause as Error)?.message ?? cause}`,
      { cause },
    );
  }
}

/** What a worker runs for one job it took: the queue's spec, the payload's check included. */
type Runner = {
  spec: Omit<QueueSpec<never>, 'handler'>;
  run(job: { id: string; data: unknown }, attempt: { final: boolean }): Promise<void>;
};

/**
 * pg-boss on the application's own database (PGlite or PostgreSQL), fed by the transactional outbox:
 * use cases write jobs into job_outbox inside their transaction; the relay sends each to pg-boss under
 * the outbox row's id (pg-boss ignores an id it already has), then deletes the row. A crash between
 * the two sends it again, and nothing runs twice.
 */
export const startJobQueue = async (database: Database, options: JobQueueOptions): Promise<JobQueue> => {
  const { log } = options;
  const onError =
    options.onError ??
    (log
      ? (error: unknown) => log.error({ err: error }, 'file de travaux')
      : (error: unknown) => console.error('file de travaux :', error));
  // A job that will not run again: a structured line, and to onError when the caller asked for it.
  const reportFinal = (error: MalformedJobError | ParkedJobError, line: JobLine) => {
    const what =
      error instanceof MalformedJobError
        ? 'tâche illisible : abandonnée sans nouvel essai'
        : 'tâche abandonnée après son dernier essai';
    log?.error({ ...line, error: messageOf(error.cause ?? error), err: error }, what);
    if (options.onError || !log) onError(error);
  };
  const inContext = <T>(requestId: string, fn: () => Promise<T>): Promise<T> =>
    options.requestContext ? options.requestContext.run(requestId, fn) : fn();
  // pg-boss's stop() returns while a worker's fetch is still in flight (a job it brings back then
  // runs after the stop), and marks a job done or failed without awaiting it (manager.js, onFetch):
  // both wrote on a database already closed (an unhandled « Cannot use a pool after calling end »).
  // Its statements and the jobs running are counted, and stop() waits until none is left.
  const bossStatements = new Set<Promise<unknown>>();
  let running = 0;
  const quiet = async (deadline: number) => {
    while (Date.now() < deadline) {
      await Promise.all([...bossStatements]);
      // A fetch that brought a job back hands it to its handler in the next turns of the loop.
      await new Promise((resolve) => setTimeout(resolve, running > 0 ? 20 : 0));
      if (bossStatements.size === 0 && running === 0) return;
    }
  };
  const boss = new PgBoss({
    db: {
      executeSql: (text: string, values?: unknown[]) => {
        const statement = database.executeSql(text, values);
        const tracked = statement.finally(() => bossStatements.delete(tracked)).catch(() => {});
        bossStatements.add(tracked);
        return statement;
      },
    },
    schema: 'pgboss',
    // Completed jobs are kept a week for inspection, then dropped.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
    monitorStateIntervalSeconds: 60,
    maintenanceIntervalSeconds: 120,
  });
  boss.on('error', onError);
  await boss.start();

  // A job read back from the queue is checked before its handler sees it. One that does not parse
  // would fail the same way at every retry (hours, for a webhook): its retry limit is lowered to
  // the attempts made, so that pg-boss's failure is final and keeps the message, then it is reported.
  const park = async (name: string, jobId: string, problem: string): Promise<never> => {
    await database.executeSql('UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2', [
      name,
      jobId,
    ]);
    throw new MalformedJobError(
      `job ${name} ${jobId} not run: malformed payload (${problem}); failed without retry`,
    );
  };
  const checked = <N extends JobName>(name: N): Runner => {
    const spec: QueueSpec<JobPayloads[N]> = options.queues[name];
    return {
      spec,
      async run(job, attempt) {
        const parsed = parseJobPayload(name, job.data);
        if (!parsed.ok) return park(name, job.id, parsed.problem);
        await spec.handler(parsed.payload, attempt);
      },
    };
  };
  const runners = new Map<string, Runner>();
  for (const name of JOB_NAMES) runners.set(name, checked(name));
  for (const [name, spec] of Object.entries(options.recurring ?? {})) {
    runners.set(name, { spec, run: (_job, attempt) => spec.handler(undefined, attempt) });
  }
  const names = [...runners.keys()];
  // Two servers creating the same queues at once deadlock inside pg-boss: one at a time.
  await database.oneServerAtATime(async () => {
    for (const [name, { spec }] of runners) {
      await boss.createQueue(name, {
        name,
        retryLimit: spec.retryLimit,
        retryDelay: spec.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: spec.expireInSeconds ?? 300,
        ...(spec.turnsPerFirm ? { policy: 'singleton' as const } : {}),
      });
      // A queue made before it took turns keeps its policy otherwise (createQueue leaves it be).
      if (spec.turnsPerFirm) await boss.updateQueue(name, { name, policy: 'singleton' });
    }
  });
  for (const [name, cron] of Object.entries(options.schedules ?? {})) await boss.schedule(name, cron, {});

  const workerIds = new Map<string, string[]>();
  const turns = new Map<string, FirmTurns>();
  const wake = (name: string) => {
    for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
    turns.get(name)?.wake();
  };
  // A job taken by a server that died is retried now, not at its expiry (server-liveness.ts).
  const liveness = await startServerLiveness(database, {
    boss,
    names,
    onError,
    onOrphansRetried: (queues) => {
      for (const name of queues) wake(name);
    },
  });
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
      const firmId = (row.data as { firmId?: unknown } | null)?.firmId;
      const turn = runners.get(row.name)?.spec.turnsPerFirm && typeof firmId === 'string';
      await boss.send(row.name, row.data as object, {
        id: row.id,
        startAfter: row.startAfter ?? undefined,
        ...(turn ? { singletonKey: firmId } : {}),
      });
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
  for (const [name, runner] of runners) {
    // One job, however it was taken (pg-boss's fetch, or a firm's turn).
    const handle = async (job: { id: string; data: unknown; retryCount: number; retryLimit: number }) => {
      const final = job.retryCount >= job.retryLimit;
      const line = lineOf(name, job);
      const startedAt = Date.now();
      running += 1;
      try {
        await liveness.claim(name, job.id);
        await inContext(line.requestId, () => runner.run(job, { final }));
        log?.info({ ...line, durationMs: Date.now() - startedAt }, 'tâche terminée');
      } catch (error) {
        if (error instanceof MalformedJobError) reportFinal(error, line);
        else if (final) reportFinal(new ParkedJobError(name, job, error), line);
        else log?.warn({ ...line, error: messageOf(error) }, 'tâche en échec : nouvel essai prévu');
        throw error;
      } finally {
        running -= 1;
      }
    };
    if (runner.spec.turnsPerFirm) {
      const workers = runner.spec.workers ?? 1;
      const options = { boss, database, name, workers, pollingIntervalSeconds, handle, onError };
      turns.set(name, startFirmTurns(options));
      continue;
    }
    for (let worker = 0; worker < (runner.spec.workers ?? 1); worker++) {
      const id = await boss.work<unknown>(
        name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
        async ([job]) => {
          if (job) await handle(job);
        },
      );
      workerIds.set(name, [...(workerIds.get(name) ?? []), id]);
    }
  }
  const timer = setInterval(() => void relay(), pollingIntervalSeconds * 1000);
  timer.unref();
  await relay();

  // One statement, so one snapshot: a job relayed from the outbox to pg-boss between two separate
  // reads was in neither, and drain() returned while it still had to run.
  const busyCount = async (): Promise<number> => {
    const { rows } = await database.executeSql(
      `SELECT (SELECT count(*) FROM pgboss.job
                WHERE name = ANY($1)
                  AND (state = 'active' OR (state IN ('created', 'retry') AND start_after <= now())))
            + (SELECT count(*) FROM job_outbox WHERE name = ANY($1)) AS busy`,
      [names],
    );
    return Number(rows[0]?.busy ?? 0);
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
      await Promise.all([...turns.values()].map((turn) => turn.stop()));
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await quiet(Date.now() + 10_000);
      // Held until the jobs have ended: then none of this server's is left to free.
      await liveness.stop();
    },
  };
};
