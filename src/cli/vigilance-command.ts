import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../application/app-error.ts';
import type { Deps } from '../application/ports/index.ts';
import { importFreezeRegister, runRegisterScreening } from '../application/vigilance/register-import.ts';
import { ERROR_MESSAGES } from '../domain/shared/errors.ts';

export const VIGILANCE_USAGE = `Usage : lettrine vigilance import-register <fichier.json> [--firm <identifiant du cabinet>]
  Importe le registre national des gels d’avoirs (JSON publié sur gels-avoirs.dgtresor.gouv.fr)
  dans chaque cabinet (ou dans celui indiqué) et y filtre chaque dossier LCB-FT contre lui (R-F5).
`;

/**
 * `lettrine vigilance import-register`: the operator's way to load the Treasury's register (a cron
 * after its publication, say). Each firm gets it with its screening queued (`vigilance.screen`);
 * the command runs that screening itself, so it ends with the count, and the job queued then finds
 * nothing left to do.
 */
export const runVigilanceCommand = async (
  deps: Deps,
  args: string[],
  log: (line: string) => void = console.log,
): Promise<number> => {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { firm: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (action !== 'import-register' || !file) {
    log(VIGILANCE_USAGE);
    return 1;
  }
  const text = await readFile(file, 'utf8');
  const firms = (await deps.store.listFirms()).filter((firm) => !values.firm || firm.slug === values.firm);
  if (firms.length === 0) {
    log(values.firm ? `Aucun cabinet « ${values.firm} ».` : 'Aucun cabinet sur cette installation.');
    return 1;
  }
  try {
    for (const firm of firms) {
      const { lastImport } = await importFreezeRegister(deps, null, { firmId: firm.id, text });
      if (!lastImport) continue;
      await runRegisterScreening(deps, { firmId: firm.id, registerId: lastImport.id });
      const register = await deps.store.read(firm.id).vigilance.findRegisterImport(lastImport.id);
      log(
        `${firm.name} : ${lastImport.entryCount} entrées importées (publication ${lastImport.publishedAt ?? 'non datée'}), ${register?.newMatches ?? 0} correspondance(s) nouvelle(s) à examiner.`,
      );
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    log(ERROR_MESSAGES[error.code]);
    return 1;
  }
  return 0;
};
