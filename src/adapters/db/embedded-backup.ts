import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './database.ts';
import { pgliteExtensions } from './pglite-extensions.ts';

/** What a backup holds, read from it: enough for the operator to know it is the right one. */
export type BackupSummary = { firms: number; documents: number; bytes: number };

const summaryOf = async (client: PGlite, bytes: number): Promise<BackupSummary> => {
  const { rows } = await client.query<{ firms: number; documents: number }>(
    'select (select count(*) from firms)::int as firms, (select count(*) from documents)::int as documents',
  );
  return { firms: rows[0]?.firms ?? 0, documents: rows[0]?.documents ?? 0, bytes };
};

/**
 * The embedded database (PGlite in DATA_DIR) to one gzipped archive, server stopped: the data
 * folder's lock refuses while a server holds it. Written beside the target, then renamed, so a
 * crash never leaves half an archive under the name.
 */
export const backupEmbedded = async (dataDir: string, file: string): Promise<BackupSummary> => {
  const folder = resolve(dataDir);
  if (!existsSync(resolve(folder, 'pglite'))) throw new Error(`Aucune base embarquée dans ${folder}.`);
  const unlock = lockDataFolder(folder);
  try {
    const client = await PGlite.create({ dataDir: resolve(folder, 'pglite'), extensions: pgliteExtensions });
    try {
      const archive = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
      mkdirSync(dirname(resolve(file)), { recursive: true });
      const partial = `${resolve(file)}.partiel`;
      writeFileSync(partial, archive);
      renameSync(partial, resolve(file));
      return await summaryOf(client, archive.length);
    } finally {
      await client.close();
    }
  } finally {
    unlock();
  }
};

/**
 * An archive of backupEmbedded back into DATA_DIR, server stopped. The archive is opened and read
 * first (a file that is not a Lettrine database changes nothing); the folder it replaces is kept
 * beside it, renamed with the date. Migrations newer than the archive run at the next start.
 */
export const restoreEmbedded = async (
  dataDir: string,
  file: string,
  now: Date,
): Promise<BackupSummary & { keptAs: string | null }> => {
  const archive = new Blob([readFileSync(resolve(file))]);
  const check = await PGlite.create({ loadDataDir: archive, extensions: pgliteExtensions });
  const summary = await summaryOf(check, archive.size).finally(() => check.close());
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const unlock = lockDataFolder(folder);
  try {
    const current = resolve(folder, 'pglite');
    let keptAs: string | null = null;
    if (existsSync(current)) {
      keptAs = resolve(folder, `pglite.avant-restauration-${now.toISOString().replace(/[:.]/g, '-')}`);
      renameSync(current, keptAs);
    }
    const restored = await PGlite.create({
      dataDir: current,
      loadDataDir: archive,
      extensions: pgliteExtensions,
    });
    await restored.close();
    return { ...summary, keptAs };
  } finally {
    unlock();
  }
};
