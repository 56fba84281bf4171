import { parseArgs } from 'node:util';
import { DataFolderLockedError } from '../adapters/db/database.ts';
import { protectSealKeys } from '../adapters/db/seal-identity-store.ts';
import { UnknownSecretsKeyError } from '../adapters/security/envelope.ts';
import { resumeCampaigns } from '../application/campaigns/follow-campaign.ts';
import { openInstallationSetup } from '../application/firms/installation-setup.ts';
import { purgeExpiredRecords } from '../application/maintenance/purge-expired-records.ts';
import { runSigningFollowUp } from '../application/signing/follow-up.ts';
import { ensureSealIdentities } from '../application/signing/seal-identities.ts';
import { loadConfig } from '../config.ts';
import {
  buildApp,
  buildDeps,
  type JobsState,
  keyringOf,
  openDatabase,
  publicUrlOf,
  readinessOf,
  startBackgroundJobs,
} from '../main.ts';
import { runBackupCommand } from './backup-command.ts';
import { runFirmCommand } from './firm-command.ts';
import { seedDemo, seedPortfolio } from './seed.ts';
import { runVigilanceCommand } from './vigilance-command.ts';

const USAGE = `Usage : lettrine <commande>
  start                     démarre le serveur (migre la base ; crée la démo dans une base sans cabinet, hors production)
  migrate                   applique les migrations
  seed [--clients N]        crée la démo, ou un portefeuille synthétique de N clients
  backup [fichier]          sauvegarde la base embarquée (serveur arrêté) ; sur PostgreSQL : pg_dump
  restore <fichier>         restaure une sauvegarde de la base embarquée (serveur arrêté)
  firm create --name … --siren … --associe-name … --email …
                            crée un cabinet et son associé ; affiche le lien pour choisir son mot de passe
  secrets rotate            rechiffre les clés de scellement sous SECRETS_KEY (après un changement de clé)
  vigilance import-register <fichier.json> [--firm …]
                            importe le registre des gels d’avoirs (DG Trésor) et filtre les dossiers LCB-FT
`;

const DEVELOPMENT_KEY_WARNING =
  'Attention : SECRETS_KEY n’est pas définie ; les clés de scellement sont chiffrées par la clé de développement, publique. En production, définissez SECRETS_KEY (openssl rand -base64 32).';

const run = async () => {
  const [command = 'start', ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (
    !['start', 'migrate', 'seed', 'secrets', 'firm', 'vigilance', 'backup', 'restore'].includes(command) ||
    (command === 'secrets' && rest[0] !== 'rotate')
  ) {
    process.stdout.write(USAGE);
    process.exitCode = command === 'help' || command === '--help' ? 0 : 1;
    return;
  }
  if (command === 'backup' || command === 'restore') {
    // Before opening the database: the archive is taken from, or put into, a folder nobody holds.
    process.exitCode = await runBackupCommand(config, command, rest);
    return;
  }
  const database = await openDatabase(config);
  const keyring = keyringOf(config);
  if (command === 'secrets') {
    const done = await protectSealKeys(database.db, keyring);
    console.log(
      `Clés de scellement : ${done.total}, dont ${done.encrypted} chiffrée(s) et ${done.rewrapped} rechiffrée(s) sous la clé ${keyring.currentKeyId}.`,
    );
    if (keyring.isDevelopmentKey) console.warn(DEVELOPMENT_KEY_WARNING);
    return database.close();
  }
  const wiring = await buildDeps(database, config);
  const { deps } = wiring;
  if (command === 'firm') {
    process.exitCode = await runFirmCommand(deps, rest);
    await wiring.renderPool?.close();
    return database.close();
  }
  if (command === 'vigilance') {
    process.exitCode = await runVigilanceCommand(deps, rest);
    await wiring.renderPool?.close();
    return database.close();
  }
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
    await wiring.renderPool?.close();
    return database.close();
  }
  // Keys stored in clear before encryption, or under a previous SECRETS_KEY: re-wrapped before serving.
  await protectSealKeys(database.db, keyring);
  // The embedded database is for trying Lettrine: the warning is for a server on PostgreSQL that is
  // not yet in production (a staging copy of a firm's data), not for a newcomer's first start.
  if (keyring.isDevelopmentKey && config.DATABASE_URL && config.NODE_ENV !== 'test')
    console.warn(DEVELOPMENT_KEY_WARNING);
  // Servers started together on an empty database: one creates the demo, the next finds it there.
  const demo = config.DEMO_DATA
    ? await database.oneServerAtATime(() =>
        seedDemo(deps, { log: () => {}, trigger: 'start', nodeEnv: config.NODE_ENV }),
      )
    : undefined;
  const jobsState: JobsState = { queue: undefined, stopping: false };
  const app = await buildApp(deps, config, { readiness: readinessOf(database, jobsState) });
  // The durable jobs run the follow-up every five minutes and the purge hourly; a start catches up
  // at once on what a stopped server missed.
  // Each job's end is a JSON line of the app's log, with the request id of the request that queued it.
  const jobs = await startBackgroundJobs(wiring, database, { log: app.log });
  jobsState.queue = jobs;
  const logError = (what: string) => (error: unknown) => app.log.error({ err: error }, what);
  await runSigningFollowUp(deps, { onFirmError: (_firm, error) => logError('follow-up')(error) }).catch(
    logError('follow-up'),
  );
  await purgeExpiredRecords(deps).catch(logError('purge'));
  // A campaign a stopped server left generating or sending takes up where it stopped.
  await resumeCampaigns(deps).catch(logError('campaigns'));
  // Graceful: /readyz turns 503 so the load balancer looks elsewhere, the server stops accepting
  // and finishes the requests under way, the jobs running finish (pg-boss waits for them), then
  // the mail pool and the database close. A second signal, or 30 s, ends it at once.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    jobsState.stopping = true;
    app.log.info({ signal }, 'arrêt demandé : fin des requêtes et des tâches en cours');
    setTimeout(() => {
      app.log.error('arrêt forcé : requêtes ou tâches encore en cours après 30 s');
      process.exit(1);
    }, 30_000).unref();
    await app.close();
    await jobs.stop();
    await wiring.renderPool?.close();
    await deps.mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  // About a second per firm without a seal certificate: after listening, so nobody waits for it.
  void ensureSealIdentities(deps).catch(logError('seal identities'));
  const address = publicUrlOf(config);
  console.log(`\nLettrine est prête : ${address}`);
  console.log(`  API : ${address}/api/v1 — documentation : ${address}/docs`);
  console.log(`  Base : ${database.kind === 'pglite' ? `PGlite dans ${config.DATA_DIR}` : 'PostgreSQL'}`);
  console.log(
    deps.mailer.mode === 'smtp'
      ? '  Courriels : envoyés par SMTP'
      : '  Courriels : sans serveur SMTP (SMTP_URL), ils restent dans la boîte d’envoi du cabinet',
  );
  if (demo) {
    console.log(`  Cabinet de démonstration : ${demo.firmName}`);
    for (const user of demo.users)
      console.log(`    ${user.role.padEnd(14)} ${user.email}  /  ${user.password}`);
    console.log('  (mots de passe de démonstration, tant que personne ne les a changés)');
  }
  // An empty installation (production never seeds the demo): the link to create its first firm.
  const setup = demo ? undefined : await openInstallationSetup(deps);
  if (setup) {
    console.log(
      '\n  Aucun cabinet n’existe encore. Pour créer le vôtre, ouvrez ce lien (une seule fois, 24 heures) :',
    );
    console.log(`    ${setup.link}`);
    console.log('  ou créez-le en ligne de commande : npm run lettrine -- firm create --help');
  }
};

run().catch((error: unknown) => {
  if (
    error instanceof DataFolderLockedError ||
    error instanceof UnknownSecretsKeyError ||
    (error instanceof Error && error.message.startsWith('Configuration'))
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
