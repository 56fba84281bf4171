import { parseArgs } from 'node:util';
import { DataFolderLockedError } from '../adapters/db/database.ts';
import { expireOverdueProposalsOfAllFirms } from '../application/documents/expire-documents.ts';
import { purgeExpiredRecords } from '../application/maintenance/purge-expired-records.ts';
import { loadConfig } from '../config.ts';
import { buildApp, buildDeps, openDatabase } from '../main.ts';
import { seedDemo, seedPortfolio } from './seed.ts';

const USAGE = `Usage : lettrine <commande>
  start                     démarre le serveur (migre la base ; crée la démo dans une base sans cabinet, hors production)
  migrate                   applique les migrations
  seed [--clients N]        crée la démo, ou un portefeuille synthétique de N clients
`;

const run = async () => {
  const [command = 'start', ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (!['start', 'migrate', 'seed'].includes(command)) {
    process.stdout.write(USAGE);
    process.exitCode = command === 'help' || command === '--help' ? 0 : 1;
    return;
  }
  const database = await openDatabase(config);
  const deps = buildDeps(database);
  if (command === 'migrate') {
    console.log('Migrations appliquées.');
    return database.close();
  }
  if (command === 'seed') {
    if (config.NODE_ENV === 'production') {
      // Demo and benchmark firms come with published passwords: never on a production database.
      console.error('lettrine seed est refusé en production (NODE_ENV=production).');
      process.exitCode = 1;
      return database.close();
    }
    const { values } = parseArgs({ args: rest, options: { clients: { type: 'string' } } });
    if (values.clients)
      await seedPortfolio(deps, { clients: Number(values.clients), log: console.log, database });
    else await seedDemo(deps, { log: console.log, trigger: 'command', nodeEnv: config.NODE_ENV });
    return database.close();
  }
  const demo = await seedDemo(deps, { log: () => {}, trigger: 'start', nodeEnv: config.NODE_ENV });
  const app = await buildApp(deps, config);
  // Until durable jobs arrive (issue #4), the server sweeps overdue proposals and purges expired
  // sessions and idempotency keys at start and hourly; one failing does not stop the other.
  const sweep = async () => {
    await expireOverdueProposalsOfAllFirms(deps).catch((error: unknown) =>
      app.log.error({ err: error }, 'expiry sweep'),
    );
    await purgeExpiredRecords(deps).catch((error: unknown) => app.log.error({ err: error }, 'purge sweep'));
  };
  await sweep();
  setInterval(sweep, 60 * 60 * 1000).unref();
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;
  console.log(`\nLettrine est prête : ${address}`);
  console.log(`  API : ${address}/api/v1 — documentation : ${address}/docs`);
  console.log(`  Base : ${database.kind === 'pglite' ? `PGlite dans ${config.DATA_DIR}` : 'PostgreSQL'}`);
  if (demo) {
    console.log(`  Cabinet de démonstration : ${demo.firmName}`);
    for (const user of demo.users)
      console.log(`    ${user.role.padEnd(14)} ${user.email}  /  ${user.password}`);
    console.log('  (mots de passe de démonstration, tant que personne ne les a changés)');
  }
};

run().catch((error: unknown) => {
  if (
    error instanceof DataFolderLockedError ||
    (error instanceof Error && error.message.startsWith('Configuration'))
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
