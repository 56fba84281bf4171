import { eq, sql } from 'drizzle-orm';
import type {
  Company,
  Contact,
  Document,
  Engagement,
  NewEvent,
  Signature,
} from '../../application/records.ts';
import { insertAll } from './bulk-insert.ts';
import type { Database, Db } from './database.ts';
import {
  companies,
  contacts,
  counters,
  documentLines,
  documents,
  engagements,
  events,
  firms,
  signatures,
} from './schema/index.ts';

/** The rows of many clients at once, as records: what a synthetic portfolio is made of. */
export type SeedRecords = {
  companies: Company[];
  contacts: Contact[];
  engagements: Engagement[];
  documents: Document[];
  signatures: Omit<Signature, 'hasScan'>[];
  events: NewEvent[];
};

/** Where seeded rows go, inside one transaction: gapless ranges of numbers, then the rows. */
export type SeedSink = {
  /** Draws `count` values of each series at once (R-B5 counters); returns the first value of each range. */
  reserve(counts: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  insert(records: SeedRecords): Promise<void>;
};

/** Set-based INSERTs straight into the tables: for benchmarks, where the use cases would be too slow. */
const bulkSink = (db: Db, firmId: string): SeedSink => ({
  async reserve(counts) {
    const wanted = [...counts].map(([series, value]) => ({ firmId, series, value }));
    const first = new Map<string, number>();
    for (let from = 0; from < wanted.length; from += 5_000) {
      const rows = await db
        .insert(counters)
        .values(wanted.slice(from, from + 5_000))
        .onConflictDoUpdate({
          target: [counters.firmId, counters.series],
          set: { value: sql`${counters.value} + excluded.value` },
        })
        .returning({ series: counters.series, value: counters.value });
      for (const row of rows) first.set(row.series, row.value - (counts.get(row.series) ?? 0) + 1);
    }
    return first;
  },
  async insert(records) {
    const withFirm = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, firmId }));
    await insertAll(db, companies, withFirm(records.companies));
    await insertAll(db, contacts, withFirm(records.contacts));
    await insertAll(db, engagements, withFirm(records.engagements));
    await insertAll(
      db,
      documents,
      records.documents.map(({ lines: _l, replacesIds: _r, ...doc }) => ({ ...doc, firmId })),
    );
    await insertAll(
      db,
      documentLines,
      records.documents.flatMap((doc) => doc.lines.map((line) => ({ ...line, firmId, documentId: doc.id }))),
    );
    await insertAll(db, signatures, withFirm(records.signatures));
    await insertAll(
      db,
      events,
      records.events.map((event) => ({
        ...event,
        firmId,
        before: event.before ?? null,
        after: event.after ?? null,
        data: event.data ?? null,
      })),
    );
  },
});

/** Runs fn in one transaction of the database with a bulk sink bound to the firm. */
export const bulkSeedTransaction = <T>(
  database: Database,
  firmId: string,
  fn: (sink: SeedSink) => Promise<T>,
): Promise<T> => database.db.transaction((tx) => fn(bulkSink(tx as unknown as Db, firmId)));

/** Whether this database holds the firm: a guard against seeding another database than the store's. */
export const hasFirm = async (database: Database, firmId: string): Promise<boolean> =>
  (await database.db.select({ id: firms.id }).from(firms).where(eq(firms.id, firmId))).length > 0;

/** Fresh planner statistics after a bulk load, so the first queries do not run on an empty-table plan. */
export const analyzeSeededTables = async (database: Database): Promise<void> => {
  await database.db.execute(
    sql`analyze companies, contacts, engagements, documents, document_lines, signatures, events, counters`,
  );
};
