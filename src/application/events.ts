import type { Actor } from './actor.ts';
import type { FirmScope } from './ports/index.ts';
import { NOTIFIED_EVENT_TYPES } from './records.ts';

export const EVENT_TYPES = [
  'engagement.created',
  'engagement.updated',
  'engagement.converted',
  'document.created',
  'document.updated',
  'document.sent',
  'document.signature_recorded',
  'document.signed',
  'document.refused',
  'document.cancelled',
  'document.expired',
  'document.replaced',
  'document.terminated',
  'document.line_done',
  'document.duplicated',
  'document.signing_link_opened',
  'document.signing_code_sent',
  'document.signing_code_failed',
  'document.signing_locked',
  'document.signing_reminder_sent',
  'document.signing_link_resent',
  'document.signing_code_verified',
  'document.signing_mail_read',
  'document.sealed',
  'document.seal_failed',
  'campaign.created',
  'campaign.generation_started',
  'campaign.generated',
  'campaign.sending_started',
  'campaign.sent',
  'campaign.completed',
  'billing.month_exported',
  'billing.due',
  'vigilance.file_changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The history events a firm's webhooks may receive. */
export const WEBHOOK_EVENT_TYPES = [
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
] as const satisfies readonly EventType[];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Those the people in charge of a document hear of in the app (records.ts), history events all. */
const NOTIFIED: readonly EventType[] = NOTIFIED_EVENT_TYPES;
const isNotified = (type: EventType) => NOTIFIED.includes(type);

const isWebhookEvent = (type: EventType): type is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

/**
 * Appends one history event in the caller's transaction (habit 5: state and history commit together).
 * An event webhooks may receive also queues its dispatch, and one the people in charge of a document
 * hear of writes their notifications, in the same transaction.
 */
export const recordEvent = async (
  scope: FirmScope,
  input: {
    type: EventType;
    actor: Pick<Actor, 'userId'> | null;
    at: Date;
    /** Null for a firm-wide event (a renewal campaign's). */
    engagementId: string | null;
    documentId?: string | null;
    before?: unknown;
    after?: unknown;
    data?: unknown;
  },
) => {
  const id = await scope.events.append({
    type: input.type,
    actorUserId: input.actor?.userId ?? null,
    at: input.at,
    engagementId: input.engagementId,
    documentId: input.documentId ?? null,
    before: input.before,
    after: input.after,
    data: input.data,
  });
  if (isNotified(input.type) && input.documentId)
    await scope.notifications.notifyDocumentEvent({
      eventId: id,
      documentId: input.documentId,
      actorUserId: input.actor?.userId ?? null,
    });
  if (isWebhookEvent(input.type)) {
    await scope.jobs.enqueue({
      name: 'webhook.dispatch',
      data: { firmId: scope.firmId, historyEventId: String(id) },
    });
  }
};
