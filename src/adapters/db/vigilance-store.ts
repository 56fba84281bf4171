import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FirmScope, RegisterImport, VigilanceReview } from '../../application/ports/index.ts';
import type { IdentificationFile } from '../../domain/vigilance/identification.ts';
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
  engagements,
  vigilanceEvidence,
  vigilanceFileEvents,
  vigilanceFiles,
  vigilanceMatches,
  vigilanceRegisterImports,
  vigilanceReviewReminders,
  vigilanceReviews,
  vigilanceSettings,
} from './schema/index.ts';
import { registerEntryRepo } from './vigilance-register-store.ts';

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
const toReview = ({ firmId: _f, ...row }: typeof vigilanceReviews.$inferSelect): VigilanceReview =>
  row as VigilanceReview;

type FirmTable = { firmId: AnyPgColumn; engagementId: AnyPgColumn };
/** The rows of one engagement of the firm. */
const ofEngagement = (table: FirmTable, firmId: string, engagementId: string) =>
  and(eq(table.firmId, firmId), eq(table.engagementId, engagementId));
/** The rows of the firm's engagements named. */
const ofEngagements = (table: FirmTable, firmId: string, engagementIds: readonly string[]) =>
  and(eq(table.firmId, firmId), inArray(table.engagementId, [...engagementIds]));

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
      .where(ofEngagement(vigilanceFiles, firmId, engagementId));
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
  async listFiles(filter: { engagementIds?: readonly string[] } = {}) {
    if (filter.engagementIds?.length === 0) return [];
    const rows = await db
      .select()
      .from(vigilanceFiles)
      .where(
        filter.engagementIds
          ? ofEngagements(vigilanceFiles, firmId, filter.engagementIds)
          : eq(vigilanceFiles.firmId, firmId),
      )
      .orderBy(asc(vigilanceFiles.engagementId));
    return rows.map(toFile);
  },
  async listPurgeCandidates(endedOnOrBefore: string) {
    return db
      .select({
        engagementId: vigilanceFiles.engagementId,
        companyName: engagements.companyName,
        clientCode: engagements.clientCode,
        relationshipEndedOn: sql<string>`${vigilanceFiles.relationshipEndedOn}`,
      })
      .from(vigilanceFiles)
      .innerJoin(
        engagements,
        and(eq(engagements.firmId, vigilanceFiles.firmId), eq(engagements.id, vigilanceFiles.engagementId)),
      )
      .where(
        and(
          eq(vigilanceFiles.firmId, firmId),
          isNull(vigilanceFiles.purgedAt),
          lte(vigilanceFiles.relationshipEndedOn, endedOnOrBefore),
        ),
      )
      .orderBy(asc(vigilanceFiles.relationshipEndedOn), asc(vigilanceFiles.engagementId));
  },
  async listFileOwners(engagementIds: readonly string[]) {
    if (engagementIds.length === 0) return [];
    return db
      .select({
        engagementId: engagements.id,
        responsibleUserId: engagements.responsibleUserId,
        companyName: engagements.companyName,
        title: engagements.title,
      })
      .from(engagements)
      .where(and(eq(engagements.firmId, firmId), inArray(engagements.id, [...engagementIds])));
  },
});

const gateRepo = (db: Db, firmId: string): Pick<FirmScope['vigilance'], 'listGateInputs'> => ({
  async listGateInputs(engagementIds) {
    if (engagementIds.length === 0)
      return { files: [], evidence: [], blockingMatches: new Map(), openReviews: [] };
    // One after the other: inside a transaction, the queries share one connection.
    const files = await fileRepo(db, firmId).listFiles({ engagementIds });
    const evidence = await db
      .select(evidenceColumns)
      .from(vigilanceEvidence)
      .where(ofEngagements(vigilanceEvidence, firmId, engagementIds));
    const matches = await db
      .select({ engagementId: vigilanceMatches.engagementId, n: count() })
      .from(vigilanceMatches)
      .where(
        and(ofEngagements(vigilanceMatches, firmId, engagementIds), ne(vigilanceMatches.status, 'cleared')),
      )
      .groupBy(vigilanceMatches.engagementId);
    const reviews = await db
      .select()
      .from(vigilanceReviews)
      .where(
        and(ofEngagements(vigilanceReviews, firmId, engagementIds), isNull(vigilanceReviews.completedAt)),
      );
    return {
      files,
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
      .where(ofEngagement(vigilanceFileEvents, firmId, engagementId))
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
        .where(ofEngagement(vigilanceEvidence, firmId, engagementId))
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
  | 'findRegisterEntries'
  | 'insertRegister'
  | 'findRegisterImport'
  | 'claimFilesToScreen'
  | 'markScreened'
  | 'finishScreening'
  | 'screeningProgress'
  | 'listMatches'
  | 'listOpenMatchesWithFile'
  | 'insertMatches'
  | 'findMatch'
  | 'decideMatch'
> => ({
  async findRegisterEntries(id) {
    const [row] = await db
      .select({ entries: vigilanceRegisterImports.entries })
      .from(vigilanceRegisterImports)
      .where(and(eq(vigilanceRegisterImports.firmId, firmId), eq(vigilanceRegisterImports.id, id)));
    return row && (row.entries as RegisterEntry[]);
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
        .where(ofEngagements(vigilanceFiles, firmId, input.engagementIds));
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
          filter.engagementId
            ? ofEngagement(vigilanceMatches, firmId, filter.engagementId)
            : eq(vigilanceMatches.firmId, firmId),
          filter.status ? eq(vigilanceMatches.status, filter.status) : undefined,
        ),
      )
      .orderBy(asc(vigilanceMatches.foundAt), asc(vigilanceMatches.id));
    return rows.map(toMatch);
  },
  async listOpenMatchesWithFile() {
    const rows = await db
      .select({
        match: vigilanceMatches,
        companyName: engagements.companyName,
        identification: vigilanceFiles.identification,
      })
      .from(vigilanceMatches)
      .innerJoin(
        vigilanceFiles,
        and(
          eq(vigilanceFiles.firmId, vigilanceMatches.firmId),
          eq(vigilanceFiles.engagementId, vigilanceMatches.engagementId),
        ),
      )
      .innerJoin(
        engagements,
        and(
          eq(engagements.firmId, vigilanceMatches.firmId),
          eq(engagements.id, vigilanceMatches.engagementId),
        ),
      )
      .where(and(eq(vigilanceMatches.firmId, firmId), eq(vigilanceMatches.status, 'open')))
      .orderBy(asc(vigilanceMatches.foundAt), asc(vigilanceMatches.id));
    return rows.map((row) => ({
      ...toMatch(row.match),
      companyName: row.companyName,
      identification: row.identification as IdentificationFile | null,
    }));
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
      .where(ofEngagements(vigilanceReviewReminders, firmId, engagementIds));
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
          engagementId
            ? ofEngagement(vigilanceReviews, firmId, engagementId)
            : eq(vigilanceReviews.firmId, firmId),
          isNull(vigilanceReviews.completedAt),
        ),
      )
      .orderBy(asc(vigilanceReviews.dueOn), asc(vigilanceReviews.id));
    return rows.map(toReview);
  },
  async completeReviews(engagementId, input) {
    const rows = await db
      .update(vigilanceReviews)
      .set({ completedAt: input.at, completedBy: input.by })
      .where(and(ofEngagement(vigilanceReviews, firmId, engagementId), isNull(vigilanceReviews.completedAt)))
      .returning({ id: vigilanceReviews.id });
    return rows.length;
  },
});

/** R-F7: the personal data goes, child rows first; the file's row stays as the tombstone. */
const purgeRepo = (db: Db, firmId: string): Pick<FirmScope['vigilance'], 'purgeFile'> => ({
  async purgeFile(engagementId, tombstone) {
    const of = (table: FirmTable) => ofEngagement(table, firmId, engagementId);
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
  ...registerEntryRepo(db, firmId),
  ...reviewRepo(db, firmId),
});
