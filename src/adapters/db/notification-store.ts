import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import { NOTIFIED_EVENT_TYPES, type NotifiedEventType } from '../../application/records.ts';
import type { Db } from './database.ts';
import { companies, documents, engagements, events, notifications } from './schema/index.ts';

const isNotifiedType = (type: string): type is NotifiedEventType =>
  (NOTIFIED_EVENT_TYPES as readonly string[]).includes(type);

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
    async notifyDocumentEvent({ eventId, documentId, actorUserId }) {
      // One statement: the recipients are read from the document and its engagement as they stand.
      await db.execute(sql`
        insert into notifications (firm_id, user_id, event_id)
        select u.firm_id, u.id, ${eventId}
        from documents d
        join engagements e on e.firm_id = d.firm_id and e.id = d.engagement_id
        join users u on u.firm_id = d.firm_id
          and u.id in (e.responsible_user_id, d.created_by, d.firm_signatory_id)
        where d.firm_id = ${firmId} and d.id = ${documentId} and u.is_active
          and u.id is distinct from ${actorUserId}::uuid
        on conflict do nothing`);
    },
    async listForUser(userId, { limit, offset }) {
      // The counts are scalar subqueries of the same statement (the unread one on its partial index).
      const counts = {
        total: sql<number>`(select count(*)::int from notifications n
          where n.firm_id = ${firmId} and n.user_id = ${userId})`,
        unread: sql<number>`(select count(*)::int from notifications n
          where n.firm_id = ${firmId} and n.user_id = ${userId} and n.read_at is null)`,
      };
      const rows = await db
        .select({
          ...counts,
          id: notifications.id,
          type: events.type,
          at: events.at,
          readAt: notifications.readAt,
          documentId: events.documentId,
          engagementId: events.engagementId,
          // A refusal's reason (an expiry's data has a reason too: which date passed, not for the bell).
          reason: sql<string | null>`case when ${events.type} = 'document.refused'
            then ${events.data} ->> 'reason' end`,
          kind: documents.kind,
          number: documents.number,
          title: documents.title,
          companyName: companies.name,
        })
        .from(notifications)
        .innerJoin(events, and(eq(events.firmId, notifications.firmId), eq(events.id, notifications.eventId)))
        .leftJoin(documents, and(eq(documents.firmId, events.firmId), eq(documents.id, events.documentId)))
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
        .limit(limit)
        .offset(offset);
      const [first] = rows;
      // A page past the end has no row to carry the counts: they are asked apart (rare).
      const { total, unread } = first
        ? first
        : offset === 0
          ? { total: 0, unread: 0 }
          : ((await db.select(counts).from(sql`(select 1) as one`))[0] ?? { total: 0, unread: 0 });
      const items = [];
      for (const { kind, number, title, type, total: _t, unread: _u, ...row } of rows) {
        if (!isNotifiedType(type)) continue;
        items.push({
          ...row,
          type,
          id: Number(row.id),
          document: kind ? { kind, number, title: title ?? '' } : null,
        });
      }
      return { total: Number(total), unread: Number(unread), items };
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
