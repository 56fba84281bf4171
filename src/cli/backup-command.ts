import { backupEmbedded, restoreEmbedded } from '../adapters/db/embedded-backup.ts';
import type { Config } from '../config.ts';

const POSTGRES_WAY =
  'Sur PostgreSQL, sauvegardez avec pg_dump et restaurez avec pg_restore (docs/operations.md, « Sauvegarder et restaurer »).';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} Mo`;

/**
 * `lettrine backup [fichier]` and `lettrine restore <fichier>`, for the embedded database, server
 * stopped. PostgreSQL has its own tools, better than anything of ours.
 */
export const runBackupCommand = async (
  config: Config,
  command: 'backup' | 'restore',
  args: string[],
): Promise<number> => {
  if (config.DATABASE_URL) {
    console.error(POSTGRES_WAY);
    return 1;
  }
  const now = new Date();
  if (command === 'backup') {
    const file = args[0] ?? `lettrine-${now.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.tar.gz`;
    const summary = await backupEmbedded(config.DATA_DIR, file);
    console.log(
      `Sauvegarde écrite : ${file} (${megabytes(summary.bytes)} ; ${summary.firms} cabinet(s), ${summary.documents} document(s)).`,
    );
    return 0;
  }
  const [file] = args;
  if (!file) {
    console.error('Usage : lettrine restore <fichier de sauvegarde>');
    return 1;
  }
  const restored = await restoreEmbedded(config.DATA_DIR, file, now);
  console.log(
    `Base restaurée depuis ${file} : ${restored.firms} cabinet(s), ${restored.documents} document(s).`,
  );
  if (restored.keptAs) console.log(`La base remplacée est gardée dans ${restored.keptAs}.`);
  return 0;
};
