import type { Actor } from './actor.ts';
import type { FirmScope } from './ports.ts';

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
  'document.duplicated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Appends one history event in the caller's transaction (habit 5: state and history commit together). */
export const recordEvent = (
  scope: FirmScope,
  input: {
    type: EventType;
    actor: Pick<Actor, 'userId'> | null;
    at: Date;
    engagementId: string;
    documentId?: string | null;
    before?: unknown;
    after?: unknown;
    data?: unknown;
  },
) =>
  scope.events.append({
    type: input.type,
    actorUserId: input.actor?.userId ?? null,
    at: input.at,
    engagementId: input.engagementId,
    documentId: input.documentId ?? null,
    before: input.before,
    after: input.after,
    data: input.data,
  });
