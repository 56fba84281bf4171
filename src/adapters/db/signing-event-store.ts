import { and, asc, eq } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { SigningEventType, TrailData } from '../../domain/signing/signing-trail.ts';
import type { Db } from './database.ts';
import { signingEvents } from './schema/index.ts';

/** The signature trail of a firm's documents: rows appended, never changed. */
export const signingEventRepo = (db: Db, firmId: string): FirmScope['signingEvents'] => ({
  async append(...events) {
    // One multi-row INSERT: the ids are drawn in the order of the rows, which is the trail's order.
    if (events.length > 0)
      await db.insert(signingEvents).values(events.map((event) => ({ ...event, firmId })));
  },
  async listByDocument(documentId) {
    const rows = await db
      .select()
      .from(signingEvents)
      .where(and(eq(signingEvents.firmId, firmId), eq(signingEvents.documentId, documentId)))
      .orderBy(asc(signingEvents.id));
    return rows.map((row) => ({
      documentId: row.documentId,
      requestId: row.requestId,
      type: row.type as SigningEventType,
      at: row.at,
      ip: row.ip,
      userAgent: row.userAgent,
      data: (row.data ?? {}) as TrailData,
    }));
  },
});
