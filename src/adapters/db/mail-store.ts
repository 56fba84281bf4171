import { and, count, desc, eq, inArray, isNotNull, isNull, notLike, type SQL, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Mail } from '../../application/records.ts';
import type { Db } from './database.ts';
import { documents, mails, signingRequests } from './schema/index.ts';

const toMail = ({ firmId: _firm, kind, ...row }: typeof mails.$inferSelect): Mail => ({
  ...row,
  kind: kind as Mail['kind'],
});

export const mailRepo = (db: Db, firmId: string): FirmScope['mails'] => ({
  async find(id) {
    const [row] = await db
      .select()
      .from(mails)
      .where(and(eq(mails.firmId, firmId), eq(mails.id, id)));
    return row && toMail(row);
  },
  async list(filter) {
    const conditions: SQL[] = [eq(mails.firmId, firmId)];
    if (filter.documentId) conditions.push(eq(mails.documentId, filter.documentId));
    const where = and(...conditions);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(mails)
        .where(where)
        .orderBy(desc(mails.createdAt), desc(mails.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ value: count() }).from(mails).where(where),
    ]);
    return {
      items: rows.map(toMail),
      total: Number(total?.value ?? 0),
      page: filter.page,
      pageSize: filter.pageSize,
    };
  },
  async insert(mail) {
    await db.insert(mails).values({ ...mail, firmId });
  },
  async update(id, fields) {
    await db
      .update(mails)
      .set(fields)
      .where(and(eq(mails.firmId, firmId), eq(mails.id, id)));
  },
  async listUnscrubbed({ kinds, scrubbedMark }) {
    const openLink = db
      .select({ one: sql`1` })
      .from(signingRequests)
      .innerJoin(
        documents,
        and(eq(documents.firmId, signingRequests.firmId), eq(documents.id, signingRequests.documentId)),
      )
      .where(
        and(
          eq(signingRequests.firmId, mails.firmId),
          eq(signingRequests.documentId, mails.documentId),
          sql`lower(${signingRequests.signerEmail}) = lower(${mails.toAddress})`,
          isNull(signingRequests.outcome),
          isNull(signingRequests.lockedAt),
          eq(documents.status, 'sent'),
        ),
      );
    const rows = await db
      .select({
        id: mails.id,
        kind: mails.kind,
        createdAt: mails.createdAt,
        textBody: mails.textBody,
        htmlBody: mails.htmlBody,
        linkOpen: sql<boolean>`exists (${openLink})`.mapWith(Boolean),
      })
      .from(mails)
      .where(
        and(
          eq(mails.firmId, firmId),
          eq(mails.status, 'outbox'),
          inArray(mails.kind, [...kinds]),
          isNotNull(mails.textBody),
          notLike(mails.textBody, `%${scrubbedMark}%`),
        ),
      );
    return rows.map((row) => ({ ...row, kind: row.kind as Mail['kind'] }));
  },
});
