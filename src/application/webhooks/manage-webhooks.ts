import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found, notStale } from '../app-error.ts';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../events.ts';
import type { Deps } from '../ports/index.ts';
import type { Page, WebhookDelivery, WebhookEndpoint } from '../records.ts';

/** What the firm chooses from, in the words of its screens. */
export const WEBHOOK_EVENT_LABELS = {
  'document.sent': 'Document envoyé',
  'document.signed': 'Document signé',
  'document.refused': 'Document refusé',
  'document.expired': 'Document expiré',
  'engagement.converted': 'Prospect devenu client',
  'campaign.generated': 'Campagne de renouvellement générée',
  'campaign.completed': 'Campagne de renouvellement terminée',
  'document.terminated': 'Lettre de mission dénoncée ou résiliée',
  'billing.due': 'Échéances du mois à facturer',
  'vigilance.file_changed': 'Dossier LCB-FT modifié',
} as const satisfies Record<WebhookEventType, string>;

export const listWebhookEventTypes = (): { type: WebhookEventType; label: string }[] =>
  WEBHOOK_EVENT_TYPES.map((type) => ({ type, label: WEBHOOK_EVENT_LABELS[type] }));

/**
 * A complete http(s) URL that the sender agrees to reach: not a private, loopback or link-local
 * address, nor plain http in production (unless the configuration allows private targets). A name is
 * checked again, resolved, at each delivery: what it points to may change after it is registered.
 */
const assertWebhookUrl = (deps: Pick<Deps, 'webhookSender'>, url: string): string => {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('WEBHOOK.URL_INVALID', { url });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new AppError('WEBHOOK.URL_INVALID', { url });
  }
  const check = deps.webhookSender.checkTarget(parsed.href);
  if (!check.allowed) throw new AppError('WEBHOOK.TARGET_NOT_ALLOWED', { url, reason: check.refusal });
  return parsed.href;
};

/** A non-empty set of known types, without repeats, in the catalogue's order. */
const assertWebhookEvents = (events: readonly string[]): WebhookEventType[] => {
  const unknown = events.filter((event) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(event));
  if (events.length === 0 || unknown.length > 0) {
    throw new AppError('WEBHOOK.EVENT_UNKNOWN', { unknown, allowed: [...WEBHOOK_EVENT_TYPES] });
  }
  return WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type));
};

/** The secret is shown once, at creation: the firm keeps it, Lettrine signs every delivery with it. */
export const createWebhookEndpoint = async (
  deps: Deps,
  actor: Actor,
  input: { url: string; description?: string | null; events: readonly string[] },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> => {
  assertIsAssocie(actor);
  const now = deps.clock.now();
  const endpoint: WebhookEndpoint = {
    id: deps.ids.uuid(),
    url: assertWebhookUrl(deps, input.url),
    description: input.description ?? null,
    events: assertWebhookEvents(input.events),
    isActive: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const secret = `whsec_${deps.secrets.newToken()}`;
  await deps.store.read(actor.firmId).webhooks.insertEndpoint({ ...endpoint, secret });
  return { endpoint, secret };
};

export const listWebhookEndpoints = (deps: Deps, actor: Actor): Promise<WebhookEndpoint[]> => {
  assertIsAssocie(actor);
  return deps.store.read(actor.firmId).webhooks.listEndpoints();
};

export type WebhookEndpointFields = Partial<{
  url: string;
  description: string | null;
  events: readonly string[];
  isActive: boolean;
}>;

export const updateWebhookEndpoint = (
  deps: Deps,
  actor: Actor,
  input: { endpointId: string; version: number; fields: WebhookEndpointFields },
): Promise<WebhookEndpoint> => {
  assertIsAssocie(actor);
  const { url, events, ...rest } = input.fields;
  const fields = {
    ...rest,
    ...(url === undefined ? {} : { url: assertWebhookUrl(deps, url) }),
    ...(events === undefined ? {} : { events: assertWebhookEvents(events) }),
  };
  return deps.store.transaction(actor.firmId, async (scope) => {
    found(await scope.webhooks.findEndpoint(input.endpointId), 'webhook');
    return notStale(
      await scope.webhooks.updateEndpoint({
        id: input.endpointId,
        expectedVersion: input.version,
        fields,
        at: deps.clock.now(),
      }),
    );
  });
};

/** Its delivery log goes with it (a cascade): a deleted endpoint receives nothing more. */
export const deleteWebhookEndpoint = async (
  deps: Deps,
  actor: Actor,
  input: { endpointId: string },
): Promise<void> => {
  assertIsAssocie(actor);
  const deleted = await deps.store.read(actor.firmId).webhooks.deleteEndpoint(input.endpointId);
  if (!deleted) throw new AppError('RESOURCE.NOT_FOUND', { resource: 'webhook' });
};

/** The delivery log, newest first: of one endpoint, or of every endpoint of the firm. */
export const listWebhookDeliveries = async (
  deps: Deps,
  actor: Actor,
  input: { endpointId?: string; page: number; pageSize: number },
): Promise<Page<WebhookDelivery>> => {
  assertIsAssocie(actor);
  const webhooks = deps.store.read(actor.firmId).webhooks;
  if (input.endpointId !== undefined) found(await webhooks.findEndpoint(input.endpointId), 'webhook');
  return webhooks.listDeliveries(input);
};

/**
 * Sends an event again, as a new delivery of the same event (same id and payload, so a receiver
 * that did process it can tell). A delivery is replayed once: the unique key (endpoint, event,
 * replayOf) refuses a second replay of it, which answers 409; the newest replay is the one to replay.
 */
export const replayWebhookDelivery = (
  deps: Deps,
  actor: Actor,
  input: { deliveryId: string },
): Promise<WebhookDelivery> => {
  assertIsAssocie(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const original = found(await scope.webhooks.findDelivery(input.deliveryId), 'webhook_delivery');
    const replay: WebhookDelivery = {
      id: deps.ids.uuid(),
      endpointId: original.endpointId,
      eventId: original.eventId,
      eventType: original.eventType,
      payload: original.payload,
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      lastAttemptAt: null,
      deliveredAt: null,
      replayOf: original.id,
      createdAt: deps.clock.now(),
    };
    if (!(await scope.webhooks.insertDelivery(replay))) {
      throw new AppError('EDIT.STALE_VERSION', { deliveryId: original.id, alreadyReplayed: true });
    }
    await scope.jobs.enqueue({
      name: 'webhook.deliver',
      data: { firmId: actor.firmId, deliveryId: replay.id },
    });
    return replay;
  });
};
