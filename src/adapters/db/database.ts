import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { pgliteExtensions } from './pglite-extensions.ts';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Applies the committed migrations; safe to run at every start, by several servers at once. */
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other Lettrine server on this database runs its own: the schema work of a
   * start (migrations, the job queues) that two servers started at once would otherwise race on.
   */
  oneServerAtATime<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Raw SQL for pg-boss, which brings its own schema and queries: with values, one parameterised
   * statement; without, a script of several statements.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Takes the session advisory lock (classId, key) if free, and holds it until `release` or the end
   * of the process: PostgreSQL drops it with its connection, so the other servers see in pg_locks,
   * at once, that this one is gone. false when another session holds it.
   */
  holdLock(classId: number, key: number): Promise<{ release(): Promise<void> } | false>;
  close(): Promise<void>;
};

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DataFolderLockedError extends Error {
  constructor(folder: string, pid: number) {
    super(
      `Le dossier de données ${folder} est déjà utilisé par le processus ${pid} : arrêtez cette instance de Lettrine, ` +
        'ou choisissez un autre dossier avec DATA_DIR.',
    );
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process per folder: a second process would corrupt it or silently lose writes.
 * The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
export const lockDataFolder = (folder: string): (() => void) => {
  const lockPath = join(folder, 'lettrine.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) throw new DataFolderLockedError(folder, owner);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`cannot lock ${folder}`);
};

/**
 * An embedded PostgreSQL: in memory when folder is undefined (tests), else in that folder.
 * `loadDataDir` starts it from a dumped data directory (the tests' migrated template), which skips
 * the initdb that makes up most of PGlite's start.
 */
export const openPglite = async (
  folder?: string,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> => {
  let unlock = () => {};
  if (folder) {
    const absolute = resolve(folder);
    mkdirSync(absolute, { recursive: true });
    unlock = lockDataFolder(absolute);
  }
  try {
    const client = await PGlite.create({
      extensions: pgliteExtensions,
      ...(folder ? { dataDir: resolve(folder, 'pglite') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    // PGlite is one process per folder: its turns are the calls of this process, one after another.
    let turns: Promise<unknown> = Promise.resolve();
    const oneServerAtATime: Database['oneServerAtATime'] = (work) => {
      const run = turns.then(work);
      turns = run.catch(() => {});
      return run;
    };
    return {
      db,
      kind: 'pglite',
      oneServerAtATime,
      migrate: () => oneServerAtATime(() => migratePglite(db as never, { migrationsFolder })),
      executeSql: async (text, values) => {
        if (values && values.length > 0) return client.query<Record<string, unknown>>(text, values);
        try {
          const results = await client.exec(text);
          return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
        } catch (error) {
          // A script that fails after its BEGIN would leave PGlite's one connection inside an
          // aborted transaction, and every later query would fail with it.
          await client.exec('ROLLBACK').catch(() => {});
          throw error;
        }
      },
      // One process, one connection: the lock lives as long as PGlite is open here.
      holdLock: async (classId, key) => {
        const { rows } = await client.query<{ taken: boolean }>(
          'select pg_try_advisory_lock($1, $2) as taken',
          [classId, key],
        );
        if (!rows[0]?.taken) return false;
        return {
          release: async () => {
            await client.query('select pg_advisory_unlock($1, $2)', [classId, key]);
          },
        };
      },
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
};

/** The advisory lock under which Lettrine's servers do their start-up schema work one at a time. */
const START_LOCK = 7_406_211_969;

export const openPostgres = async (
  url: string,
  options: { max?: number; onIdleClientError?: (error: Error) => void } = {},
): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection the server closes (restart, failover, terminate) must not crash the
  // process: the pool drops it and the next query opens a new one.
  pool.on(
    'error',
    options.onIdleClientError ??
      ((error) => console.error(`PostgreSQL : connexion inactive perdue (${error.message})`)),
  );
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  // Servers started at once each created the migrations table and the job queues (the second
  // failed on a duplicate key or a deadlock and exited): they take turns under a session advisory
  // lock held on a connection of its own, and the next one finds nothing left to create.
  const oneServerAtATime: Database['oneServerAtATime'] = async (work) => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [START_LOCK]);
      try {
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [START_LOCK]);
      }
    } finally {
      client.release();
    }
  };
  return {
    db,
    kind: 'postgres',
    oneServerAtATime,
    migrate: () => oneServerAtATime(() => migratePg(db as never, { migrationsFolder })),
    executeSql: (text, values) => pool.query(text, values),
    holdLock: (classId, key) => holdSessionLock(url, classId, key, options.onIdleClientError),
    close: () => pool.end(),
  };
};

/**
 * A connection of its own, outside the pool, so that the lock lives exactly as long as this process
 * (or until released). If the connection is lost (a restart of PostgreSQL), it is opened again and
 * the lock taken again; meanwhile the other servers take this one for gone.
 */
const holdSessionLock = async (
  url: string,
  classId: number,
  key: number,
  onError: (error: Error) => void = (error) =>
    console.error(`PostgreSQL : verrou de serveur perdu (${error.message})`),
): Promise<{ release(): Promise<void> } | false> => {
  let released = false;
  const connect = async (): Promise<pg.Client | false> => {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    await client.connect();
    const { rows } = await client.query<{ taken: boolean }>('select pg_try_advisory_lock($1, $2) as taken', [
      classId,
      key,
    ]);
    if (rows[0]?.taken) return client;
    await client.end();
    return false;
  };
  const first = await connect();
  if (!first) return false;
  let client: pg.Client = first;
  const watch = (held: pg.Client) => {
    let lost = false;
    const reconnect = async (error: Error) => {
      if (released || lost) return;
      lost = true;
      onError(error);
      void held.end().catch(() => {});
      while (!released) {
        await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
        const again = await connect().catch(() => false as const);
        if (again) {
          client = again;
          watch(again);
          return;
        }
      }
    };
    held.on('error', (error) => void reconnect(error));
    held.on('end', () => void reconnect(new Error('connexion fermée')));
  };
  watch(client);
  return {
    release: async () => {
      released = true;
      await client.end().catch(() => {});
    },
  };
};
