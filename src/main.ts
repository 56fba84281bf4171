import { type Database, openPglite, openPostgres } from './adapters/db/database.ts';
import { createStore } from './adapters/db/store.ts';
import { createPdfRenderer } from './adapters/pdf/pdf-renderer.ts';
import { createSecrets } from './adapters/security/secrets.ts';
import { randomIds, systemClock } from './adapters/system.ts';
import type { Deps } from './application/ports.ts';
import type { Config } from './config.ts';
import { createApp } from './http/create-app.ts';

/** Composition root: config → database → store → use-case dependencies → HTTP app. */
export const openDatabase = async (config: Config): Promise<Database> => {
  const database = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL)
    : await openPglite(config.DATA_DIR);
  await database.migrate();
  return database;
};

export const buildDeps = (database: Database): Deps => ({
  store: createStore(database),
  clock: systemClock,
  ids: randomIds,
  secrets: createSecrets(),
  pdf: createPdfRenderer(),
});

export const buildApp = (deps: Deps, config: Config) =>
  createApp(deps, {
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    secureCookies: config.NODE_ENV === 'production',
  });
