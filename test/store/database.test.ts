import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DataFolderLockedError, openPglite } from '../../src/adapters/db/database.ts';

const run = promisify(execFile);
const databaseModule = fileURLToPath(new URL('../../src/adapters/db/database.ts', import.meta.url));

describe('the embedded database folder', () => {
  it('refuses a second process on the same data folder with a clear French error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lettrine-lock-'));
    const first = await openPglite(folder);
    try {
      const script = `import { openPglite } from ${JSON.stringify(databaseModule)};
        openPglite(${JSON.stringify(folder)}).then(() => console.log('OPENED'), (e) => console.log(e.message));`;
      const { stdout } = await run(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ]);
      expect(stdout).not.toContain('OPENED');
      expect(stdout).toContain(`est déjà utilisé par le processus ${process.pid}`);
    } finally {
      await first.close();
    }
  });

  it('takes over a lock left by a process that died, and gives it back when closed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lettrine-stale-'));
    const lock = join(folder, 'lettrine.lock');
    writeFileSync(lock, '999999');
    const database = await openPglite(folder);
    try {
      expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
      const { rows } = await database.executeSql('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
    expect(existsSync(lock)).toBe(false);
  });

  it('names the folder and the owner in the refusal', () => {
    const error = new DataFolderLockedError('./data', 4242);
    expect(error.message).toContain('./data');
    expect(error.message).toContain('4242');
    expect(error.message).toMatch(/déjà utilisé/);
  });
});
