import type { Page, WebhookDelivery, WebhookEndpoint } from '../records.ts';
import type { Versioned } from './shared.ts';

export type WebhookRepository = {
  findEndpoint(id: string): Promise<WebhookEndpoint | undefined>;
  listEndpoints(): Promise<WebhookEndpoint[]>;
  /** The active endpoints subscribed to an event type (their secrets stay in the store until delivery). */
  listSubscribers(eventType: string): Promise<WebhookEndpoint[]>;
  findSecret(endpointId: string): Promise<string | undefined>;
  insertEndpoint(endpoint: WebhookEndpoint & { secret: string }): Promise<void>;
  updateEndpoint(
    input: Versioned<Pick<WebhookEndpoint, 'url' | 'description' | 'events' | 'isActive'>>,
  ): Promise<WebhookEndpoint | undefined>;
  deleteEndpoint(id: string): Promise<boolean>;
  findDelivery(id: string): Promise<WebhookDelivery | undefined>;
  listDeliveries(filter: {
    endpointId?: string;
    page: number;
    pageSize: number;
  }): Promise<Page<WebhookDelivery>>;
  /** False when this endpoint already has this event (a dispatch repeated). */
  insertDelivery(delivery: WebhookDelivery): Promise<boolean>;
  updateDelivery(
    id: string,
    fields: Partial<
      Pick<
        WebhookDelivery,
        'status' | 'attempts' | 'lastStatusCode' | 'lastError' | 'lastAttemptAt' | 'deliveredAt'
      >
    >,
  ): Promise<void>;
};
