import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { Firm, User } from '../../application/records.ts';
import type { Db } from './database.ts';
import { apiTokens, firmLogos, firms, sessions, users } from './schema/index.ts';
import { conflictOnDuplicate } from './unique-keys.ts';
import { updateVersioned } from './versioned-update.ts';

export const toUser = (row: typeof users.$inferSelect): User => ({
  firmId: row.firmId,
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  isActive: row.isActive,
  formOfAddress: row.formOfAddress,
  signatoryCapacity: row.signatoryCapacity,
  version: row.version,
  createdAt: row.createdAt,
});

export const toFirm = (row: typeof firms.$inferSelect, hasLogo: boolean): Firm => ({ ...row, hasLogo });

const hasLogo = sql<boolean>`exists (select 1 from ${firmLogos} where ${firmLogos.firmId} = ${firms.id})`;

export const selectFirms = (db: Db) => db.select({ firm: firms, hasLogo }).from(firms);

export const firmRepo = (db: Db, firmId: string): FirmScope['firm'] => ({
  async get() {
    const [row] = await selectFirms(db).where(eq(firms.id, firmId));
    if (!row) throw new Error(`firm ${firmId} not found`);
    return toFirm(row.firm, row.hasLogo);
  },
  async update(input) {
    const rows = await db
      .update(firms)
      .set({ ...input.fields, version: sql`${firms.version} + 1`, updatedAt: input.at })
      .where(and(eq(firms.id, firmId), eq(firms.version, input.expectedVersion)))
      .returning({ firm: firms, hasLogo });
    return rows[0] && toFirm(rows[0].firm, rows[0].hasLogo);
  },
  async findLogo() {
    const [row] = await db.select().from(firmLogos).where(eq(firmLogos.firmId, firmId));
    return row && { ...row, bytes: row.content };
  },
  async setLogo(logo) {
    const { bytes, ...fields } = logo;
    const row = { ...fields, content: bytes };
    // One statement, so two uploads at once cannot both insert: the second one updates.
    await db
      .insert(firmLogos)
      .values({ ...row, firmId })
      .onConflictDoUpdate({ target: firmLogos.firmId, set: row });
  },
  async deleteLogo() {
    const rows = await db
      .delete(firmLogos)
      .where(eq(firmLogos.firmId, firmId))
      .returning({ firmId: firmLogos.firmId });
    return rows.length > 0;
  },
});

export const userRepo = (db: Db, firmId: string): FirmScope['users'] => ({
  async find(id) {
    const [row] = await db
      .select()
      .from(users)
      .where(and(eq(users.firmId, firmId), eq(users.id, id)));
    return row && toUser(row);
  },
  async findByEmail(email) {
    const [row] = await db
      .select()
      .from(users)
      .where(and(eq(users.firmId, firmId), eq(users.email, email.toLowerCase())));
    return row && toUser(row);
  },
  async list(options) {
    const query = db.select().from(users).where(eq(users.firmId, firmId)).orderBy(users.name);
    const rows = options?.forUpdate ? await query.for('no key update') : await query;
    return rows.map(toUser);
  },
  async insert(user) {
    await conflictOnDuplicate(db.insert(users).values({ ...user, firmId, email: user.email.toLowerCase() }));
  },
  async update(input) {
    const row = await updateVersioned<typeof users.$inferSelect>(db, users, firmId, input, {
      touchUpdatedAt: false,
    });
    return row && toUser(row);
  },
  async setPassword(id, passwordHash) {
    await db
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.firmId, firmId), eq(users.id, id)));
  },
  async replacePasswordHash(id, { from, to }) {
    const rows = await db
      .update(users)
      .set({ passwordHash: to })
      .where(and(eq(users.firmId, firmId), eq(users.id, id), eq(users.passwordHash, from)))
      .returning({ id: users.id });
    return rows.length > 0;
  },
  async findPasswordHash(id, options) {
    const query = db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.firmId, firmId), eq(users.id, id)));
    const [row] = options?.forUpdate ? await query.for('no key update') : await query;
    return row?.passwordHash;
  },
});

const tokenColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

export const apiTokenRepo = (db: Db, firmId: string): FirmScope['apiTokens'] => ({
  async insert(token) {
    await db.insert(apiTokens).values({ ...token, firmId });
  },
  async list() {
    return db
      .select(tokenColumns)
      .from(apiTokens)
      .where(and(eq(apiTokens.firmId, firmId), isNull(apiTokens.revokedAt)))
      .orderBy(apiTokens.createdAt);
  },
  async revoke(id, at) {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.firmId, firmId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  },
  async revokeByUser(userId, at) {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.firmId, firmId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length;
  },
});

export const sessionRepo = (db: Db, firmId: string): FirmScope['sessions'] => ({
  async insert(session) {
    await db.insert(sessions).values({ ...session, firmId });
  },
  async deleteByTokenHash(tokenHash) {
    await db.delete(sessions).where(and(eq(sessions.firmId, firmId), eq(sessions.tokenHash, tokenHash)));
  },
  async deleteByUser(userId, options) {
    const kept = options?.exceptTokenHash;
    await db
      .delete(sessions)
      .where(
        and(
          eq(sessions.firmId, firmId),
          eq(sessions.userId, userId),
          kept === undefined ? undefined : ne(sessions.tokenHash, kept),
        ),
      );
  },
});
