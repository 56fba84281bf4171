import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import type { ParsedMail } from 'mailparser';
import type { Database } from '../src/adapters/db/database.ts';
import { createStore } from '../src/adapters/db/store.ts';
import type { JobQueue } from '../src/adapters/jobs/job-queue.ts';
import { createMailTransport } from '../src/adapters/mail/mail-transport.ts';
import { createSecrets } from '../src/adapters/security/secrets.ts';
import { createPdfVerifier } from '../src/adapters/signing/pdf-verifier.ts';
import { createTimestampClient, type TimestampSettings } from '../src/adapters/signing/timestamp-client.ts';
import { createWebhookSender } from '../src/adapters/webhooks/webhook-sender.ts';
import { createRenderPool } from '../src/adapters/workers/render-pool.ts';
import type { Deps, FirmScope } from '../src/application/ports/index.ts';
import { createApp } from '../src/http/create-app.ts';
import { startBackgroundJobs } from '../src/main.ts';
import { aService } from '../test/builders/catalogue.ts';
import { nextSiren } from '../test/builders/through-api.ts';
import { type Api, apiAs } from '../test/support/api-client.ts';
import { openMigratedDatabase } from '../test/support/databases.ts';
import { codeIn, tokenIn } from '../test/support/signing.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../test/support/smtp.ts';
import { aFirmWithUsers, fixedClock, TEST_PUBLIC_URL, type TestContext } from '../test/support/test-app.ts';
import { FOUR_PAGE_LETTER } from './pdf-letter.ts';

const ok = <T = Record<string, unknown> & { id: string }>(
  res: { status: number; body: unknown },
  what: string,
) => {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

/**
 * The real app (as test/support/test-app.ts builds it) and its real job queue with the production
 * settings (polling every 2 s; a commit that queues jobs wakes the relay and the workers at once),
 * mail to an SMTP receiver, one firm. `sealedAt(firmId, id)` resolves at the commit that stored the
 * document's sealed copy; `pauseJobs`/`resumeJobs` stop and restart the queue as a redeploy would.
 */
export const openSigningBench = async (options: { timestamp?: TimestampSettings } = {}) => {
  const smtp = await startSmtpReceiver();
  const database = await openMigratedDatabase();
  const clock = fixedClock();
  const wiring = { jobsEnqueued: { notify: () => {} } };
  const waiters = new Map<string, { firmId: string; resolve: (at: number) => void }>();
  const store = createStore(database, { onJobsEnqueued: () => wiring.jobsEnqueued.notify() });
  const transaction = store.transaction.bind(store);
  // The hook: every commit (the seal job's included) checks the documents awaited.
  store.transaction = async <T>(firmId: string, fn: (scope: FirmScope) => Promise<T>): Promise<T> => {
    const result = await transaction(firmId, fn);
    const committedAt = performance.now();
    for (const [documentId, waiter] of waiters)
      void store
        .read(waiter.firmId)
        .documentFiles.find(documentId, 'sealed')
        .then((sealed) => {
          if (sealed && waiters.delete(documentId)) waiter.resolve(committedAt);
        });
    return result;
  };
  // As `lettrine start` runs by default (RENDER_WORKERS=1, src/main.ts): rendering and sealing in a
  // worker thread, off the event loop that answers the signers.
  const renderPool = createRenderPool({
    threads: 1,
    timeoutMs: 60_000,
    maxPdfBytes: 50 * 1024 * 1024,
    memoryMb: 512,
    seal: { timestamp: options.timestamp },
    onError: (error) => console.error('rendu PDF :', error),
  });
  const deps: Deps = {
    store,
    clock,
    ids: { uuid: () => randomUUID() },
    secrets: createSecrets({ cost: 1024 }),
    pdf: renderPool.renderer,
    mailer: createMailTransport({
      smtpUrl: smtp.url,
      from: { name: 'Lettrine', address: 'signature@lettrine.test' },
    }),
    sealer: renderPool.sealer,
    timestamps: options.timestamp ? createTimestampClient(options.timestamp) : undefined,
    pdfVerifier: createPdfVerifier(),
    webhookSender: createWebhookSender(),
    settings: { publicUrl: TEST_PUBLIC_URL },
  };
  // Behind "one proxy": each simulated signer has an address of its own (X-Forwarded-For), as they
  // would in life, so the per-address limits of the public routes do not see 200 signers as one.
  const app = await createApp(deps, { trustProxy: 1 });
  const jobErrors: unknown[] = [];
  const startJobs = () =>
    startBackgroundJobs({ deps, ...wiring }, database, { onError: (e) => jobErrors.push(e) });
  let queue: JobQueue | undefined = await startJobs();
  const ctx: TestContext = {
    deps,
    jobsState: { queue: undefined, stopping: false },
    app,
    clock,
    database,
    jobErrors,
    drainJobs: async (timeoutMs?: number) => queue?.drain({ timeoutMs }),
    close: async () => {
      await queue?.stop();
      await renderPool.close();
      await app.close();
      await deps.mailer.close();
      await database.close();
      await smtp.close();
    },
  };
  const firm = await aFirmWithUsers(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    ctx,
    smtp,
    firm,
    collab: apiAs(ctx, firm.users.collaborateur.headers),
    baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    sealedAt: (firmId: string, documentId: string) =>
      new Promise<number>((resolve) => waiters.set(documentId, { firmId, resolve })),
    pauseJobs: async () => {
      wiring.jobsEnqueued.notify = () => {};
      await queue?.stop();
      queue = undefined;
    },
    resumeJobs: async () => {
      queue = await startJobs();
    },
    close: ctx.close,
  };
};
export type SigningBench = Awaited<ReturnType<typeof openSigningBench>>;

const isTo = (address: string) => (mail: ParsedMail) =>
  [mail.to].flat().some((field) => field?.value.some((entry) => entry.address === address));

/** The mail to this address about this document whose subject says `what`. */
const mailAbout = (smtp: SmtpReceiver, address: string, number: string, what: string) =>
  smtp.waitForMail(
    (m) => isTo(address)(m) && (m.subject ?? '').includes(number) && (m.subject ?? '').includes(what),
    60_000,
  );

/** A signer's own address (10.x.y.z), the same for the same visit. */
export const addressOf = (visit: string): string => {
  const [a = 0, b = 0, c = 0] = createHash('sha256').update(visit).digest();
  return `10.${a}.${b}.${c}`;
};

/** Opens the link mailed for the document, asks for the code, enters it: ready to sign. */
export const verifiedLink = async (bench: SigningBench, address: string, number: string) => {
  const token = tokenIn(await mailAbout(bench.smtp, address, number, 'à signer'));
  const forwardedFor = addressOf(`${address}|${number}`);
  const api = apiAs(bench.ctx, { 'user-agent': `Navigateur de ${address}`, 'x-forwarded-for': forwardedFor });
  const view = ok<{ signer?: { name: string } }>(await api.get(`/public/signing/${token}`), 'view');
  ok(await api.post(`/public/signing/${token}/code`), 'code');
  const code = codeIn(await mailAbout(bench.smtp, address, number, 'code'));
  ok(await api.post(`/public/signing/${token}/code/verify`, { code }), 'verify');
  return { token, typedName: view.signer?.name ?? '', api, forwardedFor };
};

/** A prospect whose signatory reads mail at `email`. */
const aProspect = async (collab: Api, associeId: string, email: string) =>
  ok(
    await collab.post('/engagements', {
      company: {
        name: `Boulangerie ${email.split('@')[0]}`,
        legalForm: 'SARL',
        siren: nextSiren(),
        fiscalYearEnd: '12-31',
        activity: 'Boulangerie-pâtisserie',
        addressLine1: '12 rue Paul Bert',
        postalCode: '69003',
        city: 'Lyon',
      },
      responsibleUserId: associeId,
      signatory: { firstName: 'Paul', lastName: 'Martin', capacity: 'Gérant', email },
    }),
    'engagement',
  );

const aSentDocument = async (collab: Api, engagementId: string, serviceIds: string[]) => {
  const lines = serviceIds.map((serviceId) => ({ serviceId, quantity: 1 }));
  const draft = ok(await collab.post('/documents', { engagementId, kind: 'proposal', lines }), 'draft');
  return ok<{ id: string; number: string }>(await collab.post(`/documents/${draft.id}/send`), 'send');
};

/** Two catalogue missions with the long texts of the reference letter, and its terms in full. */
export const aFourPageCatalogue = async (bench: SigningBench): Promise<string[]> => {
  const { firmId, users } = bench.firm;
  const line = FOUR_PAGE_LETTER.lines[0];
  const labels = ['Comptes annuels', 'Paie'];
  const ids: string[] = [];
  for (const [index, label] of labels.entries()) {
    const service = await aService(bench.ctx, firmId, users.associe.id, {
      label,
      description: `${label} : ${line?.description ?? ''}`,
      priceCents: 50_000 + index * 10_000,
      recurrence: 'yearly',
      exclusions: line?.exclusions ?? null,
      taskSplit: [...(line?.taskSplit ?? [])],
    });
    ids.push(service.id);
  }
  const terms = FOUR_PAGE_LETTER.terms;
  await bench.ctx.deps.store.read(firmId).terms.insert({
    id: randomUUID(),
    version: 1,
    title: terms?.title ?? 'Conditions générales',
    body: terms?.body ?? '',
    effectiveFrom: '2025-01-01',
    createdAt: bench.ctx.clock.now(),
  });
  return ids;
};

/**
 * A sent four-page letter already signed by the client through their link, and the associé's
 * link opened and verified: one sign request away from sealing.
 */
export const aLetterAwaitingTheAssocie = async (bench: SigningBench, serviceIds: string[], index: number) => {
  const { collab, firm } = bench;
  const email = `client-${index}@lettre.test`;
  const engagement = await aProspect(collab, firm.users.associe.id, email);
  const proposal = await aSentDocument(collab, engagement.id, serviceIds);
  ok(await collab.post(`/documents/${proposal.id}/signatures`, { side: 'client' }), 'proposal signed');
  const letterId = ok(await collab.get(`/documents/${proposal.id}`), 'proposal').createdLetterId as string;
  const letter = ok<{ number: string }>(await collab.post(`/documents/${letterId}/send`), 'letter sent');
  const client = await verifiedLink(bench, email, letter.number);
  ok(
    await client.api.post(`/public/signing/${client.token}/sign`, {
      consent: true,
      typedName: client.typedName,
    }),
    'client signs',
  );
  const associe = await verifiedLink(bench, firm.users.associe.email, letter.number);
  return {
    letterId,
    number: letter.number,
    token: associe.token,
    typedName: associe.typedName,
    forwardedFor: associe.forwardedFor,
  };
};

/** A sent one-line proposal whose signatory has opened the link and entered the code. */
export const aProposalReadyToSign = async (bench: SigningBench, serviceId: string, index: number) => {
  const email = `signataire-${index}@offre.test`;
  const engagement = await aProspect(bench.collab, bench.firm.users.associe.id, email);
  const proposal = await aSentDocument(bench.collab, engagement.id, [serviceId]);
  return verifiedLink(bench, email, proposal.number);
};

/** Runs `fn` over the items, `width` at a time. */
export const inPool = async <T, R>(width: number, items: T[], fn: (item: T, index: number) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
};

/** poppler's page count of a PDF. */
export const pageCount = async (bytes: Uint8Array): Promise<number> => {
  const folder = await mkdtemp(join(tmpdir(), 'lettrine-bench-'));
  const file = join(folder, 'document.pdf');
  await writeFile(file, bytes);
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile('pdfinfo', [file], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    return Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? 0);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

/**
 * The baseline of a signature: a bare Fastify route on the same database and driver that does the
 * least a link's signature must: find the link by its token's SHA-256, lock its document row, and
 * write the link's row (`UPDATE … RETURNING`), in one transaction. No validation, no rules, no
 * history, no automations, no jobs.
 */
export const startBareSigningServer = async (database: Database) => {
  const app = Fastify();
  app.post<{ Params: { token: string } }>('/bare/:token/sign', async (request) => {
    const hash = createHash('sha256').update(request.params.token).digest('hex');
    const userAgent = request.headers['user-agent'] ?? null;
    return database.db.transaction(async (tx) => {
      const link = (await tx.execute(sql`SELECT firm_id, id, document_id FROM signing_requests
        WHERE token_hash = ${hash}`)) as unknown as {
        rows: { firm_id: string; id: string; document_id: string }[];
      };
      const row = link.rows[0];
      if (!row) throw new Error('unknown token');
      await tx.execute(
        sql`SELECT id FROM documents WHERE firm_id = ${row.firm_id} AND id = ${row.document_id} FOR UPDATE`,
      );
      const updated = (await tx.execute(sql`UPDATE signing_requests SET completed_user_agent = ${userAgent}
        WHERE firm_id = ${row.firm_id} AND id = ${row.id} RETURNING id, outcome`)) as unknown as {
        rows: unknown[];
      };
      return updated.rows[0];
    });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => app.close(),
  };
};
