import type { DocumentKind } from '../../domain/documents/kinds.ts';

/** In-app notifications: a user's own list, fed by the history in the event's transaction. */
export type NotificationItem = {
  id: number;
  type: string;
  at: Date;
  readAt: Date | null;
  documentId: string | null;
  engagementId: string | null;
  document: { kind: DocumentKind; number: string | null; title: string } | null;
  companyName: string | null;
  data: unknown;
};

export type NotificationRepository = {
  /**
   * One notification per recipient of this event on a document: the engagement's responsible user,
   * the document's author and its chosen signatory, active, but not the one who did it.
   */
  notifyDocumentEvent(input: {
    eventId: number;
    type: string;
    documentId: string;
    actorUserId: string | null;
    at: Date;
  }): Promise<void>;
  /** The user's latest notifications, newest first, and how many are unread. */
  listForUser(userId: string, limit: number): Promise<{ unread: number; items: NotificationItem[] }>;
  /** Marks these (all when ids is absent) of the user's notifications read; returns how many are left unread. */
  markRead(userId: string, input: { ids?: number[]; at: Date }): Promise<number>;
};
