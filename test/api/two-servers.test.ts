// biome-ignore-all lint/suspicious/noExplicitAny: the answers are read through assertions that check their shape.
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTFOLIO_USERS } from '../../src/cli/seed-portfolio.ts';
import {
  finished,
  freePort,
  freshServerStorage,
  killAll,
  lettrine,
  outputOf,
  type ServerStorage,
  waitFor,
} from '../support/processes.ts';
import { type HttpOptions, httpCall, readEventStream } from '../support/server-client.ts';
import { codeIn } from '../support/signing.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp.ts';
import { databaseKind } from '../support/test-database.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

/**
 * Issue 13, item 4: two `lettrine start` processes on one PostgreSQL database are one product. A
 * portfolio of 500 clients; a renewal campaign created, previewed and generated across both, the
 * server running the generation killed (SIGKILL) part-way, the other finishing it and streaming its
 * progress; 50 of its letters sent and signed by link across both; then exactly one letter per
 * client, one sealed copy and one `document.sealed` per signed letter, one mail per signing
 * request (received once by a real SMTP server), each webhook delivered once. PGlite is one
 * process per data folder by design: there is nothing to share, the suite is skipped.
 */
const CLIENTS = 500;
const SIGNED = 50;
const [ASSOCIE] = PORTFOLIO_USERS;

const SKIPPED = databaseKind !== 'postgres';
if (SKIPPED)
  console.warn(
    'two-servers.test.ts skipped: PGlite is one process per data folder by design; set DATABASE_URL to run it on PostgreSQL.',
  );

type Server = {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  call: <T = any>(method: string, path: string, options?: HttpOptions) => ReturnType<typeof httpCall<T>>;
};

/** The personal link's token in a request mail (links name the server that sent them). */
const tokenIn = (mail: { text?: string; subject?: string }): string => {
  const token = /\/signer\/([A-Za-z0-9_-]{20,})/.exec(mail.text ?? '')?.[1];
  if (!token) throw new Error(`no signing link in « ${mail.subject} »`);
  return token;
};

/** The promise's value, or a failure naming what did not come within `ms`. */
const within = <T>(ms: number, what: string, promise: Promise<T>): Promise<T> =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms),
    ),
  ]);

/** `count` tasks, `width` at a time. */
const inBatches = async <T>(count: number, width: number, task: (index: number) => Promise<T>) => {
  const results: T[] = [];
  for (let from = 0; from < count; from += width) {
    const batch = Array.from({ length: Math.min(width, count - from) }, (_, k) => task(from + k));
    results.push(...(await Promise.all(batch)));
  }
  return results;
};

describe.skipIf(SKIPPED)(
  `two servers on one ${SKIPPED ? 'database (skipped: PGlite is one process per data folder by design)' : 'PostgreSQL database'}`,
  () => {
    let storage: ServerStorage;
    let sql: pg.Client;
    let smtp: SmtpReceiver;
    let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let cookie: string;
    const children: ChildProcess[] = [];
    const servers: Server[] = [];
    /** The two servers serving, one request to each in turn. */
    const serving: Server[] = [];
    let turn = 0;
    const next = () => serving[turn++ % serving.length] as Server;
    let campaignId: string;

    const startServer = async (name: string): Promise<Server> => {
      const port = await freePort();
      const child = lettrine(['start'], {
        ...storage.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SMTP_URL: smtp.url,
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        // Five clients a transaction: a generation of a hundred commits, long enough to be killed part-way.
        CAMPAIGN_CHUNK_SIZE: '5',
        RENDER_WORKERS: '1',
      });
      children.push(child);
      const output = outputOf(child);
      const server: Server = {
        name,
        port,
        child,
        output,
        call: (method, path, options = {}) =>
          httpCall(port, method, path, {
            ...options,
            headers: { ...(cookie ? { cookie } : {}), ...options.headers },
          }),
      };
      await waitFor(
        `${name} ready`,
        async () => {
          if (child.exitCode !== null) throw new Error(`${name} exited: ${output()}`);
          const res = await fetch(`http://127.0.0.1:${port}/readyz`);
          return res.ok ? true : undefined;
        },
        90_000,
        100,
      );
      servers.push(server);
      return server;
    };

    beforeAll(async () => {
      storage = await freshServerStorage('two_servers');
      smtp = await startSmtpReceiver();
      hooks = await startWebhookReceiver();
      const seed = lettrine(['seed', '--clients', String(CLIENTS)], storage.env);
      const seedOutput = outputOf(seed);
      expect(await finished(seed), seedOutput()).toBe(0);
      sql = new pg.Client({ connectionString: storage.url });
      await sql.connect();
      // Started together: their migrations, job queues and start-up work meet on one database.
      serving.push(...(await Promise.all([startServer('A'), startServer('B')])));
    }, 240_000);
    afterAll(async () => {
      await killAll(children);
      await sql?.end();
      await smtp?.close();
      await hooks?.close();
      await storage?.remove();
    });

    it('shares sessions and idempotency keys: a session opened on one server, a key replayed on the other', async () => {
      const [a, b] = serving as [Server, Server];
      const login = await a.call('POST', '/auth/login', {
        body: { email: ASSOCIE.email, password: ASSOCIE.password },
      });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] as string;
      expect((await b.call('GET', '/auth/me')).status).toBe(200);

      const hook = await b.call('POST', '/webhooks', {
        body: { url: hooks.url, events: ['document.signed', 'campaign.generated'] },
      });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);

      const body = {
        name: 'Renouvellement 2027',
        settings: {
          revaluation: { method: 'coefficient', coefficient: '1.03' },
          effectiveDate: '2027-01-01',
          validUntil: '2027-12-31',
        },
      };
      const headers = { 'idempotency-key': 'campagne-2027' };
      const created = await a.call('POST', '/campaigns', { body, headers });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const replayed = await b.call('POST', '/campaigns', { body, headers });
      expect(replayed.status).toBe(201);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.body.id).toBe(created.body.id);
      campaignId = created.body.id;
      const { rows } = await sql.query('select count(*)::int as n from campaigns');
      expect(rows[0].n).toBe(1);
    });

    it(`generates ${CLIENTS} letters, one per client, though the server generating is killed part-way`, async () => {
      const [a, b] = serving as [Server, Server];
      const preview = await b.call('GET', `/campaigns/${campaignId}/preview?pageSize=1`);
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      // B paused: A, which is asked, takes the generation job, and is the one killed.
      b.child.kill('SIGSTOP');
      const started = await a.call('POST', `/campaigns/${campaignId}/generate`);
      b.child.kill('SIGCONT');
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const partway = await waitFor('a generation part-way', async () => {
        const { body } = await b.call('GET', `/campaigns/${campaignId}`);
        return body.progress.generated > 0 && body.progress.pending > 0 ? body.progress : undefined;
      });
      // The browser follows the progress on B, opened before A dies.
      const stream = readEventStream(b.port, `/campaigns/${campaignId}/events`, { cookie });
      a.child.kill('SIGKILL');
      await finished(a.child);
      serving.splice(serving.indexOf(a), 1);
      expect(partway.total).toBe(CLIENTS);
      expect(partway.pending).toBeGreaterThan(CLIENTS / 2);

      // Nobody restarts A: B alone takes the generation up and finishes it.
      const { status, events } = await within(60_000, 'the generation finished by B', stream);
      expect(status).toBe(200);
      const last = events.at(-1)?.data;
      expect(last?.status, JSON.stringify(events.slice(-3))).toBe('generated');
      expect(last.progress).toMatchObject({ total: CLIENTS, generated: CLIENTS, pending: 0, skipped: 0 });
      expect(new Set(events.map((event) => event.data.progress.generated)).size).toBeGreaterThan(1);

      const letters = await sql.query(
        `select count(*)::int as letters, count(distinct engagement_id)::int as clients
           from documents where campaign_id = $1`,
        [campaignId],
      );
      expect(letters.rows[0]).toEqual({ letters: CLIENTS, clients: CLIENTS });
      const items = await sql.query(
        `select count(distinct document_id)::int as letters from campaign_items
          where campaign_id = $1 and status = 'generated'`,
        [campaignId],
      );
      expect(items.rows[0].letters).toBe(CLIENTS);
      const generated = await sql.query(
        `select count(*)::int as n from events where type = 'campaign.generated' and data->>'campaignId' = $1`,
        [campaignId],
      );
      expect(generated.rows[0].n).toBe(1);

      // A comes back, as a supervisor would restart it, and serves beside B.
      serving.push(await startServer('A2'));
    }, 180_000);

    it(`sends and signs ${SIGNED} letters across both: one seal per letter, one mail per signing request`, async () => {
      const page = await next().call(
        'GET',
        `/campaigns/${campaignId}/items?pageSize=${SIGNED}&status=generated`,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      const letterIds = (page.body.items as { documentId: string }[]).map((item) => item.documentId);
      expect(letterIds).toHaveLength(SIGNED);

      const sent = await inBatches(SIGNED, 5, async (index) => {
        const id = letterIds[index] as string;
        const res = await next().call('POST', `/documents/${id}/send`, { body: {} });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const signing = await next().call('GET', `/documents/${id}/signing`);
        const client = signing.body.requests.find((r: { side: string }) => r.side === 'client');
        return { id, number: res.body.number as string, email: client.signerEmail as string };
      });

      const ofLetter = (number: string, address: string, subject: RegExp) => (mail: any) =>
        (mail.subject ?? '').includes(number) &&
        subject.test(mail.subject ?? '') &&
        [mail.to].flat().some((to: any) => to?.value.some((v: any) => v.address === address));

      await inBatches(SIGNED, 5, async (index) => {
        const letter = sent[index] as (typeof sent)[number];
        // Each signer at an address of their own, each request to the next server.
        const signer = { localAddress: `127.0.0.${10 + index}` };
        const token = tokenIn(
          await smtp.waitForMail(ofLetter(letter.number, letter.email, /à signer/), 30_000),
        );
        const view = await next().call('GET', `/public/signing/${token}`, signer);
        expect(view.status, JSON.stringify(view.body)).toBe(200);
        const code = await next().call('POST', `/public/signing/${token}/code`, signer);
        expect(code.status, JSON.stringify(code.body)).toBe(200);
        const codeMail = await smtp.waitForMail(ofLetter(letter.number, letter.email, /code/), 30_000);
        const verified = await next().call('POST', `/public/signing/${token}/code/verify`, {
          ...signer,
          body: { code: codeIn(codeMail) },
        });
        expect(verified.status, JSON.stringify(verified.body)).toBe(200);
        const signed = await next().call('POST', `/public/signing/${token}/sign`, {
          ...signer,
          body: { consent: true, typedName: view.body.signer.name },
        });
        expect(signed.status, JSON.stringify(signed.body)).toBe(200);
        const firm = await next().call('POST', `/documents/${letter.id}/signatures`, {
          body: { side: 'firm', method: 'electronic' },
        });
        expect(firm.status, JSON.stringify(firm.body)).toBe(201);
      });

      const ids = sent.map((letter) => letter.id);
      // Each signer gets the signed copy by mail once it is sealed: every job has run by then.
      await waitFor(
        'the sealed copies mailed',
        async () => {
          const { rows } = await sql.query(
            `select count(*)::int as n from mails where kind = 'signed_copy' and status = 'sent' and document_id = any($1)`,
            [ids],
          );
          return rows[0].n >= 2 * SIGNED ? true : undefined;
        },
        90_000,
        250,
      );
      await waitFor(
        'the webhooks',
        async () => (hooks.requests.length >= SIGNED + 1 ? true : undefined),
        30_000,
      );

      const seals = await sql.query(
        `select (select count(*)::int from document_files where purpose = 'sealed' and document_id = any($1)) as copies,
                (select count(*)::int from events where type = 'document.sealed' and document_id = any($1)) as sealed,
                (select count(distinct document_id)::int from events where type = 'document.sealed' and document_id = any($1)) as documents,
                (select count(*)::int from events where type = 'document.signed' and document_id = any($1)) as signed`,
        [ids],
      );
      expect(seals.rows[0]).toEqual({ copies: SIGNED, sealed: SIGNED, documents: SIGNED, signed: SIGNED });

      // One request mail per signing request, each sent once; nothing left queued or failed.
      const requests = await sql.query(
        `select r.document_id, r.signer_email,
                (select count(*)::int from mails m where m.document_id = r.document_id
                   and m.kind = 'signature_request' and m.to_address = r.signer_email) as mails
           from signing_requests r where r.document_id = any($1)`,
        [ids],
      );
      expect(requests.rows).toHaveLength(2 * SIGNED);
      expect(requests.rows.filter((row) => row.mails !== 1)).toEqual([]);
      const mails = await sql.query(
        `select status, message_id from mails where document_id = any($1) order by created_at`,
        [ids],
      );
      expect(mails.rows.filter((row) => row.status !== 'sent')).toEqual([]);
      // The SMTP server received each mail once: as many messages as mails, under their own ids.
      const received = smtp.mails.filter((mail) =>
        sent.some((letter) => mail.subject?.includes(letter.number)),
      );
      expect(received.map((mail) => mail.messageId).sort()).toEqual(
        mails.rows.map((row) => row.message_id).sort(),
      );

      // Each webhook delivered once: 50 letters signed, one campaign generated.
      const deliveries = hooks.requests.map((request) => JSON.parse(request.rawBody));
      const byType = (type: string) => deliveries.filter((delivery) => delivery.type === type);
      expect(new Set(deliveries.map((delivery) => delivery.id)).size).toBe(deliveries.length);
      expect(byType('document.signed')).toHaveLength(SIGNED);
      expect(new Set(byType('document.signed').map((delivery) => delivery.data.documentId))).toEqual(
        new Set(ids),
      );
      expect(byType('campaign.generated')).toHaveLength(1);
    }, 240_000);

    it('counts a public limit once across servers: an address over it on one is refused by the other', async () => {
      const [a, b] = serving as [Server, Server];
      // 120 requests a minute per address on the public signing routes, whichever server answers.
      const prober = { localAddress: '127.0.0.250' };
      const statuses = await inBatches(120, 10, (index) =>
        (index % 2 === 0 ? a : b)
          .call('GET', `/public/signing/${'x'.repeat(30)}${index}`, prober)
          .then((res) => res.status),
      );
      expect(statuses.filter((status) => status === 429)).toEqual([]);
      expect((await a.call('GET', '/public/signing/unknown-link-000000000000', prober)).status).toBe(429);
      expect((await b.call('GET', '/public/signing/unknown-link-000000000000', prober)).status).toBe(429);
    });
  },
);
