import { randomInt } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';

/** The advisory lock class of Lettrine's servers: (SERVERS, key) is held by the server `key` while it lives. */
const SERVERS = 1_281_590_131;
const SWEEP_SECONDS = 5;

/**
 * The active jobs of servers that are gone. pg-boss 10 knows no owner of a job: one taken by a
 * server killed (or cut off) stays active until its expiry, five minutes for a mail, an hour for a
 * campaign. Each server holds a lock while it lives and writes its key into each job it starts
 * (pg-boss's `output`, replaced by the job's result or error when it ends); a job whose server no
 * longer holds its lock is dated back past its expiry, and pg-boss's own expiry fails it at once:
 * it is retried, with its retry delay, by whichever server takes it.
 */
const DATE_BACK_ORPHANS = `
  UPDATE pgboss.job j
     SET started_on = now() - j.expire_in - interval '1 second'
   WHERE j.name = ANY($1) AND j.state = 'active' AND j.output ? 'lettrineServer'
     AND NOT EXISTS (
       SELECT 1 FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid = $2::bigint::oid AND l.objid::text = j.output->>'lettrineServer')
  RETURNING j.name`;

/** The job's previous error, if any, is kept beside the key until its next result replaces both. */
const CLAIM = `
  UPDATE pgboss.job
     SET output = CASE WHEN jsonb_typeof(output) = 'object' THEN output ELSE '{}'::jsonb END
                  || jsonb_build_object('lettrineServer', $3::text)
   WHERE name = $1 AND id = $2 AND state = 'active'`;

export type ServerLiveness = {
  /** Marks a job this server has just started as its own. */
  claim(name: string, jobId: string): Promise<void>;
  stop(): Promise<void>;
};

export const startServerLiveness = async (
  database: Database,
  options: {
    boss: PgBoss;
    names: readonly string[];
    /** The queues whose jobs went back to waiting: their workers look again now. */
    onOrphansRetried: (names: string[]) => void;
    onError: (error: unknown) => void;
  },
): Promise<ServerLiveness> => {
  let key = 0;
  let held: { release(): Promise<void> } | false = false;
  while (!held) {
    key = randomInt(1, 2 ** 31 - 1);
    held = await database.holdLock(SERVERS, key);
  }
  const lock = held;
  const sweep = async () => {
    const { rows } = await database.executeSql(DATE_BACK_ORPHANS, [options.names, SERVERS]);
    if (rows.length === 0) return;
    await options.boss.expire();
    options.onOrphansRetried([...new Set(rows.map((row) => String(row.name)))]);
  };
  let sweeping: Promise<void> = Promise.resolve();
  const sweepNow = () => {
    sweeping = sweep().catch(options.onError);
  };
  // A server restarted after a crash frees its predecessor's jobs at once.
  sweepNow();
  await sweeping;
  const timer = setInterval(sweepNow, SWEEP_SECONDS * 1000);
  timer.unref();
  return {
    async claim(name, jobId) {
      await database.executeSql(CLAIM, [name, jobId, String(key)]);
    },
    async stop() {
      clearInterval(timer);
      await sweeping;
      await lock.release();
    },
  };
};
