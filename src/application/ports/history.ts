import type { HistoryEvent, NewEvent } from '../records.ts';

export type EventRepository = {
  /** Returns the event's id. */
  append(event: NewEvent): Promise<number>;
  /** Many events at once, none of which webhooks receive (a campaign's letters created). */
  appendMany(events: NewEvent[]): Promise<void>;
  find(id: number): Promise<HistoryEvent | undefined>;
  listByEngagement(engagementId: string): Promise<HistoryEvent[]>;
  listByDocument(documentId: string): Promise<HistoryEvent[]>;
};

export type IdempotencyRepository = {
  /**
   * Claims a key: 'new' for the first caller; the stored response (or 'pending') afterwards.
   * A pending claim older than `abandonedBefore` belongs to a request that died mid-way: it is
   * taken over, so that the client's retry can run.
   */
  claim(
    key: string,
    requestHash: string,
    times: { now: Date; abandonedBefore: Date },
  ): Promise<
    | { state: 'new' }
    | { state: 'pending'; requestHash: string }
    | { state: 'done'; requestHash: string; statusCode: number; response: unknown }
  >;
  complete(key: string, statusCode: number, response: unknown): Promise<void>;
  release(key: string): Promise<void>;
};
