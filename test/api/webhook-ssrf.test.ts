import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSender, type Resolver } from '../../src/adapters/webhooks/webhook-sender.ts';
import type { Deps } from '../../src/application/ports/index.ts';
import { deliverWebhook } from '../../src/application/webhooks/deliver-webhook.ts';
import { dispatchWebhookEvent } from '../../src/application/webhooks/dispatch-webhook-event.ts';
import { aProspect, expectProblem } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

/*
 * Issue 20, item 10: a webhook could be pointed at 127.0.0.1, ::1, 10/8 or the cloud's metadata
 * service (169.254.169.254), and Lettrine posted there from inside the network. Now such a target is
 * refused when it is registered, and again at each delivery once its name is resolved; the
 * connection goes to the very address that was checked; redirects are not followed and the delivery
 * log keeps the receiver's status, never its answer.
 */
let strict: TestContext;
let open: TestContext;
let receiver: WebhookReceiver;

beforeAll(async () => {
  // What production does: private targets refused, plain http refused.
  strict = await createTestContext({ webhooks: { allowPrivateTargets: false, requireHttps: true } });
  // Registration open (the tests' receivers are on 127.0.0.1), so that delivery checks are seen alone.
  open = await createTestContext();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await strict.close();
  await open.close();
});

const PRIVATE_URLS = [
  'http://127.0.0.1:8080/hooks',
  'http://[::1]/hooks',
  'http://10.0.0.5/hooks',
  'http://172.16.3.4/hooks',
  'http://192.168.1.10/hooks',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fc00::1]/hooks',
  'http://[fd12:3456::1]/hooks',
  'http://[fe80::1]/hooks',
  'http://0.0.0.0/hooks',
  'http://[::]/hooks',
  'http://[::ffff:127.0.0.1]/hooks',
  'http://[::ffff:a9fe:a9fe]/hooks',
  'http://100.64.0.1/hooks',
  // The URL parser reads these as 127.0.0.1.
  'http://2130706433/hooks',
  'http://0x7f.1/hooks',
  'http://127.1/hooks',
  'http://localhost:3000/hooks',
  'http://LOCALHOST./hooks',
  'http://admin.localhost/hooks',
].map((url) => url.replace(/^http:/, 'https:'));

describe(`webhook targets at registration (${databaseKind})`, () => {
  let associe: Api;
  beforeAll(async () => {
    associe = apiAs(strict, (await aFirmWithUsers(strict)).users.associe.headers);
  });

  it.each(PRIVATE_URLS)('refuses %s with WEBHOOK.TARGET_NOT_ALLOWED, in French', async (url) => {
    const res = await associe.post('/webhooks', { url, events: ['document.signed'] });
    expectProblem(res, 422, 'WEBHOOK.TARGET_NOT_ALLOWED');
    expect(res.body.detail).toMatch(/adresse privée, locale ou interne/);
  });

  it('refuses plain http in production, and a private address given when the URL is edited', async () => {
    const http = await associe.post('/webhooks', {
      url: 'http://erp.exemple.fr/h',
      events: ['document.signed'],
    });
    expectProblem(http, 422, 'WEBHOOK.TARGET_NOT_ALLOWED');
    const created = await associe.post('/webhooks', {
      url: 'https://erp.exemple.fr/hooks/lettrine',
      events: ['document.signed'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const edited = await associe.patch(`/webhooks/${created.body.id}`, {
      version: 1,
      url: 'https://169.254.169.254/latest/meta-data/',
    });
    expectProblem(edited, 422, 'WEBHOOK.TARGET_NOT_ALLOWED');
    expect((await associe.get('/webhooks')).body.items[0].url).toBe('https://erp.exemple.fr/hooks/lettrine');
  });

  it('accepts a public address', async () => {
    for (const url of ['https://93.184.216.34/h', 'https://[2606:4700:4700::1111]/h', 'https://8.8.8.8/h']) {
      const res = await associe.post('/webhooks', { url, events: ['document.signed'] });
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });
});

describe(`webhook targets at delivery (${databaseKind})`, () => {
  let firm: FirmSession;
  let associe: Api;
  beforeAll(async () => {
    firm = await aFirmWithUsers(open);
    associe = apiAs(open, firm.users.associe.headers);
  });

  /** A webhook at `url` (registered on the open context) and one delivery of a fresh event to it. */
  const aDeliveryTo = async (url: string) => {
    const webhook = await associe.post('/webhooks', { url, events: ['engagement.converted'] });
    expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
    const prospect = await aProspect(apiAs(open, firm.users.collaborateur.headers), 'Verrerie Blanc');
    await associe.post(`/engagements/${prospect.id}/convert`, { reason: 'Client historique' });
    const events = await open.deps.store.read(firm.firmId).events.listByEngagement(prospect.id);
    const event = events.find((e) => e.type === 'engagement.converted');
    await dispatchWebhookEvent(open.deps, { firmId: firm.firmId, historyEventId: String(event?.id) });
    const log = await associe.get(`/webhooks/${webhook.body.id}/deliveries`);
    return { firmId: firm.firmId, deliveryId: log.body.items[0].id as string, webhookId: webhook.body.id };
  };
  const deliveryOf = async (deliveryId: string) =>
    (await open.deps.store.read(firm.firmId).webhooks.findDelivery(deliveryId)) ??
    (() => {
      throw new Error('no delivery');
    })();
  const senderDeps = (options: Parameters<typeof createWebhookSender>[0]): Deps => ({
    ...open.deps,
    webhookSender: createWebhookSender({ timeoutMs: 2_000, ...options }),
  });
  const resolving =
    (table: Record<string, string[]>, calls: string[] = []): Resolver =>
    async (hostname) => {
      calls.push(hostname);
      return (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };

  it('refuses a name that resolves to a private address, sends nothing, and does not retry', async () => {
    const url = `http://interne.exemple.test:${receiver.port}/lettrine`;
    const job = await aDeliveryTo(url);
    const deps = senderDeps({ resolver: resolving({ 'interne.exemple.test': ['127.0.0.1'] }) });
    const before = receiver.requests.length;
    // Not thrown: the queue would only try again the same refused address.
    await deliverWebhook(deps, job, { final: false });
    expect(receiver.requests.length).toBe(before);
    expect(await deliveryOf(job.deliveryId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: null,
      lastError:
        'Envoi refusé : adresse refusée : le nom du destinataire désigne une adresse privée, locale ou interne.',
    });
  });

  it('refuses a name when any of its addresses is private', async () => {
    const job = await aDeliveryTo(`http://double.exemple.test:${receiver.port}/lettrine`);
    const resolver = resolving({ 'double.exemple.test': ['93.184.216.34', '::ffff:10.0.0.1'] });
    await deliverWebhook(senderDeps({ resolver }), job, { final: false });
    expect(await deliveryOf(job.deliveryId)).toMatchObject({ status: 'failed', lastStatusCode: null });
  });

  it('refuses at delivery a private address registered before the check existed', async () => {
    const job = await aDeliveryTo(receiver.url);
    const before = receiver.requests.length;
    await deliverWebhook(senderDeps({}), job, { final: false });
    expect(receiver.requests.length).toBe(before);
    expect((await deliveryOf(job.deliveryId)).status).toBe('failed');
  });

  it('connects to the address it resolved and checked, never to a second answer (DNS rebinding)', async () => {
    const inside = await startWebhookReceiver({ host: '127.0.0.2' });
    try {
      // The first answer is the receiver; any later one would be the "internal" service on 127.0.0.2.
      const calls: string[] = [];
      const answers = [['127.0.0.1'], ['127.0.0.2']];
      const rebinding: Resolver = async (hostname) => {
        calls.push(hostname);
        return (answers[Math.min(calls.length - 1, 1)] ?? []).map((address) => ({ address, family: 4 }));
      };
      const job = await aDeliveryTo(`http://rebind.exemple.test:${receiver.port}/lettrine`);
      const before = receiver.requests.length;
      await deliverWebhook(senderDeps({ allowPrivateTargets: true, resolver: rebinding }), job, {
        final: false,
      });
      expect(calls).toEqual(['rebind.exemple.test']);
      expect(receiver.requests.length).toBe(before + 1);
      expect(inside.requests).toEqual([]);
      expect((await deliveryOf(job.deliveryId)).status).toBe('delivered');
    } finally {
      await inside.close();
    }
  });

  describe('the answer', () => {
    let server: Server;
    let port = 0;
    let answer: { status: number; headers?: Record<string, string>; body: string } = {
      status: 200,
      body: '',
    };
    beforeAll(async () => {
      server = createServer((request, response) => {
        request.resume();
        request.on('end', () => response.writeHead(answer.status, answer.headers).end(answer.body));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const openDeps = () => senderDeps({ allowPrivateTargets: true });

    it('does not follow a redirect: a 3xx is a failed delivery', async () => {
      answer = { status: 307, headers: { location: receiver.url }, body: '' };
      const job = await aDeliveryTo(`http://127.0.0.1:${port}/lettrine`);
      const before = receiver.requests.length;
      await expect(deliverWebhook(openDeps(), job, { final: false })).rejects.toThrow(/307/);
      expect(receiver.requests.length).toBe(before);
      expect(await deliveryOf(job.deliveryId)).toMatchObject({
        status: 'pending',
        lastStatusCode: 307,
        lastError: 'Le destinataire a répondu 307 (redirection non suivie).',
      });
    });

    it('keeps the status, never the receiver’s answer', async () => {
      const secret = 'root:x:0:0:root:/root:/bin/bash — ami-id i-0abc123 AccessKeyId AKIA';
      answer = { status: 500, headers: { 'content-type': 'text/plain' }, body: secret };
      const job = await aDeliveryTo(`http://127.0.0.1:${port}/lettrine`);
      await deliverWebhook(openDeps(), job, { final: true });
      const delivery = await deliveryOf(job.deliveryId);
      expect(delivery).toMatchObject({
        status: 'failed',
        lastStatusCode: 500,
        lastError: 'Le destinataire a répondu 500.',
      });
      const log = await associe.get('/webhook-deliveries?pageSize=100');
      expect(JSON.stringify(log.body)).not.toMatch(/root:x|AKIA|ami-id/);
    });

    it('gives up on a receiver slower than the timeout, in fixed words', async () => {
      const slow = await startWebhookReceiver({ answerAfterMs: 2_000 });
      try {
        const job = await aDeliveryTo(slow.url);
        const deps = senderDeps({ allowPrivateTargets: true, timeoutMs: 300 });
        const started = Date.now();
        await expect(deliverWebhook(deps, job, { final: false })).rejects.toThrow(/injoignable/);
        expect(Date.now() - started).toBeLessThan(1_500);
        expect((await deliveryOf(job.deliveryId)).lastError).toBe(
          'Destinataire injoignable : pas de réponse en 0.3 s',
        );
      } finally {
        await slow.close();
      }
    });
  });
});
