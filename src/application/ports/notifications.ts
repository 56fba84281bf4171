import type { DocumentKind } from '../../domain/documents/kinds.ts';
import type { NotifiedEventType } from '../records.ts';

/** In-app notifications: a user's own list, fed by the history in the event's transaction. */
export type NotificationItem = {
  id: number;
  /** The event's type, time and document. */
  type: NotifiedEventType;
  at: Date;
  readAt: Date | null;
  documentId: string | null;
  engagementId: string | null;
  document: { kind: DocumentKind; number: string | null; title: string } | null;
  companyName: string | null;
  /** A refusal's reason, as the signer wrote it. */
  reason: string | null;
};

export type NotificationRepository = {
  /**
   * One notification per recipient of this event on a document: the engagement's responsible user,
   * the document's author and its chosen signatory, active, but not the one who did it.
   */
  notifyDocumentEvent(input: {
    eventId: number;
    documentId: string;
    actorUserId: string | null;
  }): Promise<void>;
  /**
   * A page of the user's notifications, newest first, with how many they have and how many are
   * unread, in one statement.
   */
  listForUser(
    userId: string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; unread: number; items: NotificationItem[] }>;
  /** Marks these (all when ids is absent) of the user's notifications read; returns how many are left unread. */
  markRead(userId: string, input: { ids?: number[]; at: Date }): Promise<number>;
};
