import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/adapters/db/database.ts';
import { createStore } from '../src/adapters/db/store.ts';
import { createMailTransport } from '../src/adapters/mail/mail-transport.ts';
import { createPdfRenderer } from '../src/adapters/pdf/pdf-renderer.ts';
import { createSecrets } from '../src/adapters/security/secrets.ts';
import { createPdfVerifier } from '../src/adapters/signing/pdf-verifier.ts';
import { createSealer } from '../src/adapters/signing/sealer.ts';
import { createWebhookSender } from '../src/adapters/webhooks/webhook-sender.ts';
import type { Actor } from '../src/application/actor.ts';
import type { Deps } from '../src/application/ports/index.ts';
import { PORTFOLIO_USERS, seedPortfolio } from '../src/cli/seed-portfolio.ts';
import { createApp } from '../src/http/create-app.ts';
import { fixedClock, TEST_PUBLIC_URL } from '../test/support/test-app.ts';

const DATABASE = 'lettrine_bench_campaign';

/** Plain SQL outside the store, for the baseline and the checks: its own connection on PostgreSQL. */
export type RawSql = {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
};

/**
 * PGlite in memory, or, with DATABASE_URL, the database lettrine_bench_campaign dropped and created
 * again on that server (with the pool size of `lettrine start`), dropped at the end unless `keep`.
 */
export const openBenchDatabase = async (keep: boolean) => {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openPglite();
    await database.migrate();
    const raw: RawSql = {
      // One connection: a BEGIN sent here holds for the queries that follow, until COMMIT.
      query: (text, values) => database.executeSql(text, values),
      close: async () => {},
    };
    return { database, raw, version: 'PGlite (en mémoire)', close: () => database.close() };
  }
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const version = await admin(async (client) => {
    await client.query(`drop database if exists ${DATABASE} with (force)`);
    await client.query(`create database ${DATABASE}`);
    return String((await client.query('show server_version')).rows[0]?.server_version);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  const database: Database = await openPostgres(url.toString(), { onIdleClientError: () => {} });
  await database.migrate();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const raw: RawSql = {
    query: (text, values) => client.query(text, values),
    close: () => client.end(),
  };
  return {
    database,
    raw,
    version: `PostgreSQL ${version}`,
    close: async () => {
      await client.end();
      await database.close();
      if (!keep) await admin((c) => c.query(`drop database if exists ${DATABASE} with (force)`));
    },
  };
};

/** The dependencies of test/support/test-app.ts: fixed clock, outbox mail, fast password hashing. */
export const benchDeps = (database: Database): Deps => ({
  store: createStore(database, { onJobsEnqueued: () => {} }),
  clock: fixedClock(),
  ids: { uuid: () => randomUUID() },
  secrets: createSecrets({ cost: 1024 }),
  pdf: createPdfRenderer(),
  mailer: createMailTransport({ from: { name: 'Lettrine', address: 'signature@lettrine.test' } }),
  sealer: createSealer(),
  pdfVerifier: createPdfVerifier(),
  webhookSender: createWebhookSender({ timeoutMs: 2_000 }),
  // As `lettrine start` (src/main.ts): two chunks of a generation in flight on PostgreSQL.
  settings: { publicUrl: TEST_PUBLIC_URL, campaignWorkers: database.kind === 'postgres' ? 2 : 1 },
});

/** The benchmark firm filled with `clients` clients; its associé as an actor. */
export const seedBenchFirm = async (deps: Deps, database: Database, clients: number) => {
  const { firmId, seconds } = await seedPortfolio(deps, {
    clients,
    database,
    log: (line) => console.log(`  ${line}`),
  });
  const [associe] = PORTFOLIO_USERS;
  const user = (await deps.store.read(firmId).users.list()).find((u) => u.email === associe.email);
  if (!user) throw new Error(`${associe.email} is missing from the seeded firm`);
  const actor: Actor = { firmId, userId: user.id, role: user.role, name: user.name };
  return { firmId, actor, seconds };
};

/** The real app on 127.0.0.1 (random port), and the associé's session cookie. */
export const listenAsAssocie = async (deps: Deps) => {
  const app = await createApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const [associe] = PORTFOLIO_USERS;
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: associe.email, password: associe.password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lettrine_session='));
  if (!cookie) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return { app, baseUrl, headers: { cookie: cookie.split(';')[0] ?? '' } };
};
