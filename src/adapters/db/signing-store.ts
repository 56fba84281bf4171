import { randomUUID } from 'node:crypto';
import { and, arrayContains, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { FirmScope, Store } from '../../application/ports/index.ts';
import { withRequestId } from '../jobs/job-payloads.ts';
import type { Db } from './database.ts';
import { documentFiles, documents, jobOutbox, sealIdentities, signingRequests } from './schema/index.ts';

const toRequest = ({ firmId: _firm, ...row }: typeof signingRequests.$inferSelect) => row;

export const signingRequestRepo = (db: Db, firmId: string): FirmScope['signingRequests'] => ({
  async find(id, options = {}) {
    const query = db
      .select()
      .from(signingRequests)
      .where(and(eq(signingRequests.firmId, firmId), eq(signingRequests.id, id)));
    const [row] = options.forUpdate ? await query.for('no key update') : await query;
    return row && toRequest(row);
  },
  async listByDocument(documentId) {
    const rows = await db
      .select()
      .from(signingRequests)
      .where(and(eq(signingRequests.firmId, firmId), eq(signingRequests.documentId, documentId)))
      .orderBy(asc(signingRequests.side));
    return rows.map(toRequest);
  },
  async listPending() {
    const rows = await db
      .select({ request: signingRequests, sentAt: documents.sentAt })
      .from(signingRequests)
      .innerJoin(
        documents,
        and(eq(documents.firmId, signingRequests.firmId), eq(documents.id, signingRequests.documentId)),
      )
      .where(
        and(
          eq(signingRequests.firmId, firmId),
          isNull(signingRequests.outcome),
          eq(documents.status, 'sent'),
        ),
      );
    return rows.flatMap((row) => (row.sentAt ? [{ ...toRequest(row.request), sentAt: row.sentAt }] : []));
  },
  async insert(request) {
    await db.insert(signingRequests).values({ ...request, firmId });
  },
  async update(id, fields) {
    await db
      .update(signingRequests)
      .set(fields)
      .where(and(eq(signingRequests.firmId, firmId), eq(signingRequests.id, id)));
  },
});

/** `currentRequestId`: the request (or job) queuing, stored with the job for its logs. */
/** A job queued in a transaction, written with the others of the transaction just before it commits. */
export type OutboxRow = typeof jobOutbox.$inferInsert;

/**
 * Jobs go out through the outbox (docs/architecture.md). Inside a transaction, `defer` collects
 * them and the transaction writes them in one statement before it commits (a link signature
 * queues two: one round trip less on the request's path, issue 19); elsewhere each is written
 * at once.
 */
export const jobRepo = (
  db: Db,
  firmId: string,
  hooks: {
    onEnqueue: () => void;
    currentRequestId?: () => string | undefined;
    defer?: (row: OutboxRow) => void;
  },
): FirmScope['jobs'] => ({
  async enqueue(job) {
    const row: OutboxRow = {
      id: randomUUID(),
      firmId,
      name: job.name,
      data: withRequestId(job.data, hooks.currentRequestId?.()),
      startAfter: job.startAfter ?? null,
      createdAt: new Date(),
    };
    if (hooks.defer) hooks.defer(row);
    else await writeOutbox(db, [row]);
    hooks.onEnqueue();
  },
});

/** Writes the jobs a transaction queued, in one statement. */
export const writeOutbox = async (db: Db, rows: OutboxRow[]) => {
  if (rows.length > 0) await db.insert(jobOutbox).values(rows);
};

export const signingLookups = (
  db: Db,
): Pick<Store, 'signing' | 'findDocumentFileByHash' | 'findFirmBySealFingerprint'> => ({
  signing: {
    async findByTokenHash(tokenHash) {
      const [row] = await db
        .select({
          firmId: signingRequests.firmId,
          requestId: signingRequests.id,
          documentId: signingRequests.documentId,
        })
        .from(signingRequests)
        .where(
          or(
            eq(signingRequests.tokenHash, tokenHash),
            arrayContains(signingRequests.earlierTokenHashes, [tokenHash]),
          ),
        )
        .limit(1);
      return row;
    },
  },
  async findDocumentFileByHash(sha256) {
    // The sealed copy first: it is the document's final form when both are asked for.
    const rows = await db
      .select({
        firmId: documentFiles.firmId,
        documentId: documentFiles.documentId,
        purpose: documentFiles.purpose,
      })
      .from(documentFiles)
      .where(eq(documentFiles.sha256, sha256))
      .limit(2);
    return rows.find((row) => row.purpose === 'sealed') ?? rows[0];
  },
  async findFirmBySealFingerprint(sha256) {
    // One row per firm: computed in the query rather than kept in a column of its own.
    const [row] = await db
      .select({ firmId: sealIdentities.firmId })
      .from(sealIdentities)
      .where(sql`encode(sha256(${sealIdentities.certificateDer}), 'hex') = ${sha256.toLowerCase()}`)
      .limit(1);
    return row;
  },
});
