import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../application/events.ts';
import {
  clearableText,
  flag,
  frenchObject,
  instantOut,
  pageQuery,
  text,
  versionField,
} from './fields.schemas.ts';

/**
 * The URL and the event names are checked by the use case, so that a wrong one answers its own
 * code (WEBHOOK.URL_INVALID, WEBHOOK.EVENT_UNKNOWN) rather than a generic validation failure.
 */
const urlField = text(2000).meta({ description: 'URL http ou https complète du destinataire' });
const eventsField = z
  .array(z.string({ error: 'Nom d’événement attendu, par exemple document.signed.' }).max(100), {
    error: 'Liste d’événements attendue, par exemple ["document.signed"].',
  })
  .max(50, { error: 'Trop d’événements : 50 au plus.' })
  .meta({ description: `Événements reçus, parmi : ${WEBHOOK_EVENT_TYPES.join(', ')}` });

export const createWebhookBody = frenchObject({
  url: urlField,
  description: clearableText(500),
  events: eventsField,
});

export const updateWebhookBody = frenchObject({
  version: versionField,
  url: urlField.optional(),
  description: clearableText(500),
  events: eventsField.optional(),
  isActive: flag.optional(),
});

export const deliveriesQuery = pageQuery;

export const webhookOut = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: instantOut,
  updatedAt: instantOut,
});

/** Only the answer to the creation carries the secret: it is never shown again. */
export const createdWebhookOut = webhookOut.extend({
  secret: z.string().meta({ description: 'Secret de signature (whsec_…), affiché une seule fois' }),
});

export const webhookDeliveryOut = z.object({
  id: z.uuid(),
  endpointId: z.uuid(),
  eventId: z.string(),
  eventType: z.string(),
  payload: z.unknown(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: instantOut.nullable(),
  deliveredAt: instantOut.nullable(),
  replayOf: z.uuid().nullable(),
  createdAt: instantOut,
});

export const webhookEventTypeOut = z.object({ type: z.enum(WEBHOOK_EVENT_TYPES), label: z.string() });
