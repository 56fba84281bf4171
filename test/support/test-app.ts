import { randomUUID } from 'node:crypto';
import { createStore } from '../../src/adapters/db/store.ts';
import { createMailTransport } from '../../src/adapters/mail/mail-transport.ts';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { createRequestContext } from '../../src/adapters/request-context.ts';
import { createSecrets } from '../../src/adapters/security/secrets.ts';
import { createPdfVerifier } from '../../src/adapters/signing/pdf-verifier.ts';
import { createSealer } from '../../src/adapters/signing/sealer.ts';
import { createWebhookSender } from '../../src/adapters/webhooks/webhook-sender.ts';
import { createFirm } from '../../src/application/firms/create-firm.ts';
import type { AccountLimits, Deps } from '../../src/application/ports/index.ts';
import type { Role } from '../../src/application/records.ts';
import { starterKit } from '../../src/cli/starter-kit.ts';
import { DEFAULT_REVIEW_PERIODS } from '../../src/domain/vigilance/reviews.ts';
import { type App, type AppOptions, createApp } from '../../src/http/create-app.ts';
import { type JobsState, type JobTuning, readinessOf, startBackgroundJobs } from '../../src/main.ts';
import { openFreshTestDatabase, openSharedTestDatabase } from './test-database.ts';

/** A clock the test moves by hand. */
export const fixedClock = (start = '2026-11-29T09:00:00Z') => {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso);
    },
    advanceDays: (days: number) => {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
};

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

export const TEST_PUBLIC_URL = 'http://lettrine.test';

/** The per-address counts, raised for suites that are not about them (see accountLimits below). */
const RELAXED_ADDRESS_LIMITS: Partial<AccountLimits> = {
  loginFailuresPerAddress: { points: 100_000, windowSeconds: 60 },
  resetRequestsPerAddress: { points: 100_000, windowSeconds: 60 },
};

/**
 * A real app on a real database (PGlite or PostgreSQL), a fixed clock, fast password hashing. Mail
 * goes to the outbox unless `smtpUrl` names a receiver; with `jobs`, the real queue (pg-boss) runs
 * the background work, and `drainJobs()` waits until it is done.
 *
 * The database is the worker's shared one, where each suite works in firms of its own; a suite that
 * reads the whole database (the demo seed, the hourly purge) asks for a `fresh` one, and so does
 * every suite that runs the job queue, whose jobs must not outlive it into the next suite.
 */
export const createTestContext = async (
  options: {
    clock?: string;
    smtpUrl?: string;
    jobs?: boolean | JobTuning;
    database?: 'shared' | 'fresh';
    /**
     * The webhook sender's policy: tests deliver to receivers on 127.0.0.1, so private targets are
     * allowed unless a suite (the SSRF one) says otherwise; a 2 s timeout.
     */
    webhooks?: Parameters<typeof createWebhookSender>[0];
    /**
     * The login and reset limits. Every suite of a worker shares its database, its fixed clock and
     * the address 127.0.0.1, so failed logins would add up across suites: the counts per address are
     * raised unless a suite (the limits' own) asks for the production ones.
     */
    accountLimits?: Partial<AccountLimits> | 'production';
    /**
     * Minutes without a request that end a session. Suites move their clock by days between requests
     * of one session, so idleness is left to the 14 days unless a suite asks for the production value.
     */
    sessionIdleMinutes?: number | 'production';
    /** The app's logger (none by default); with `jobs`, the job queue logs each job's end to it too. */
    logger?: AppOptions['logger'];
  } = {},
) => {
  const fresh = (options.database ?? (options.jobs ? 'fresh' : 'shared')) === 'fresh';
  const database = await (fresh ? openFreshTestDatabase() : openSharedTestDatabase());
  const clock = fixedClock(options.clock);
  const jobsEnqueued = { notify: () => {} };
  const requestContext = createRequestContext();
  const deps: Deps = {
    store: createStore(database, { onJobsEnqueued: () => jobsEnqueued.notify(), requestContext }),
    clock,
    ids: { uuid: () => randomUUID() },
    secrets: createSecrets({ cost: 1024 }),
    pdf: createPdfRenderer(),
    mailer: createMailTransport({
      smtpUrl: options.smtpUrl,
      from: { name: 'Lettrine', address: 'signature@lettrine.test' },
    }),
    sealer: createSealer(),
    pdfVerifier: createPdfVerifier(),
    webhookSender: createWebhookSender({ timeoutMs: 2_000, allowPrivateTargets: true, ...options.webhooks }),
    settings: {
      publicUrl: TEST_PUBLIC_URL,
      sessionIdleMinutes:
        options.sessionIdleMinutes === 'production'
          ? undefined
          : (options.sessionIdleMinutes ?? 14 * 24 * 60),
      accountLimits:
        options.accountLimits === 'production'
          ? undefined
          : { ...RELAXED_ADDRESS_LIMITS, ...options.accountLimits },
    },
  };
  const jobsState: JobsState = { queue: undefined, stopping: false };
  const app: App = await createApp(deps, {
    requestContext,
    ...(options.logger ? { logger: options.logger } : {}),
    readiness: readinessOf(database, jobsState),
    starterKit: (catalogue, firmEmail) => starterKit({ catalogue, firmEmail, today: '2026-01-01' }),
  });
  const jobErrors: unknown[] = [];
  const queue = options.jobs
    ? await startBackgroundJobs({ deps, jobsEnqueued, requestContext }, database, {
        pollingIntervalSeconds: 0.5,
        retryDelaySeconds: 1,
        // The test's clock is fixed and moved by hand: the follow-up runs when the test says.
        schedules: false,
        ...(typeof options.jobs === 'object' ? options.jobs : {}),
        onError: (error) => jobErrors.push(error),
        ...(options.logger ? { log: app.log } : {}),
      })
    : undefined;
  jobsState.queue = queue;
  return {
    deps,
    jobsState,
    app,
    clock,
    database,
    jobErrors,
    /** Waits until every queued job (mails, seals, webhooks) has run; jobs due later excepted. */
    drainJobs: async (timeoutMs?: number) => {
      if (!queue) throw new Error('createTestContext({ jobs: true }) runs the jobs');
      await queue.drain({ timeoutMs });
    },
    close: async () => {
      await queue?.stop();
      await app.close();
      await deps.mailer.close();
      await database.close();
    },
  };
};

export type FirmSession = {
  firmId: string;
  users: Record<Role, { id: string; email: string; headers: Record<string, string> }>;
};

let firmCounter = 0;

/** Everything the Ordre requires a firm to print on its documents (DOMAIN.md), so sending works. */
export const A_COMPLETE_FIRM_IDENTITY = {
  legalForm: 'SAS d’expertise comptable',
  addressLine1: '24 rue de la République',
  addressLine2: null,
  postalCode: '69002',
  city: 'Lyon',
  phone: '04 78 42 17 30',
  email: 'contact@cabinet.test',
  siren: '812345676',
  rcs: 'RCS Lyon 812 345 676',
  vatNumber: 'FR19812345676',
  ordreCouncil: 'Conseil régional Auvergne-Rhône-Alpes',
  insurer: 'MMA IARD',
  insuranceCoverage: '1 500 000 € par sinistre',
  consumerMediator: 'CNPM Médiation Consommation, 27 avenue de la Libération, 42400 Saint-Chamond',
};

/** A firm with one user per role, each logged in: pass `users.associe.headers` to inject. */
export const aFirmWithUsers = async (
  ctx: TestContext,
  name = 'Cabinet Dupré & Associés',
  identity: Partial<typeof A_COMPLETE_FIRM_IDENTITY> = A_COMPLETE_FIRM_IDENTITY,
): Promise<FirmSession> => {
  firmCounter += 1;
  const slug = `cabinet-${firmCounter}-${randomUUID().slice(0, 8)}`;
  const roles: Role[] = ['associe', 'collaborateur', 'lecture'];
  const { firm, users } = await createFirm(ctx.deps, {
    slug,
    clientCodePrefix: 'CLI',
    identity: { ...identity, name },
    users: roles.map((role) => ({
      role,
      email: `${role}@${slug}.test`,
      name: `${role} ${name}`,
      password: 'secret-pass',
    })),
  });
  // The LCB-FT gate (R-F1…R-F5) is on for a real firm. Suites about other rules send letters to
  // clients they never identified, so their firms start with it off; the vigilance suites turn it
  // on (test/builders/vigilance-api.ts) and complete the files.
  await ctx.deps.store.transaction(firm.id, (scope) =>
    scope.vigilance.saveSettings(
      { controlsEnabled: false, periods: DEFAULT_REVIEW_PERIODS },
      ctx.clock.now(),
    ),
  );
  const sessions = {} as FirmSession['users'];
  for (const user of users) {
    sessions[user.role] = { id: user.id, email: user.email, headers: await loginHeaders(ctx, user.email) };
  }
  return { firmId: firm.id, users: sessions };
};

/** Logs in again (after the test clock moved past the session's expiry, say). */
export const loginHeaders = async (ctx: TestContext, email: string): Promise<Record<string, string>> => {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: 'secret-pass' },
  });
  const cookie = response.cookies.find((c) => c.name === 'lettrine_session');
  if (!cookie) throw new Error(`login failed for ${email}: ${response.body}`);
  return { cookie: `lettrine_session=${cookie.value}` };
};

export const refreshSessions = async (ctx: TestContext, firm: FirmSession): Promise<void> => {
  for (const user of Object.values(firm.users)) user.headers = await loginHeaders(ctx, user.email);
};
