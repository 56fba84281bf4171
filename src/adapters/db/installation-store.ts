import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Store } from '../../application/ports/index.ts';
import type { Db } from './database.ts';
import { installationSetup } from './schema/index.ts';

const KEY = 'setup';

export const installationRepo = (db: Db): Store['installation'] => ({
  async replaceSetupToken({ tokenHash, expiresAt, at }) {
    await db
      .insert(installationSetup)
      .values({ key: KEY, tokenHash, expiresAt, usedAt: null, createdAt: at })
      .onConflictDoUpdate({
        target: installationSetup.key,
        set: { tokenHash, expiresAt, usedAt: null, createdAt: at },
      });
  },
  async claimSetupToken(tokenHash, now) {
    // One statement: of two requests with the link, one updates the row, the other finds it spent.
    const claimed = await db
      .update(installationSetup)
      .set({ usedAt: now })
      .where(
        and(
          eq(installationSetup.key, KEY),
          eq(installationSetup.tokenHash, tokenHash),
          isNull(installationSetup.usedAt),
          gt(installationSetup.expiresAt, now),
        ),
      )
      .returning({ key: installationSetup.key });
    return claimed.length === 1;
  },
  async releaseSetupToken(tokenHash) {
    await db
      .update(installationSetup)
      .set({ usedAt: null })
      .where(and(eq(installationSetup.key, KEY), eq(installationSetup.tokenHash, tokenHash)));
  },
});
