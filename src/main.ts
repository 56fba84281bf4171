import { readFileSync } from 'node:fs';
import { type Database, openPglite, openPostgres } from './adapters/db/database.ts';
import { schemaStatus } from './adapters/db/schema-status.ts';
import { createStore } from './adapters/db/store.ts';
import type { JobLog } from './adapters/jobs/job-log.ts';
import { type JobQueue, startJobQueue } from './adapters/jobs/job-queue.ts';
import { createMailTransport } from './adapters/mail/mail-transport.ts';
import { createPdfRenderer } from './adapters/pdf/pdf-renderer.ts';
import { createRequestContext } from './adapters/request-context.ts';
import { createKeyring, type Keyring } from './adapters/security/envelope.ts';
import { createSecrets } from './adapters/security/secrets.ts';
import { createPdfVerifier } from './adapters/signing/pdf-verifier.ts';
import { readPkcs12 } from './adapters/signing/seal-identity.ts';
import { createSealer } from './adapters/signing/sealer.ts';
import { createTimestampClient, type TimestampSettings } from './adapters/signing/timestamp-client.ts';
import { createBrevoSmsSender } from './adapters/sms/brevo-sms.ts';
import { randomIds, systemClock } from './adapters/system.ts';
import { createWebhookSender } from './adapters/webhooks/webhook-sender.ts';
import { createRenderPool, type RenderPool } from './adapters/workers/render-pool.ts';
import { announceBillingDueForAllFirms } from './application/billing/announce-billing-due.ts';
import { followCampaign } from './application/campaigns/follow-campaign.ts';
import { runCampaignGeneration } from './application/campaigns/generate-campaign.ts';
import { runCampaignSending } from './application/campaigns/send-campaign.ts';
import { purgeExpiredRecords } from './application/maintenance/purge-expired-records.ts';
import type { Deps, RequestContext, SmsSender } from './application/ports/index.ts';
import { deliverMail } from './application/signing/deliver-mail.ts';
import { runSigningFollowUp } from './application/signing/follow-up.ts';
import { scrubDeadSecretMails } from './application/signing/scrub-secret-mails.ts';
import { runSealJob } from './application/signing/seal-signed-document.ts';
import { runRegisterScreening } from './application/vigilance/register-import.ts';
import { sendReviewReminders } from './application/vigilance/review-reminders.ts';
import { deliverWebhook } from './application/webhooks/deliver-webhook.ts';
import { dispatchWebhookEvent } from './application/webhooks/dispatch-webhook-event.ts';
import { starterKit } from './cli/starter-kit.ts';
import type { Config } from './config.ts';
import { parisDate } from './domain/shared/dates.ts';
import { createApp } from './http/create-app.ts';
import type { Readiness, ReadinessCheck } from './http/health.routes.ts';

/** Composition root: config → database → store → use-case dependencies → HTTP app and jobs. */
export const openDatabase = async (config: Config): Promise<Database> => {
  const database = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL)
    : await openPglite(config.DATA_DIR);
  await database.migrate();
  return database;
};

/** The address clients open from their mails: PUBLIC_URL, else the one the server listens on. */
export const publicUrlOf = (config: Config): string =>
  config.PUBLIC_URL ??
  `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;

/**
 * The request (or job) running now, for the logs: the app runs each request under its id, the store
 * writes it into the jobs queued, the job queue runs each job under it. One per process, like the
 * AsyncLocalStorage under it; tests may make their own and hand it to the three.
 */
export const requestContext: RequestContext = createRequestContext();

export type Wiring = {
  deps: Deps;
  jobsEnqueued: { notify: () => void };
  /** The context the store reads when it queues a job; the job queue runs the jobs under it. */
  requestContext?: RequestContext;
  /** The PDF worker threads, when RENDER_WORKERS > 0: started at the first render, closed on shutdown. */
  renderPool?: RenderPool;
};

/** Issue 15: the seals' timestamping authority, when TSA_URL names one. */
const timestampSettingsOf = (config: Config): TimestampSettings | undefined =>
  config.TSA_URL
    ? { url: config.TSA_URL, username: config.TSA_USERNAME, password: config.TSA_PASSWORD }
    : undefined;

/** Issue 20: rendering and sealing off the event loop, in RENDER_WORKERS threads (0: on it). */
const renderPoolOf = (config: Config): RenderPool | undefined =>
  config.RENDER_WORKERS === 0
    ? undefined
    : createRenderPool({
        threads: config.RENDER_WORKERS,
        timeoutMs: config.RENDER_TIMEOUT_SECONDS * 1000,
        maxPdfBytes: config.RENDER_MAX_PDF_MB * 1024 * 1024,
        memoryMb: config.RENDER_WORKER_MEMORY_MB,
        seal: { timestamp: timestampSettingsOf(config) },
        onError: (error) => console.error('rendu PDF :', error),
      });

/** The master keys (SECRETS_KEY and the previous ones); without them, the public development key. */
export const keyringOf = (config: Config): Keyring =>
  createKeyring({ current: config.SECRETS_KEY, previous: config.SECRETS_KEY_PREVIOUS });

/** The signing codes' SMS provider when configured (loadConfig requires its key and sender). */
export const smsSenderOf = (config: Config): SmsSender | undefined =>
  config.SMS_PROVIDER === 'brevo' && config.SMS_API_KEY && config.SMS_SENDER
    ? createBrevoSmsSender({
        apiKey: config.SMS_API_KEY,
        sender: config.SMS_SENDER,
        ...(config.SMS_API_BASE_URL ? { baseUrl: config.SMS_API_BASE_URL } : {}),
      })
    : undefined;

export const buildDeps = async (database: Database, config: Config): Promise<Wiring> => {
  const jobsEnqueued = { notify: () => {} };
  const sealIdentity = config.SEAL_P12_PATH
    ? await readPkcs12(new Uint8Array(readFileSync(config.SEAL_P12_PATH)), config.SEAL_P12_PASSWORD)
    : undefined;
  const keyring = keyringOf(config);
  const renderPool = renderPoolOf(config);
  const deps: Deps = {
    store: createStore(database, { onJobsEnqueued: () => jobsEnqueued.notify(), keyring, requestContext }),
    clock: systemClock,
    ids: randomIds,
    secrets: createSecrets({ serverKey: keyring.derive('server-hmac') }),
    pdf: renderPool?.renderer ?? createPdfRenderer(),
    mailer: createMailTransport({
      smtpUrl: config.SMTP_URL,
      from: { name: config.MAIL_FROM_NAME, address: config.MAIL_FROM_ADDRESS },
    }),
    sealer: renderPool?.sealer ?? createSealer({ timestamp: timestampSettingsOf(config) }),
    timestamps: config.TSA_URL ? createTimestampClient(timestampSettingsOf(config)!) : undefined,
    pdfVerifier: createPdfVerifier(),
    sms: smsSenderOf(config),
    webhookSender: createWebhookSender({
      allowPrivateTargets: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
      // In production a receiver is reached over https, unless the operator opened private targets.
      requireHttps: config.NODE_ENV === 'production',
      timeoutMs: config.WEBHOOKS_TIMEOUT_SECONDS * 1000,
    }),
    settings: {
      publicUrl: publicUrlOf(config),
      sealIdentity,
      campaignChunkSize: config.CAMPAIGN_CHUNK_SIZE,
      // Two chunks of a generation in flight where the database serves several connections.
      campaignWorkers: database.kind === 'postgres' ? 2 : 1,
      sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    },
  };
  return { deps, jobsEnqueued, requestContext, renderPool };
};

export type JobTuning = {
  pollingIntervalSeconds?: number;
  retryDelaySeconds?: number;
  /** false: no recurring follow-up or purge (tests that move their clock run them by hand). */
  schedules?: boolean;
};

/**
 * The background work: mails, seals and webhooks queued by the use cases, and the recurring
 * follow-up (reminders, expiry every five minutes) and purge (hourly; it also scrubs the dead links
 * and codes the outbox keeps). Retries back off exponentially; a webhook receiver gets 8 attempts
 * over about ten hours.
 *
 * `log` (the app's pino logger) gets one JSON line per job's end: its name, id, attempt, firm and
 * the id of the request that queued it (job-log.ts); `onError`, when given, every failure besides.
 */
export const startBackgroundJobs = async (
  wiring: Wiring,
  database: Database,
  tuning: JobTuning & { onError?: (error: unknown) => void; log?: JobLog } = {},
): Promise<JobQueue> => {
  const { deps } = wiring;
  const delay = (seconds: number) => tuning.retryDelaySeconds ?? seconds;
  const onFirmError = (firmId: string, error: unknown) => {
    if (tuning.onError) tuning.onError(error);
    else
      tuning.log?.error(
        {
          job: 'signing.follow-up',
          firmId,
          requestId: wiring.requestContext?.currentRequestId(),
          error: (error as Error)?.message ?? String(error),
          err: error,
        },
        'relances : échec pour un cabinet',
      );
  };
  const queue = await startJobQueue(database, {
    pollingIntervalSeconds: tuning.pollingIntervalSeconds,
    onError: tuning.onError,
    log: tuning.log,
    requestContext: wiring.requestContext,
    queues: {
      'mail.deliver': {
        handler: (data, attempt) => deliverMail(deps, data, attempt),
        retryLimit: 6,
        retryDelaySeconds: delay(30),
        workers: 2,
      },
      'document.seal': {
        handler: (data, attempt) => runSealJob(deps, data, attempt),
        retryLimit: 5,
        retryDelaySeconds: delay(10),
        workers: 2,
      },
      'webhook.dispatch': {
        handler: (data) =>
          dispatchWebhookEvent(deps, { firmId: data.firmId, historyEventId: Number(data.historyEventId) }),
        retryLimit: 5,
        retryDelaySeconds: delay(10),
      },
      'webhook.deliver': {
        handler: (data, attempt) => deliverWebhook(deps, data, attempt),
        retryLimit: 7,
        retryDelaySeconds: delay(300),
        workers: 2,
        // One firm's slow receiver holds one worker at most: the other firms take turns beside it.
        turnsPerFirm: true,
      },
      'campaign.generate': {
        handler: (data) => runCampaignGeneration(deps, data),
        retryLimit: 5,
        retryDelaySeconds: delay(10),
        expireInSeconds: 3600,
      },
      'campaign.send': {
        handler: (data) => runCampaignSending(deps, data),
        retryLimit: 5,
        retryDelaySeconds: delay(10),
        expireInSeconds: 3600,
      },
      'campaign.follow': {
        handler: (data) => followCampaign(deps, data),
        retryLimit: 5,
        retryDelaySeconds: delay(10),
      },
      // R-F5: every file screened against a register just imported, a chunk at a time.
      'vigilance.screen': {
        handler: (data) => runRegisterScreening(deps, data),
        retryLimit: 5,
        retryDelaySeconds: delay(10),
        expireInSeconds: 3600,
      },
    },
    recurring: {
      'signing.follow-up': {
        handler: async () => {
          await runSigningFollowUp(deps, { onFirmError });
        },
        retryLimit: 0,
        retryDelaySeconds: 60,
      },
      // Issue 17: each firm's webhooks hear once a month what falls due (billing.due).
      'billing.announce': {
        handler: async () => {
          await announceBillingDueForAllFirms(deps, { onFirmError });
        },
        retryLimit: 0,
        retryDelaySeconds: 60,
      },
      // R-F4: each morning, the responsible users hear of the LCB-FT reviews due within 30 days.
      'vigilance.review-reminders': {
        handler: async () => {
          await sendReviewReminders(deps, { onFirmError });
        },
        retryLimit: 0,
        retryDelaySeconds: 60,
      },
      'maintenance.purge': {
        handler: async () => {
          await purgeExpiredRecords(deps);
          await scrubDeadSecretMails(deps);
        },
        retryLimit: 0,
        retryDelaySeconds: 60,
      },
    },
    schedules:
      tuning.schedules === false
        ? {}
        : {
            'signing.follow-up': '*/5 * * * *',
            'maintenance.purge': '17 * * * *',
            'billing.announce': '23 * * * *',
            'vigilance.review-reminders': '41 5 * * *',
          },
  });
  wiring.jobsEnqueued.notify = () => queue.kick();
  return queue;
};

/** Whether this server's background jobs run: set by the start command, read by /readyz. */
export type JobsState = { queue: JobQueue | undefined; stopping: boolean };

/**
 * What /readyz checks: the database answers, it has every migration this version ships (a server
 * newer or older than the schema must not take traffic), and the job queue runs here.
 */
export const readinessOf =
  (database: Database, jobs: JobsState): Readiness =>
  async () => {
    const checks: ReadinessCheck[] = [];
    const status = await schemaStatus(database).then(
      (found) => ({ found }),
      (error: Error) => ({ error }),
    );
    if ('error' in status) {
      checks.push({ name: 'database', ok: false, detail: `base injoignable : ${status.error.message}` });
      checks.push({ name: 'migrations', ok: false, detail: 'non vérifiées : base injoignable' });
    } else {
      const { applied, expected } = status.found;
      checks.push({
        name: 'database',
        ok: true,
        detail: `${database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} répond`,
      });
      checks.push({
        name: 'migrations',
        ok: applied === expected,
        detail: `${applied} appliquées sur ${expected} livrées avec cette version`,
      });
    }
    checks.push({
      name: 'jobs',
      ok: jobs.queue !== undefined && !jobs.stopping,
      detail: jobs.stopping
        ? 'arrêt en cours'
        : jobs.queue
          ? 'tâches de fond lancées'
          : 'tâches de fond non lancées',
    });
    return checks;
  };

export const buildApp = (deps: Deps, config: Config, options: { readiness?: Readiness } = {}) =>
  createApp(deps, {
    requestContext,
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    secureCookies: config.NODE_ENV === 'production',
    trustProxy: config.TRUST_PROXY,
    production: config.NODE_ENV === 'production',
    apiDocsPublic: config.API_DOCS_PUBLIC,
    // Several servers on one database count each address's requests together.
    sharedRateLimits: true,
    ...(options.readiness ? { readiness: options.readiness } : {}),
    starterKit: (catalogue, firmEmail) =>
      starterKit({ catalogue, firmEmail, today: parisDate(deps.clock.now()) }),
  });
