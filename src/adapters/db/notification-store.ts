import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Db } from './database.ts';
import { companies, documents, engagements, events, notifications } from './schema/index.ts';

export const notificationRepo = (db: Db, firmId: string): FirmScope['notifications'] => {
  const unreadOf = async (userId: string) => {
    const [row] = await db
      .select({ value: sql<number>`count(*)::int` })
      .from(notifications)
      .where(
        and(eq(notifications.firmId, firmId), eq(notifications.userId, userId), isNull(notifications.readAt)),
      );
    return Number(row?.value ?? 0);
  };
  return {
    async notifyDocumentEvent({ eventId, type, documentId, actorUserId, at }) {
      // One statement: the recipients are read from the document and its engagement as they stand.
      await db.execute(sql`
        insert into notifications (firm_id, user_id, event_id, type, document_id, created_at)
        select u.firm_id, u.id, ${eventId}, ${type}, d.id, ${at.toISOString()}::timestamptz
        from documents d
        join engagements e on e.firm_id = d.firm_id and e.id = d.engagement_id
        join users u on u.firm_id = d.firm_id
          and u.id in (e.responsible_user_id, d.created_by, d.firm_signatory_id)
        where d.firm_id = ${firmId} and d.id = ${documentId} and u.is_active
          and u.id is distinct from ${actorUserId}::uuid
        on conflict do nothing`);
    },
    async listForUser(userId, limit) {
      const rows = await db
        .select({
          id: notifications.id,
          type: notifications.type,
          at: notifications.createdAt,
          readAt: notifications.readAt,
          documentId: notifications.documentId,
          engagementId: events.engagementId,
          data: events.data,
          kind: documents.kind,
          number: documents.number,
          title: documents.title,
          companyName: companies.name,
        })
        .from(notifications)
        .innerJoin(events, and(eq(events.firmId, notifications.firmId), eq(events.id, notifications.eventId)))
        .leftJoin(
          documents,
          and(eq(documents.firmId, notifications.firmId), eq(documents.id, notifications.documentId)),
        )
        .leftJoin(
          engagements,
          and(eq(engagements.firmId, documents.firmId), eq(engagements.id, documents.engagementId)),
        )
        .leftJoin(
          companies,
          and(eq(companies.firmId, engagements.firmId), eq(companies.id, engagements.companyId)),
        )
        .where(and(eq(notifications.firmId, firmId), eq(notifications.userId, userId)))
        .orderBy(desc(notifications.id))
        .limit(limit);
      return {
        unread: await unreadOf(userId),
        items: rows.map(({ kind, number, title, ...row }) => ({
          ...row,
          id: Number(row.id),
          document: kind ? { kind, number, title: title ?? '' } : null,
        })),
      };
    },
    async markRead(userId, { ids, at }) {
      await db
        .update(notifications)
        .set({ readAt: at })
        .where(
          and(
            eq(notifications.firmId, firmId),
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            ids ? (ids.length > 0 ? inArray(notifications.id, ids) : sql`false`) : undefined,
          ),
        );
      return unreadOf(userId);
    },
  };
};
