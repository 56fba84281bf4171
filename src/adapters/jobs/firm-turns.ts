import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';

/** A job taken in its firm's turn, with what a runner reads (the columns pg-boss's own fetch names). */
export type TakenJob = {
  id: string;
  name: string;
  data: unknown;
  retryCount: number;
  retryLimit: number;
  expireInSeconds: number;
};

/**
 * The next job of a queue whose firm has none running: of those firms, the one served longest ago
 * (or never) goes first, and within a firm the oldest job. So a firm with a long backlog on a slow
 * receiver holds one worker at a time, and every other firm is served between two of its jobs.
 * The firm is the job's singleton key (its payload's firmId for a job queued before the key).
 * The queue's `singleton` policy puts a unique index on (queue, key) over active jobs: two servers
 * that pick two jobs of one firm at the same instant cannot both start them (23505 for the second).
 */
const TAKE_NEXT_TURN = `
  WITH firms AS (
    SELECT COALESCE(singleton_key, data->>'firmId', id::text) AS firm,
           max(started_on) AS last_turn,
           bool_or(state = 'active') AS busy
      FROM pgboss.job
     WHERE name = $1
     GROUP BY 1
  ), next AS (
    SELECT j.id
      FROM pgboss.job j
      JOIN firms f ON f.firm = COALESCE(j.singleton_key, j.data->>'firmId', j.id::text)
     WHERE j.name = $1 AND j.state < 'active' AND j.start_after < now() AND NOT f.busy
     ORDER BY f.last_turn NULLS FIRST, j.created_on, j.id
     LIMIT 1
       FOR UPDATE OF j SKIP LOCKED
  )
  UPDATE pgboss.job j
     SET state = 'active',
         started_on = now(),
         retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
    FROM next
   WHERE j.name = $1 AND j.id = next.id
  RETURNING j.id, j.name, j.data, j.retry_count AS "retryCount", j.retry_limit AS "retryLimit",
            EXTRACT(epoch FROM j.expire_in)::float8 AS "expireInSeconds"`;

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string } | undefined)?.code === '23505' || /duplicate key/.test(String(error));

/** The next job in turn; 'contended' when another server started a job of that firm meanwhile. */
const takeNextTurn = async (
  database: Database,
  name: string,
): Promise<TakenJob | 'contended' | undefined> => {
  try {
    const { rows } = await database.executeSql(TAKE_NEXT_TURN, [name]);
    const row = rows[0];
    return row ? { ...(row as TakenJob), expireInSeconds: Number(row.expireInSeconds) } : undefined;
  } catch (error) {
    if (isUniqueViolation(error)) return 'contended';
    throw error;
  }
};

const withinSeconds = async <T>(work: Promise<T>, seconds: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`handler execution exceeded ${seconds}s`)), seconds * 1000);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
};

export type FirmTurns = { wake(): void; stop(): Promise<void> };

/**
 * Workers that take a queue's jobs in firm turns (above) in place of pg-boss's oldest-first fetch,
 * then complete or fail each through pg-boss as its own workers do: retries, backoff, expiry and
 * the job's handling (`handle`, the queue's runner) are the same. pg-boss 10's own fetch cannot do
 * this: under the singleton policy it still takes the oldest job, and when that job's firm is busy
 * the unique index fails the whole fetch, so every other firm waits behind it.
 */
export const startFirmTurns = (options: {
  boss: PgBoss;
  database: Database;
  name: string;
  workers: number;
  pollingIntervalSeconds: number;
  handle: (job: TakenJob) => Promise<void>;
  onError: (error: unknown) => void;
}): FirmTurns => {
  let stopping = false;
  const sleepers = new Set<() => void>();
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const wake = () => {
    for (const done of [...sleepers]) done();
  };
  const runOne = async (job: TakenJob) => {
    try {
      await withinSeconds(options.handle(job), Math.max(1, job.expireInSeconds));
    } catch (error) {
      await options.boss.fail(options.name, job.id, error as object);
      return;
    }
    await options.boss.complete(options.name, job.id);
  };
  const loop = async () => {
    while (!stopping) {
      try {
        const job = await takeNextTurn(options.database, options.name);
        if (job === 'contended') await nap(20 + Math.random() * 50);
        else if (job) await runOne(job);
        else await nap(options.pollingIntervalSeconds * 1000);
      } catch (error) {
        options.onError(error);
        await nap(options.pollingIntervalSeconds * 1000);
      }
    }
  };
  const loops = Array.from({ length: options.workers }, () => loop());
  return {
    wake,
    async stop() {
      stopping = true;
      wake();
      await Promise.all(loops);
    },
  };
};
