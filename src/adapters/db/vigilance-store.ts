import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FirmScope, RegisterImport, VigilanceReview } from '../../application/ports/index.ts';
import { DEFAULT_REVIEW_PERIODS } from '../../domain/vigilance/reviews.ts';
import type { RegisterEntry } from '../../domain/vigilance/screening.ts';
import type {
  ScreeningMatch,
  StoredEvidence,
  VigilanceFile,
  VigilanceSettings,
} from '../../domain/vigilance/vigilance-file.ts';
import type { Db } from './database.ts';
import {
  vigilanceEvidence,
  vigilanceFileEvents,
  vigilanceFiles,
  vigilanceMatches,
  vigilanceRegisterImports,
  vigilanceReviewReminders,
  vigilanceReviews,
  vigilanceSettings,
} from './schema/index.ts';

type FileRow = typeof vigilanceFiles.$inferSelect;
const toFile = ({ firmId: _f, createdAt: _c, ...row }: FileRow): VigilanceFile => row as VigilanceFile;

type SettingsRow = typeof vigilanceSettings.$inferSelect;
const toSettings = (row: SettingsRow): VigilanceSettings => ({
  controlsEnabled: row.controlsEnabled,
  periods: { enhanced: row.enhancedMonths, standard: row.standardMonths, simplified: row.simplifiedMonths },
  version: row.version,
});

const { bytes: _bytes, firmId: _firm, ...evidenceColumns } = getTableColumns(vigilanceEvidence);
const toEvidence = (row: Omit<typeof vigilanceEvidence.$inferSelect, 'bytes' | 'firmId'>): StoredEvidence =>
  row as StoredEvidence;
const toMatch = ({ firmId: _f, ...row }: typeof vigilanceMatches.$inferSelect): ScreeningMatch =>
  row as ScreeningMatch;
const toReview = ({
  firmId: _f,
  remindedOn: _r,
  ...row
}: typeof vigilanceReviews.$inferSelect): VigilanceReview => row as VigilanceReview;

const fileRepo = (db: Db, firmId: string) => ({
  async settings() {
    const [row] = await db.select().from(vigilanceSettings).where(eq(vigilanceSettings.firmId, firmId));
    return row ? toSettings(row) : { controlsEnabled: true, periods: DEFAULT_REVIEW_PERIODS, version: 0 };
  },
  async saveSettings(settings: Omit<VigilanceSettings, 'version'>, at: Date) {
    const values = {
      controlsEnabled: settings.controlsEnabled,
      enhancedMonths: settings.periods.enhanced,
      standardMonths: settings.periods.standard,
      simplifiedMonths: settings.periods.simplified,
      updatedAt: at,
    };
    const [row] = await db
      .insert(vigilanceSettings)
      .values({ firmId, ...values })
      .onConflictDoUpdate({
        target: vigilanceSettings.firmId,
        set: { ...values, version: sql`${vigilanceSettings.version} + 1` },
      })
      .returning();
    return toSettings(row as SettingsRow);
  },
  async findFile(engagementId: string, options?: { forUpdate?: boolean }) {
    const query = db
      .select()
      .from(vigilanceFiles)
      .where(and(eq(vigilanceFiles.firmId, firmId), eq(vigilanceFiles.engagementId, engagementId)));
    const [row] = options?.forUpdate ? await query.for('no key update') : await query;
    return row && toFile(row);
  },
  async saveFile(file: Omit<VigilanceFile, 'version' | 'updatedAt'>, at: Date) {
    const [row] = await db
      .insert(vigilanceFiles)
      .values({ ...file, firmId, updatedAt: at })
      .onConflictDoUpdate({
        target: [vigilanceFiles.firmId, vigilanceFiles.engagementId],
        set: { ...file, updatedAt: at, version: sql`${vigilanceFiles.version} + 1` },
      })
      .returning();
    return toFile(row as FileRow);
  },
  async listFiles(filter: { engagementIds?: readonly string[]; relationshipEnded?: boolean } = {}) {
    if (filter.engagementIds?.length === 0) return [];
    const rows = await db
      .select()
      .from(vigilanceFiles)
      .where(
        and(
          eq(vigilanceFiles.firmId, firmId),
          filter.engagementIds ? inArray(vigilanceFiles.engagementId, [...filter.engagementIds]) : undefined,
          filter.relationshipEnded ? isNotNull(vigilanceFiles.relationshipEndedOn) : undefined,
        ),
      )
      .orderBy(asc(vigilanceFiles.engagementId));
    return rows.map(toFile);
  },
});

const gateRepo = (db: Db, firmId: string): Pick<FirmScope['vigilance'], 'listGateInputs'> => ({
  async listGateInputs(engagementIds) {
    const ids = [...engagementIds];
    if (ids.length === 0) return { files: [], evidence: [], blockingMatches: new Map(), openReviews: [] };
    // One after the other: inside a transaction, the queries share one connection.
    const files = await db
      .select()
      .from(vigilanceFiles)
      .where(and(eq(vigilanceFiles.firmId, firmId), inArray(vigilanceFiles.engagementId, ids)));
    const evidence = await db
      .select(evidenceColumns)
      .from(vigilanceEvidence)
      .where(and(eq(vigilanceEvidence.firmId, firmId), inArray(vigilanceEvidence.engagementId, ids)));
    const matches = await db
      .select({ engagementId: vigilanceMatches.engagementId, n: count() })
      .from(vigilanceMatches)
      .where(
        and(
          eq(vigilanceMatches.firmId, firmId),
          inArray(vigilanceMatches.engagementId, ids),
          ne(vigilanceMatches.status, 'cleared'),
        ),
      )
      .groupBy(vigilanceMatches.engagementId);
    const reviews = await db
      .select()
      .from(vigilanceReviews)
      .where(
        and(
          eq(vigilanceReviews.firmId, firmId),
          inArray(vigilanceReviews.engagementId, ids),
          isNull(vigilanceReviews.completedAt),
        ),
      );
    return {
      files: files.map(toFile),
      evidence: evidence.map(toEvidence),
      blockingMatches: new Map(matches.map((m) => [m.engagementId, Number(m.n)])),
      openReviews: reviews.map(toReview),
    };
  },
});

const historyRepo = (db: Db, firmId: string): Pick<FirmScope['vigilance'], 'recordEvent' | 'listEvents'> => ({
  async recordEvent(event) {
    await db.insert(vigilanceFileEvents).values({ ...event, firmId });
  },
  async listEvents(engagementId) {
    const rows = await db
      .select()
      .from(vigilanceFileEvents)
      .where(and(eq(vigilanceFileEvents.firmId, firmId), eq(vigilanceFileEvents.engagementId, engagementId)))
      .orderBy(asc(vigilanceFileEvents.at), asc(vigilanceFileEvents.id));
    return rows.map(({ firmId: _f, data, ...row }) => ({ ...row, data: data as Record<string, unknown> }));
  },
});

const evidenceRepo = (db: Db, firmId: string) => {
  const mine = (id: string) => and(eq(vigilanceEvidence.firmId, firmId), eq(vigilanceEvidence.id, id));
  return {
    async insertEvidence(evidence: StoredEvidence & { bytes: Uint8Array }) {
      await db.insert(vigilanceEvidence).values({ ...evidence, firmId });
    },
    async listEvidence(engagementId: string) {
      const rows = await db
        .select(evidenceColumns)
        .from(vigilanceEvidence)
        .where(and(eq(vigilanceEvidence.firmId, firmId), eq(vigilanceEvidence.engagementId, engagementId)))
        .orderBy(asc(vigilanceEvidence.uploadedAt), asc(vigilanceEvidence.id));
      return rows.map(toEvidence);
    },
    async findEvidenceFile(id: string) {
      const [row] = await db.select().from(vigilanceEvidence).where(mine(id));
      if (!row) return undefined;
      const { firmId: _f, ...rest } = row;
      return { ...toEvidence(rest), bytes: row.bytes };
    },
    async markEvidenceChecked(id: string, input: { by: string; at: Date }) {
      const [row] = await db
        .update(vigilanceEvidence)
        .set({ checkedBy: input.by, checkedAt: input.at })
        .where(mine(id))
        .returning(evidenceColumns);
      return row && toEvidence(row);
    },
  };
};

const screeningRepo = (
  db: Db,
  firmId: string,
): Pick<
  FirmScope['vigilance'],
  | 'latestRegister'
  | 'insertRegister'
  | 'findRegisterImport'
  | 'claimFilesToScreen'
  | 'markScreened'
  | 'finishScreening'
  | 'screeningProgress'
  | 'listMatches'
  | 'insertMatches'
  | 'findMatch'
  | 'decideMatch'
> => ({
  async latestRegister(id) {
    const [row] = await db
      .select()
      .from(vigilanceRegisterImports)
      .where(
        and(
          eq(vigilanceRegisterImports.firmId, firmId),
          id === undefined ? undefined : eq(vigilanceRegisterImports.id, id),
        ),
      )
      .orderBy(desc(vigilanceRegisterImports.importedAt), desc(vigilanceRegisterImports.id))
      .limit(1);
    if (!row) return undefined;
    const { publishedAt, sha256, importedAt, entries } = row;
    return { id: row.id, publishedAt, sha256, importedAt, entries: entries as RegisterEntry[] };
  },
  async findRegisterImport(id) {
    const { entries: _e, firmId: _f, ...columns } = getTableColumns(vigilanceRegisterImports);
    const [row] = await db
      .select(columns)
      .from(vigilanceRegisterImports)
      .where(
        and(
          eq(vigilanceRegisterImports.firmId, firmId),
          id === undefined ? undefined : eq(vigilanceRegisterImports.id, id),
        ),
      )
      .orderBy(desc(vigilanceRegisterImports.importedAt), desc(vigilanceRegisterImports.id))
      .limit(1);
    return row as RegisterImport | undefined;
  },
  async claimFilesToScreen(registerId, limit) {
    const rows = await db
      .select()
      .from(vigilanceFiles)
      .where(
        and(
          eq(vigilanceFiles.firmId, firmId),
          sql`${vigilanceFiles.screenedRegisterId} is distinct from ${registerId}`,
        ),
      )
      .orderBy(asc(vigilanceFiles.engagementId))
      .limit(limit)
      .for('no key update', { skipLocked: true });
    return rows.map(toFile);
  },
  async markScreened(registerId, input) {
    if (input.engagementIds.length > 0) {
      await db
        .update(vigilanceFiles)
        .set({ screenedRegisterId: registerId })
        .where(
          and(
            eq(vigilanceFiles.firmId, firmId),
            inArray(vigilanceFiles.engagementId, [...input.engagementIds]),
          ),
        );
    }
    if (input.newMatches > 0) {
      await db
        .update(vigilanceRegisterImports)
        .set({ newMatches: sql`${vigilanceRegisterImports.newMatches} + ${input.newMatches}` })
        .where(and(eq(vigilanceRegisterImports.firmId, firmId), eq(vigilanceRegisterImports.id, registerId)));
    }
  },
  async finishScreening(registerId, at) {
    await db
      .update(vigilanceRegisterImports)
      .set({ screeningFinishedAt: at })
      .where(
        and(
          eq(vigilanceRegisterImports.firmId, firmId),
          eq(vigilanceRegisterImports.id, registerId),
          isNull(vigilanceRegisterImports.screeningFinishedAt),
        ),
      );
  },
  async screeningProgress(registerId) {
    const [row] = await db
      .select({
        filesTotal: count(),
        filesScreened: sql<number>`count(*) filter (where ${vigilanceFiles.screenedRegisterId} = ${registerId})`,
      })
      .from(vigilanceFiles)
      .where(eq(vigilanceFiles.firmId, firmId));
    return { filesTotal: Number(row?.filesTotal ?? 0), filesScreened: Number(row?.filesScreened ?? 0) };
  },
  async insertRegister(register) {
    const { entries, ...rest } = register;
    await db
      .insert(vigilanceRegisterImports)
      .values({ ...rest, firmId, entries, entryCount: entries.length });
  },
  async listMatches(filter = {}) {
    const rows = await db
      .select()
      .from(vigilanceMatches)
      .where(
        and(
          eq(vigilanceMatches.firmId, firmId),
          filter.engagementId ? eq(vigilanceMatches.engagementId, filter.engagementId) : undefined,
          filter.status ? eq(vigilanceMatches.status, filter.status) : undefined,
        ),
      )
      .orderBy(asc(vigilanceMatches.foundAt), asc(vigilanceMatches.id));
    return rows.map(toMatch);
  },
  async insertMatches(matches) {
    if (matches.length === 0) return 0;
    const rows = await db
      .insert(vigilanceMatches)
      .values(matches.map((m) => ({ ...m, firmId })))
      .onConflictDoNothing()
      .returning({ id: vigilanceMatches.id });
    return rows.length;
  },
  async findMatch(id, options) {
    const query = db
      .select()
      .from(vigilanceMatches)
      .where(and(eq(vigilanceMatches.firmId, firmId), eq(vigilanceMatches.id, id)));
    const [row] = options?.forUpdate ? await query.for('no key update') : await query;
    return row && toMatch(row);
  },
  async decideMatch(id, decision) {
    const [row] = await db
      .update(vigilanceMatches)
      .set(decision)
      .where(
        and(
          eq(vigilanceMatches.firmId, firmId),
          eq(vigilanceMatches.id, id),
          eq(vigilanceMatches.status, 'open'),
        ),
      )
      .returning();
    return row && toMatch(row);
  },
});

const reviewRepo = (
  db: Db,
  firmId: string,
): Pick<
  FirmScope['vigilance'],
  'insertReview' | 'insertReviews' | 'listOpenReviews' | 'completeReviews' | 'listReminded' | 'insertReminder'
> => ({
  async insertReview(review) {
    await db.insert(vigilanceReviews).values({ ...review, firmId });
  },
  async insertReviews(reviews) {
    if (reviews.length === 0) return;
    await db.insert(vigilanceReviews).values(reviews.map((review) => ({ ...review, firmId })));
  },
  async listReminded(engagementIds) {
    if (engagementIds.length === 0) return [];
    return db
      .select({ engagementId: vigilanceReviewReminders.engagementId, dueOn: vigilanceReviewReminders.dueOn })
      .from(vigilanceReviewReminders)
      .where(
        and(
          eq(vigilanceReviewReminders.firmId, firmId),
          inArray(vigilanceReviewReminders.engagementId, [...engagementIds]),
        ),
      );
  },
  async insertReminder(reminder) {
    const rows = await db
      .insert(vigilanceReviewReminders)
      .values({ ...reminder, firmId })
      .onConflictDoNothing()
      .returning({ dueOn: vigilanceReviewReminders.dueOn });
    return rows.length > 0;
  },
  async listOpenReviews(engagementId) {
    const rows = await db
      .select()
      .from(vigilanceReviews)
      .where(
        and(
          eq(vigilanceReviews.firmId, firmId),
          isNull(vigilanceReviews.completedAt),
          engagementId ? eq(vigilanceReviews.engagementId, engagementId) : undefined,
        ),
      )
      .orderBy(asc(vigilanceReviews.dueOn), asc(vigilanceReviews.id));
    return rows.map(toReview);
  },
  async completeReviews(engagementId, input) {
    const rows = await db
      .update(vigilanceReviews)
      .set({ completedAt: input.at, completedBy: input.by })
      .where(
        and(
          eq(vigilanceReviews.firmId, firmId),
          eq(vigilanceReviews.engagementId, engagementId),
          isNull(vigilanceReviews.completedAt),
        ),
      )
      .returning({ id: vigilanceReviews.id });
    return rows.length;
  },
});

/** R-F7: the personal data goes, child rows first; the file's row stays as the tombstone. */
const purgeRepo = (db: Db, firmId: string): Pick<FirmScope['vigilance'], 'purgeFile'> => ({
  async purgeFile(engagementId, tombstone) {
    const of = (table: { firmId: AnyPgColumn; engagementId: AnyPgColumn }) =>
      and(eq(table.firmId, firmId), eq(table.engagementId, engagementId));
    await db.delete(vigilanceEvidence).where(of(vigilanceEvidence));
    await db.delete(vigilanceMatches).where(of(vigilanceMatches));
    await db.delete(vigilanceReviewReminders).where(of(vigilanceReviewReminders));
    await db.delete(vigilanceReviews).where(of(vigilanceReviews));
    await db.delete(vigilanceFileEvents).where(of(vigilanceFileEvents));
    const [row] = await db
      .update(vigilanceFiles)
      .set({
        identification: null,
        assessment: null,
        assessedBy: null,
        assessedAt: null,
        level: null,
        approval: null,
        lastReviewedOn: null,
        nextReviewDue: null,
        purgedAt: tombstone.purgedAt,
        purgedBy: tombstone.purgedBy,
        purgeReason: tombstone.reason,
        updatedAt: tombstone.purgedAt,
        version: sql`${vigilanceFiles.version} + 1`,
      })
      .where(of(vigilanceFiles))
      .returning();
    return row && toFile(row);
  },
});

/** The VigilanceRepository port on drizzle. */
export const vigilanceRepo = (db: Db, firmId: string): FirmScope['vigilance'] => ({
  ...fileRepo(db, firmId),
  ...gateRepo(db, firmId),
  ...purgeRepo(db, firmId),
  ...historyRepo(db, firmId),
  ...evidenceRepo(db, firmId),
  ...screeningRepo(db, firmId),
  ...reviewRepo(db, firmId),
});
