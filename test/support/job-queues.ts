import type { Database } from '../../src/adapters/db/database.ts';
import { JOB_NAMES, type JobName } from '../../src/application/ports/index.ts';

const idle = { handler: async () => {}, retryLimit: 0, retryDelaySeconds: 1 };

/** Every queue the use cases know, each with a handler that does nothing: a test overrides its own. */
export const idleQueues = () =>
  Object.fromEntries(JOB_NAMES.map((name) => [name, idle])) as Record<JobName, typeof idle>;

type Result = Awaited<ReturnType<Database['executeSql']>>;

/**
 * The database as a job queue under test sees it: each raw statement (pg-boss's and the queue's)
 * passes through `around`, which may hold it to force an interleaving met by chance elsewhere.
 */
export const interceptedDatabase = (
  database: Database,
  around: (text: string, run: () => Promise<Result>) => Promise<Result>,
): Database => ({
  db: database.db,
  kind: database.kind,
  migrate: () => database.migrate(),
  oneServerAtATime: (work) => database.oneServerAtATime(work),
  holdLock: (classId, key) => database.holdLock(classId, key),
  close: () => database.close(),
  executeSql: (text, values) => around(text, () => database.executeSql(text, values)),
});
