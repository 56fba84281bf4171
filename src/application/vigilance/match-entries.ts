import type { PartialDate } from '../../domain/vigilance/screening.ts';
import type { ScreeningMatch } from '../../domain/vigilance/vigilance-file.ts';
import type { FirmScope, RegisterImport } from '../ports/index.ts';

export type WithEntryBirthDates<M> = M & { entryBirthDates: PartialDate[] };

/**
 * The import a match was found against: the last one made by then (the imports come the last
 * first), so that the dates shown are those its name and its birth-date agreement were read from.
 */
const importOf = (imports: readonly RegisterImport[], foundAt: Date) =>
  imports.find((register) => register.importedAt.getTime() <= foundAt.getTime());

/**
 * R-F5: each match with the birth dates its register entry gives (year, month and day when known),
 * for the associé to compare with the person's; none when the register gives none. One read of the
 * entries named per import involved, never a whole register.
 */
export const withEntryBirthDates = async <M extends Pick<ScreeningMatch, 'entryId' | 'foundAt'>>(
  scope: FirmScope,
  matches: readonly M[],
): Promise<WithEntryBirthDates<M>[]> => {
  if (matches.length === 0) return [];
  const imports = await scope.vigilance.listRegisterImports();
  const registerIds = matches.map((match) => importOf(imports, match.foundAt)?.id);
  const wanted = new Map<string, Set<string>>();
  matches.forEach((match, i) => {
    const registerId = registerIds[i];
    if (registerId) wanted.set(registerId, (wanted.get(registerId) ?? new Set()).add(match.entryId));
  });
  const datesOf = new Map<string, PartialDate[]>();
  for (const [registerId, entryIds] of wanted) {
    for (const entry of await scope.vigilance.listRegisterEntries(registerId, [...entryIds])) {
      datesOf.set(`${registerId}/${entry.id}`, [...entry.birthDates]);
    }
  }
  return matches.map((match, i) => ({
    ...match,
    entryBirthDates: datesOf.get(`${registerIds[i]}/${match.entryId}`) ?? [],
  }));
};
