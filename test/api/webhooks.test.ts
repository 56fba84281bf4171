import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSender } from '../../src/adapters/webhooks/webhook-sender.ts';
import type { Deps } from '../../src/application/ports/index.ts';
import type { WebhookDelivery } from '../../src/application/records.ts';
import { deliverWebhook } from '../../src/application/webhooks/deliver-webhook.ts';
import { dispatchWebhookEvent } from '../../src/application/webhooks/dispatch-webhook-event.ts';
import { aService } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';
import {
  startWebhookReceiver,
  verifyLettrineSignature,
  type WebhookReceiver,
} from '../support/webhook-receiver.ts';

let ctx: TestContext;
let receiver: WebhookReceiver;
/** The jobs' dependencies: the real sender, posting to the local receiver. */
let deps: Deps;

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startWebhookReceiver();
  deps = { ...ctx.deps, webhookSender: createWebhookSender({ timeoutMs: 2_000, allowPrivateTargets: true }) };
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});
// A test that moves the clock and fails midway must not leave the next ones in its future.
afterEach(() => {
  ctx.clock.set('2026-11-29T09:00:00Z');
  receiver.respondWith(200);
});

const aWebhook = async (api: Api, body: { url?: string; events?: string[]; description?: string } = {}) => {
  const res = await api.post('/webhooks', {
    url: receiver.url,
    events: ['document.sent'],
    description: 'Logiciel de production',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string; version: number };
};

/** The history event of that type, as the job `webhook.dispatch` would receive its id. */
const historyEvent = async (firmId: string, engagementId: string, type: string) => {
  const events = await ctx.deps.store.read(firmId).events.listByEngagement(engagementId);
  const event = events.find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} event in ${events.map((e) => e.type).join(', ')}`);
  return event;
};
const historyEventId = async (firmId: string, engagementId: string, type: string) =>
  String((await historyEvent(firmId, engagementId, type)).id);

/** The firm's delivery log, newest first, as the associé reads it. */
const deliveryLog = async (api: Api, endpointId?: string): Promise<WebhookDelivery[]> => {
  const res = await api.get(endpointId ? `/webhooks/${endpointId}/deliveries` : '/webhook-deliveries');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
};

const deliveryOf = async (firmId: string, id: string): Promise<WebhookDelivery> => {
  const delivery = await ctx.deps.store.read(firmId).webhooks.findDelivery(id);
  if (!delivery) throw new Error(`no delivery ${id}`);
  return delivery;
};

describe(`webhook endpoints (${databaseKind})`, () => {
  let firm: FirmSession;
  let associe: Api;
  beforeAll(async () => {
    firm = await aFirmWithUsers(ctx);
    associe = apiAs(ctx, firm.users.associe.headers);
  });

  it('lists the events a webhook may receive, with their French labels', async () => {
    const res = await apiAs(ctx, firm.users.lecture.headers).get('/webhook-event-types');
    expect(res.status).toBe(200);
    expect(res.body.items).toContainEqual({ type: 'document.signed', label: 'Document signé' });
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual([
      'document.sent',
      'document.signed',
      'document.refused',
      'document.expired',
      'engagement.converted',
      'campaign.generated',
      'campaign.completed',
      'document.terminated',
      'billing.due',
      'vigilance.file_changed',
    ]);
    expect(res.body.items).toContainEqual({
      type: 'campaign.completed',
      label: 'Campagne de renouvellement terminée',
    });
  });

  it('creates, lists, edits and deletes a webhook; the secret is shown once', async () => {
    const created = await associe.post('/webhooks', {
      url: 'https://erp.exemple.fr/hooks/lettrine',
      events: ['document.signed', 'document.sent', 'document.signed'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: 'https://erp.exemple.fr/hooks/lettrine',
      description: null,
      events: ['document.sent', 'document.signed'],
      isActive: true,
      version: 1,
    });
    expect(created.body.secret).toMatch(/^whsec_[\w-]{43,}$/);

    const listed = await associe.get('/webhooks');
    expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(JSON.stringify(listed.body)).not.toContain('secret');

    const edited = await associe.patch(`/webhooks/${created.body.id}`, {
      version: 1,
      isActive: false,
      events: ['engagement.converted'],
      description: 'ERP',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ isActive: false, events: ['engagement.converted'], version: 2 });
    expect(edited.body).not.toHaveProperty('secret');

    const stale = await associe.patch(`/webhooks/${created.body.id}`, { version: 1, isActive: true });
    expectProblem(stale, 409, 'EDIT.STALE_VERSION');

    expect((await associe.delete(`/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await associe.get('/webhooks')).body.items.map((w: { id: string }) => w.id)).not.toContain(
      created.body.id,
    );
    expectProblem(await associe.delete(`/webhooks/${created.body.id}`), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(
      await associe.patch(`/webhooks/${created.body.id}`, { version: 2, isActive: true }),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });

  it.each(['pas une adresse', 'ftp://exemple.fr/depot', '/hooks/lettrine', 'javascript:alert(1)'])(
    'refuses the URL %j in French with WEBHOOK.URL_INVALID',
    async (url) => {
      const res = await associe.post('/webhooks', { url, events: ['document.signed'] });
      expectProblem(res, 422, 'WEBHOOK.URL_INVALID');
      expect(res.body.detail).toMatch(/URL http ou https complète/);
    },
  );

  it.each([[['document.signed', 'document.created']], [['facture.payee']], [[]]])(
    'refuses the events %j in French with WEBHOOK.EVENT_UNKNOWN',
    async (events) => {
      const res = await associe.post('/webhooks', { url: 'https://exemple.fr/h', events });
      expectProblem(res, 422, 'WEBHOOK.EVENT_UNKNOWN');
      expect(res.body.detail).toMatch(/événements choisis n’existe pas/);
    },
  );

  it('checks an edited URL and events the same way', async () => {
    const webhook = await aWebhook(associe);
    const url = await associe.patch(`/webhooks/${webhook.id}`, { version: 1, url: 'mailto:a@b.fr' });
    expectProblem(url, 422, 'WEBHOOK.URL_INVALID');
    const events = await associe.patch(`/webhooks/${webhook.id}`, { version: 1, events: ['x'] });
    expectProblem(events, 422, 'WEBHOOK.EVENT_UNKNOWN');
    await associe.delete(`/webhooks/${webhook.id}`);
  });

  it.each(['collaborateur', 'lecture'] as const)(
    'keeps webhooks to the associés: a %s gets 403',
    async (role) => {
      const webhook = await aWebhook(associe);
      const api = apiAs(ctx, firm.users[role].headers);
      expectProblem(
        await api.post('/webhooks', { url: 'https://exemple.fr/h', events: ['document.signed'] }),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await api.get('/webhooks'), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.patch(`/webhooks/${webhook.id}`, { version: 1 }), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.delete(`/webhooks/${webhook.id}`), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.get(`/webhooks/${webhook.id}/deliveries`), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.get('/webhook-deliveries'), 403, 'AUTH.FORBIDDEN');
      await associe.delete(`/webhooks/${webhook.id}`);
    },
  );

  it('does not show another firm’s webhook', async () => {
    const webhook = await aWebhook(associe);
    const other = apiAs(ctx, (await aFirmWithUsers(ctx, 'Cabinet Voisin')).users.associe.headers);
    expect((await other.get('/webhooks')).body).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
    expectProblem(await other.get(`/webhooks/${webhook.id}/deliveries`), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await other.delete(`/webhooks/${webhook.id}`), 404, 'RESOURCE.NOT_FOUND');
    await associe.delete(`/webhooks/${webhook.id}`);
  });
});

describe(`webhook deliveries (${databaseKind})`, () => {
  it('delivers a sent document once, signed with the secret the firm was given', async () => {
    const firm = await aFirmWithUsers(ctx);
    const associe = apiAs(ctx, firm.users.associe.headers);
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const webhook = await aWebhook(associe, { events: ['document.sent'] });
    const other = await aWebhook(associe, { events: ['document.signed'] });
    const serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id)).id;
    const prospect = await aProspect(collab, 'Fromagerie Girard');
    const proposal = await aDraft(collab, prospect.id, serviceId);
    const sent = await send(collab, proposal.id);
    const event = await historyEvent(firm.firmId, prospect.id, 'document.sent');
    const eventId = String(event.id);

    await dispatchWebhookEvent(deps, { firmId: firm.firmId, historyEventId: eventId });
    // The queue runs a job at least once: dispatching the same event again creates nothing.
    await dispatchWebhookEvent(deps, { firmId: firm.firmId, historyEventId: eventId });
    const log = await deliveryLog(associe);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ endpointId: webhook.id, eventId: `evt_${eventId}`, status: 'pending' });
    expect(await deliveryLog(associe, other.id)).toEqual([]);
    const deliveryId = log[0]?.id ?? '';

    const before = receiver.requests.length;
    await deliverWebhook(deps, { firmId: firm.firmId, deliveryId }, { final: false });
    const [request] = (await receiver.waitForRequests(before + 1)).slice(before);
    if (!request) throw new Error('no request');
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['lettrine-event']).toBe('document.sent');
    expect(request.headers['lettrine-delivery']).toBe(deliveryId);
    expect(JSON.parse(request.rawBody)).toEqual({
      id: `evt_${eventId}`,
      type: 'document.sent',
      createdAt: ctx.clock.now().toISOString(),
      data: {
        engagementId: prospect.id,
        documentId: proposal.id,
        document: {
          id: proposal.id,
          kind: 'proposal',
          number: sent.number,
          status: 'sent',
          title: expect.any(String),
        },
        before: { status: 'draft' },
        after: expect.objectContaining({ status: 'sent', number: sent.number }),
        details: event.data ?? null,
      },
    });
    expect(Object.keys(JSON.parse(request.rawBody))).toEqual(['id', 'type', 'createdAt', 'data']);

    const header = String(request.headers['lettrine-signature']);
    const now = ctx.clock.now();
    expect(header).toMatch(new RegExp(`^t=${Math.floor(now.getTime() / 1000)},v1=[0-9a-f]{64}$`));
    expect(verifyLettrineSignature(request.rawBody, header, webhook.secret, { now })).toBe(true);
    const tampered = request.rawBody.replace('"sent"', '"signed"');
    expect(verifyLettrineSignature(tampered, header, webhook.secret, { now })).toBe(false);
    expect(verifyLettrineSignature(request.rawBody, header, other.secret, { now })).toBe(false);
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(verifyLettrineSignature(request.rawBody, header, webhook.secret, { now: later })).toBe(false);

    expect(await deliveryOf(firm.firmId, deliveryId)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: now,
    });
    // The queue delivers at least once: a second run of the job posts nothing.
    await deliverWebhook(deps, { firmId: firm.firmId, deliveryId }, { final: false });
    expect(receiver.requests.length).toBe(before + 1);
    expect((await deliveryOf(firm.firmId, deliveryId)).attempts).toBe(1);
  });

  it('records a refused delivery, retries it, fails it at the last try, and replays it', async () => {
    const firm = await aFirmWithUsers(ctx);
    const associe = apiAs(ctx, firm.users.associe.headers);
    const webhook = await aWebhook(associe, { events: ['engagement.converted'] });
    const prospect = await aProspect(apiAs(ctx, firm.users.collaborateur.headers), 'Garage Lemoine');
    const converted = await associe.post(`/engagements/${prospect.id}/convert`, {
      reason: 'Client historique',
    });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const eventId = await historyEventId(firm.firmId, prospect.id, 'engagement.converted');
    await dispatchWebhookEvent(deps, { firmId: firm.firmId, historyEventId: eventId });
    const deliveryId = (await deliveryLog(associe))[0]?.id ?? '';
    const job = { firmId: firm.firmId, deliveryId };

    receiver.respondWith(500);
    const before = receiver.requests.length;
    await expect(deliverWebhook(deps, job, { final: false })).rejects.toThrow(/500/);
    expect(await deliveryOf(firm.firmId, deliveryId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'Le destinataire a répondu 500.',
      deliveredAt: null,
    });
    const body = JSON.parse(receiver.requests[before]?.rawBody ?? '{}');
    expect(body.data).toMatchObject({ engagementId: prospect.id, documentId: null, document: null });

    await deliverWebhook(deps, job, { final: true });
    const failed = await deliveryOf(firm.firmId, deliveryId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 500 });

    receiver.respondWith(200);
    ctx.clock.set('2026-11-29T10:00:00Z');
    const replayed = await associe.post(`/webhook-deliveries/${deliveryId}/replay`);
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(202);
    expect(replayed.body).toMatchObject({
      endpointId: webhook.id,
      eventId: `evt_${eventId}`,
      eventType: 'engagement.converted',
      status: 'pending',
      attempts: 0,
      replayOf: deliveryId,
    });
    await deliverWebhook(deps, { firmId: firm.firmId, deliveryId: replayed.body.id }, { final: false });
    expect(await deliveryOf(firm.firmId, replayed.body.id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
    });
    const replayBody = JSON.parse(receiver.requests.at(-1)?.rawBody ?? '{}');
    expect(replayBody).toEqual({ ...body });
    expect(receiver.requests.at(-1)?.headers['lettrine-delivery']).toBe(replayed.body.id);

    const log = await associe.get(`/webhooks/${webhook.id}/deliveries?page=1&pageSize=10`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((d: { id: string }) => d.id)).toEqual([replayed.body.id, deliveryId]);
    expect(log.body.items[1]).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 500 });
    const all = await associe.get('/webhook-deliveries?pageSize=1');
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.body.items[0].id).toBe(replayed.body.id);

    // Replayed once: a second replay of the same delivery is a conflict; the replay is the one to replay.
    expectProblem(await associe.post(`/webhook-deliveries/${deliveryId}/replay`), 409, 'EDIT.STALE_VERSION');
    expect((await associe.post(`/webhook-deliveries/${replayed.body.id}/replay`)).status).toBe(202);
    expectProblem(
      await apiAs(ctx, firm.users.collaborateur.headers).post(`/webhook-deliveries/${deliveryId}/replay`),
      403,
      'AUTH.FORBIDDEN',
    );
    ctx.clock.set('2026-11-29T09:00:00Z');
  });

  it('records an unreachable receiver, and abandons the deliveries of a disabled webhook', async () => {
    const firm = await aFirmWithUsers(ctx);
    const associe = apiAs(ctx, firm.users.associe.headers);
    const closed = await startWebhookReceiver();
    await closed.close();
    const unreachable = await aWebhook(associe, { url: closed.url, events: ['engagement.converted'] });
    const disabled = await aWebhook(associe, { events: ['engagement.converted'] });
    const prospect = await aProspect(apiAs(ctx, firm.users.collaborateur.headers), 'Scierie Brun');
    await associe.post(`/engagements/${prospect.id}/convert`, { reason: 'Client historique' });
    const eventId = await historyEventId(firm.firmId, prospect.id, 'engagement.converted');
    await dispatchWebhookEvent(deps, { firmId: firm.firmId, historyEventId: eventId });
    expect(await deliveryLog(associe)).toHaveLength(2);

    const toUnreachable = (await deliveryLog(associe, unreachable.id))[0]?.id ?? '';
    await expect(
      deliverWebhook(deps, { firmId: firm.firmId, deliveryId: toUnreachable }, { final: false }),
    ).rejects.toThrow(/injoignable/);
    expect(await deliveryOf(firm.firmId, toUnreachable)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      // Fixed words, not the socket's message (which names the address and port it tried).
      lastError: 'Destinataire injoignable : connexion refusée',
    });

    expect((await associe.patch(`/webhooks/${disabled.id}`, { version: 1, isActive: false })).status).toBe(
      200,
    );
    const toDisabled = (await deliveryLog(associe, disabled.id))[0]?.id ?? '';
    const before = receiver.requests.length;
    await deliverWebhook(deps, { firmId: firm.firmId, deliveryId: toDisabled }, { final: false });
    expect(receiver.requests.length).toBe(before);
    expect(await deliveryOf(firm.firmId, toDisabled)).toMatchObject({
      status: 'failed',
      attempts: 0,
      lastError: expect.stringMatching(/^Webhook désactivé/),
    });
  });

  it('sends nothing for an event no active webhook listens to', async () => {
    const firm = await aFirmWithUsers(ctx);
    const associe = apiAs(ctx, firm.users.associe.headers);
    const webhook = await aWebhook(associe, { events: ['engagement.converted'] });
    await associe.patch(`/webhooks/${webhook.id}`, { version: 1, isActive: false });
    const prospect = await aProspect(apiAs(ctx, firm.users.collaborateur.headers), 'Cave Roux');
    await associe.post(`/engagements/${prospect.id}/convert`, { reason: 'Client historique' });
    const eventId = await historyEventId(firm.firmId, prospect.id, 'engagement.converted');
    await dispatchWebhookEvent(deps, { firmId: firm.firmId, historyEventId: eventId });
    const created = await historyEventId(firm.firmId, prospect.id, 'engagement.created');
    await dispatchWebhookEvent(deps, { firmId: firm.firmId, historyEventId: created });
    await dispatchWebhookEvent(deps, { firmId: firm.firmId, historyEventId: 'pas-un-nombre' });
    expect(await deliveryLog(associe)).toEqual([]);
  });
});
