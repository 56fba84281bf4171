import { WEBHOOK_EVENT_TYPES } from '../events.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { HistoryEvent } from '../records.ts';

/** What a receiver gets: the event's id is stable, so a receiver can ignore a repeat. */
export type WebhookPayload = {
  id: string;
  type: string;
  createdAt: string;
  data: {
    engagementId: string | null;
    documentId: string | null;
    document: { id: string; kind: string; number: string | null; status: string; title: string } | null;
    before: unknown;
    after: unknown;
    details: unknown;
  };
};

export const webhookEventId = (historyEventId: number): string => `evt_${historyEventId}`;

const payloadOf = async (scope: FirmScope, event: HistoryEvent): Promise<WebhookPayload> => {
  const document = event.documentId ? await scope.documents.find(event.documentId) : undefined;
  return {
    id: webhookEventId(event.id),
    type: event.type,
    createdAt: event.at.toISOString(),
    data: {
      engagementId: event.engagementId,
      documentId: event.documentId,
      document: document
        ? {
            id: document.id,
            kind: document.kind,
            number: document.number,
            status: document.status,
            title: document.title,
          }
        : null,
      before: event.before ?? null,
      after: event.after ?? null,
      details: event.data ?? null,
    },
  };
};

/**
 * The `webhook.dispatch` job: one delivery per active endpoint subscribed to the event, each with
 * its own `webhook.deliver` job. The unique key (endpoint, event) makes a repeated run (the queue
 * delivers at least once) create nothing twice. The document is read as it is now, which may be
 * later than the event: the event's own before/after say what it changed.
 */
export const dispatchWebhookEvent = (
  deps: Deps,
  input: { firmId: string; historyEventId: string | number },
): Promise<void> =>
  deps.store.transaction(input.firmId, async (scope) => {
    const historyEventId = Number(input.historyEventId);
    if (!Number.isSafeInteger(historyEventId)) return;
    const event = await scope.events.find(historyEventId);
    if (!event || !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type)) return;
    // An endpoint receives the events that happened once it existed, not those its dispatch met late.
    const subscribers = (await scope.webhooks.listSubscribers(event.type)).filter(
      (endpoint) => endpoint.createdAt.getTime() <= event.at.getTime(),
    );
    if (subscribers.length === 0) return;
    const payload = await payloadOf(scope, event);
    for (const endpoint of subscribers) {
      const id = deps.ids.uuid();
      const inserted = await scope.webhooks.insertDelivery({
        id,
        endpointId: endpoint.id,
        eventId: payload.id,
        eventType: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        lastStatusCode: null,
        lastError: null,
        lastAttemptAt: null,
        deliveredAt: null,
        replayOf: null,
        createdAt: deps.clock.now(),
      });
      if (inserted) {
        await scope.jobs.enqueue({ name: 'webhook.deliver', data: { firmId: input.firmId, deliveryId: id } });
      }
    }
  });
