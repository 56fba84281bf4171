import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { HistoryEvent } from '../../application/records.ts';
import { insertAll } from './bulk-insert.ts';
import type { Db } from './database.ts';
import { counters, events, idempotencyKeys, signatures, users } from './schema/index.ts';

export const signatureRepo = (db: Db, firmId: string): FirmScope['signatures'] => ({
  async listByDocument(documentId) {
    const rows = await db
      .select()
      .from(signatures)
      .where(and(eq(signatures.firmId, firmId), eq(signatures.documentId, documentId)))
      .orderBy(asc(signatures.recordedAt));
    return rows.map(({ firmId: _f, scan, scanContentType: _t, ...row }) => ({
      ...row,
      hasScan: scan !== null,
    }));
  },
  async findScan(documentId, signatureId) {
    const [row] = await db
      .select({
        fileName: signatures.scanFileName,
        contentType: signatures.scanContentType,
        base64: signatures.scan,
      })
      .from(signatures)
      .where(
        and(
          eq(signatures.firmId, firmId),
          eq(signatures.documentId, documentId),
          eq(signatures.id, signatureId),
        ),
      );
    if (!row?.base64 || !row.fileName || !row.contentType) return undefined;
    return { fileName: row.fileName, contentType: row.contentType, base64: row.base64 };
  },
  async insert({ scanBase64, ...signature }) {
    const rows = await db
      .insert(signatures)
      .values({ ...signature, scan: scanBase64, firmId })
      .onConflictDoNothing({ target: [signatures.firmId, signatures.documentId, signatures.side] })
      .returning({ id: signatures.id });
    return rows.length > 0;
  },
});

export const counterRepo = (db: Db, firmId: string): FirmScope['counters'] => ({
  async next(series) {
    // The upsert takes the row lock until commit: concurrent senders queue here, and a rollback
    // gives the number back, so the series stays gapless (R-B5).
    const [row] = await db
      .insert(counters)
      .values({ firmId, series, value: 1 })
      .onConflictDoUpdate({
        target: [counters.firmId, counters.series],
        set: { value: sql`${counters.value} + 1` },
      })
      .returning({ value: counters.value });
    if (!row) throw new Error(`counter ${series} returned nothing`);
    return row.value;
  },
  async peek(series) {
    const [row] = await db
      .select({ value: counters.value })
      .from(counters)
      .where(and(eq(counters.firmId, firmId), eq(counters.series, series)));
    return (row?.value ?? 0) + 1;
  },
  async claim(series) {
    // ON CONFLICT DO NOTHING: a series already taken is left as it is, no row version written; a
    // concurrent claim waits for the first one's commit (or its rollback, then takes it).
    const rows = await db
      .insert(counters)
      .values({ firmId, series, value: 1 })
      .onConflictDoNothing({ target: [counters.firmId, counters.series] })
      .returning({ value: counters.value });
    return rows.length > 0;
  },
});

const historyColumns = {
  id: events.id,
  engagementId: events.engagementId,
  documentId: events.documentId,
  actorUserId: events.actorUserId,
  actorName: users.name,
  type: events.type,
  before: events.before,
  after: events.after,
  data: events.data,
  at: events.at,
};

export const eventRepo = (db: Db, firmId: string): FirmScope['events'] => {
  const list = (where: ReturnType<typeof eq>): Promise<HistoryEvent[]> =>
    db
      .select(historyColumns)
      .from(events)
      .leftJoin(users, and(eq(users.firmId, events.firmId), eq(users.id, events.actorUserId)))
      .where(and(eq(events.firmId, firmId), where))
      .orderBy(asc(events.id));
  return {
    async append(event) {
      const [row] = await db
        .insert(events)
        .values({
          ...event,
          firmId,
          before: event.before ?? null,
          after: event.after ?? null,
          data: event.data ?? null,
        })
        .returning({ id: events.id });
      return Number(row?.id);
    },
    async appendMany(many) {
      await insertAll(
        db,
        events,
        many.map((event) => ({
          ...event,
          firmId,
          before: event.before ?? null,
          after: event.after ?? null,
          data: event.data ?? null,
        })),
      );
    },
    async find(id) {
      const [event] = await list(eq(events.id, id));
      return event;
    },
    listByEngagement: (engagementId) => list(eq(events.engagementId, engagementId)),
    listByDocument: (documentId) => list(eq(events.documentId, documentId)),
  };
};

export const idempotencyRepo = (db: Db, firmId: string): FirmScope['idempotency'] => ({
  async claim(key, requestHash, { now, abandonedBefore }) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ firmId, key, requestHash, createdAt: now })
      .onConflictDoUpdate({
        target: [idempotencyKeys.firmId, idempotencyKeys.key],
        set: { requestHash, createdAt: now },
        setWhere: and(isNull(idempotencyKeys.statusCode), lt(idempotencyKeys.createdAt, abandonedBefore)),
      })
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return { state: 'new' };
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.firmId, firmId), eq(idempotencyKeys.key, key)));
    if (!row || row.statusCode === null)
      return { state: 'pending', requestHash: row?.requestHash ?? requestHash };
    return {
      state: 'done',
      requestHash: row.requestHash,
      statusCode: row.statusCode,
      response: row.response,
    };
  },
  async complete(key, statusCode, response) {
    await db
      .update(idempotencyKeys)
      .set({ statusCode, response })
      .where(and(eq(idempotencyKeys.firmId, firmId), eq(idempotencyKeys.key, key)));
  },
  async release(key) {
    await db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.firmId, firmId), eq(idempotencyKeys.key, key)));
  },
});
