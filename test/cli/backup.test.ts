import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderLockedError, openPglite } from '../../src/adapters/db/database.ts';
import { backupEmbedded, restoreEmbedded } from '../../src/adapters/db/embedded-backup.ts';
import { createStore } from '../../src/adapters/db/store.ts';

/** An embedded database in a folder of its own, migrated, with the firms named. */
const aDataFolder = async (firmNames: string[]) => {
  const folder = mkdtempSync(join(tmpdir(), 'lettrine-backup-'));
  const database = await openPglite(folder);
  await database.migrate();
  await addFirms(database, firmNames);
  await database.close();
  return folder;
};

const addFirms = async (database: Awaited<ReturnType<typeof openPglite>>, names: string[]) => {
  const store = createStore(database);
  for (const name of names) {
    const at = new Date('2026-12-07T09:00:00Z');
    await store.insertFirm({
      id: randomUUID(),
      slug: name.toLowerCase().replace(/\W+/g, '-'),
      clientCodePrefix: 'CLI',
      name,
      legalForm: null,
      addressLine1: null,
      addressLine2: null,
      postalCode: null,
      city: null,
      phone: null,
      email: null,
      siren: null,
      rcs: null,
      vatNumber: null,
      ordreCouncil: null,
      insurer: null,
      insuranceCoverage: null,
      consumerMediator: null,
      accentColor: null,
      hasLogo: false,
      signatureReminderDays: [3, 7],
      signingPeriodDays: 30,
      signedCopyAccessDays: 90,
      dpoEmail: null,
      revisionClauseByDefault: true,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
};

const firmNamesIn = async (folder: string) => {
  const database = await openPglite(folder);
  try {
    return (await createStore(database).listFirms()).map((firm) => firm.name).sort();
  } finally {
    await database.close();
  }
};

describe('lettrine backup and restore (the embedded database)', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('a backup taken with the server stopped restores the database as it was; the replaced one is kept aside', async () => {
    const folder = await aDataFolder(['Cabinet Avant']);
    folders.push(folder);
    const file = join(folder, '..', `${folder.split('/').at(-1)}.tar.gz`);
    folders.push(file);
    const taken = await backupEmbedded(folder, file);
    expect(taken).toMatchObject({ firms: 1, documents: 0 });
    expect(taken.bytes).toBeGreaterThan(100_000);

    const later = await openPglite(folder);
    await addFirms(later, ['Cabinet Après']);
    await later.close();
    expect(await firmNamesIn(folder)).toEqual(['Cabinet Après', 'Cabinet Avant']);

    const restored = await restoreEmbedded(folder, file, new Date('2026-12-07T10:00:00Z'));
    expect(restored).toMatchObject({ firms: 1 });
    expect(await firmNamesIn(folder)).toEqual(['Cabinet Avant']);
    expect(readdirSync(folder)).toContain('pglite.avant-restauration-2026-12-07T10-00-00-000Z');
  }, 60_000);

  it('refuses while a server holds the data folder, and writes nothing', async () => {
    const folder = await aDataFolder(['Cabinet Ouvert']);
    folders.push(folder);
    // A server is another process: its pid in the lock file (this process's parent, alive).
    writeFileSync(join(folder, 'lettrine.lock'), String(process.ppid));
    await expect(backupEmbedded(folder, join(folder, 'sauvegarde.tar.gz'))).rejects.toBeInstanceOf(
      DataFolderLockedError,
    );
    await expect(restoreEmbedded(folder, join(folder, 'sauvegarde.tar.gz'), new Date())).rejects.toThrow();
    expect(existsSync(join(folder, 'sauvegarde.tar.gz'))).toBe(false);
    rmSync(join(folder, 'lettrine.lock'));
    expect(await firmNamesIn(folder)).toEqual(['Cabinet Ouvert']);
  }, 60_000);

  it('a file that is not a backup changes nothing', async () => {
    const folder = await aDataFolder(['Cabinet Intact']);
    folders.push(folder);
    const bogus = join(folder, 'pas-une-sauvegarde.tar.gz');
    writeFileSync(bogus, 'ceci n’est pas une archive');
    await expect(restoreEmbedded(folder, bogus, new Date())).rejects.toThrow();
    expect(await firmNamesIn(folder)).toEqual(['Cabinet Intact']);
    expect(readdirSync(folder).filter((name) => name.startsWith('pglite.avant'))).toEqual([]);
  }, 60_000);
});
