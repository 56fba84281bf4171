import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Mail } from '../../application/records.ts';
import type { Db } from './database.ts';
import { mails } from './schema/index.ts';

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
});
