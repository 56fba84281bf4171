import { asc } from 'drizzle-orm';
import type { FirmScope, RequestContext, Store } from '../../application/ports/index.ts';
import { createKeyring, type Keyring } from '../security/envelope.ts';
import { authRepo, passwordResetRepo, rateLimitRepo } from './account-store.ts';
import { billingRepo } from './billing-store.ts';
import { campaignRepo } from './campaign-store.ts';
import { serviceRepo, termsRepo } from './catalogue-store.ts';
import { companyRepo, contactRepo } from './company-store.ts';
import type { Database, Db } from './database.ts';
import { documentFileRepo } from './document-file-store.ts';
import { documentRepo } from './document-store.ts';
import { engagementRepo } from './engagement-store.ts';
import { apiTokenRepo, firmRepo, selectFirms, sessionRepo, toFirm, userRepo } from './firm-store.ts';
import { counterRepo, eventRepo, idempotencyRepo, signatureRepo } from './history-store.ts';
import { installationRepo } from './installation-store.ts';
import { mailRepo } from './mail-store.ts';
import { maintenanceRepo } from './maintenance-store.ts';
import { notificationRepo } from './notification-store.ts';
import { portfolioRepo } from './portfolio-store.ts';
import { refusingBadValues } from './refused-values.ts';
import { retryingTransaction } from './retry-transaction.ts';
import { firms } from './schema/index.ts';
import { sealIdentityRepo } from './seal-identity-store.ts';
import { signingEventRepo } from './signing-event-store.ts';
import { jobRepo, type OutboxRow, signingLookups, signingRequestRepo, writeOutbox } from './signing-store.ts';
import { vigilanceRepo } from './vigilance-store.ts';
import { webhookRepo } from './webhook-store.ts';

/**
 * `outside`: what the repositories need besides the database (the job hook, the request queuing,
 * the master keys).
 */
const firmScope = (
  db: Db,
  firmId: string,
  outside: {
    onEnqueue: () => void;
    currentRequestId?: () => string | undefined;
    keyring: Keyring;
    /** In a transaction: where its queued jobs wait until it writes them, before committing. */
    deferJobs?: (row: OutboxRow) => void;
  },
): FirmScope => {
  const { onEnqueue, currentRequestId, keyring, deferJobs } = outside;
  const makers: { [K in Exclude<keyof FirmScope, 'firmId'>]: () => FirmScope[K] } = {
    firm: () => firmRepo(db, firmId),
    users: () => userRepo(db, firmId),
    apiTokens: () => apiTokenRepo(db, firmId),
    sessions: () => sessionRepo(db, firmId),
    passwordResets: () => passwordResetRepo(db, firmId),
    companies: () => companyRepo(db, firmId),
    contacts: () => contactRepo(db, firmId),
    engagements: () => engagementRepo(db, firmId),
    documents: () => documentRepo(db, firmId),
    documentFiles: () => documentFileRepo(db, firmId),
    signatures: () => signatureRepo(db, firmId),
    signingRequests: () => signingRequestRepo(db, firmId),
    signingEvents: () => signingEventRepo(db, firmId),
    mails: () => mailRepo(db, firmId),
    webhooks: () => webhookRepo(db, firmId),
    sealIdentity: () => sealIdentityRepo(db, firmId, keyring),
    jobs: () =>
      jobRepo(db, firmId, { onEnqueue, currentRequestId, ...(deferJobs ? { defer: deferJobs } : {}) }),
    campaigns: () => campaignRepo(db, firmId),
    portfolio: () => portfolioRepo(db, firmId),
    billing: () => billingRepo(db, firmId),
    counters: () => counterRepo(db, firmId),
    events: () => eventRepo(db, firmId),
    notifications: () => notificationRepo(db, firmId),
    idempotency: () => idempotencyRepo(db, firmId),
    vigilance: () => vigilanceRepo(db, firmId),
    services: () => serviceRepo(db, firmId),
    terms: () => termsRepo(db, firmId),
  };
  // A request touches two or three of these: each is built, and guarded, when first read.
  const scope = { firmId } as FirmScope;
  for (const [name, make] of Object.entries(makers) as [keyof typeof makers, () => object][]) {
    let repo: object | undefined;
    Object.defineProperty(scope, name, {
      enumerable: true,
      get: () => {
        repo ??= refusingBadValues(make());
        return repo;
      },
    });
  }
  return scope;
};

export type StoreOptions = {
  /** Called after a commit that queued jobs (and after a job queued outside a transaction). */
  onJobsEnqueued?: () => void;
  /** The master keys that encrypt the seal keys; the public development key when not given. */
  keyring?: Keyring;
  /** The request (or job) running: each job queued carries its id into its own logs. */
  requestContext?: RequestContext;
};

/** The Store port on drizzle: the same code on PGlite and PostgreSQL. */
export const createStore = (database: Database, options: StoreOptions = {}): Store => {
  const { db } = database;
  const notify = () => options.onJobsEnqueued?.();
  const keyring = options.keyring ?? createKeyring();
  const currentRequestId = () => options.requestContext?.currentRequestId();
  return {
    async transaction(firmId, fn) {
      let enqueued = false;
      const result = await retryingTransaction(() => {
        enqueued = false;
        return db.transaction(async (tx) => {
          const jobs: OutboxRow[] = [];
          const value = await fn(
            firmScope(tx as unknown as Db, firmId, {
              onEnqueue: () => {
                enqueued = true;
              },
              currentRequestId,
              keyring,
              deferJobs: (row) => jobs.push(row),
            }),
          );
          await writeOutbox(tx as unknown as Db, jobs);
          return value;
        });
      });
      if (enqueued) notify();
      return result;
    },
    read: (firmId) => firmScope(db, firmId, { onEnqueue: notify, currentRequestId, keyring }),
    auth: authRepo(db),
    installation: installationRepo(db),
    rateLimits: rateLimitRepo(db),
    maintenance: maintenanceRepo(db),
    ...signingLookups(db),
    async insertFirm(firm) {
      const { hasLogo: _none, ...row } = firm;
      await db.insert(firms).values(row);
    },
    async listFirms() {
      const rows = await selectFirms(db).orderBy(asc(firms.createdAt));
      return rows.map((row) => toFirm(row.firm, row.hasLogo));
    },
    close: () => database.close(),
  };
};
