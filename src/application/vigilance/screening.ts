import { namedPersons } from '../../domain/vigilance/identification.ts';
import { type ScreeningIndex, screenPerson } from '../../domain/vigilance/screening.ts';
import type { ScreeningMatch, VigilanceFile } from '../../domain/vigilance/vigilance-file.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import { getEngagementForFile, recordFileEvent } from './file-access.ts';
import { recordFileChanged } from './file-changed.ts';
import { type WithEntryBirthDates, withEntryBirthDates } from './match-entries.ts';
import { screeningIndexOf } from './screening-index.ts';

type ScreeningDeps = Pick<Deps, 'ids'>;

/** R-F5: the possible matches of every person the file names. */
export const matchesOf = (
  deps: ScreeningDeps,
  file: VigilanceFile,
  index: ScreeningIndex,
  at: Date,
): ScreeningMatch[] =>
  file.identification
    ? namedPersons(file.identification).flatMap((person) =>
        screenPerson(person, index).map((m) => ({
          ...m,
          id: deps.ids.uuid(),
          engagementId: file.engagementId,
          personName: `${person.firstNames} ${person.lastName}`.trim(),
          status: 'open' as const,
          foundAt: at,
          decidedBy: null,
          decidedAt: null,
          reason: null,
        })),
      )
    : [];

/**
 * R-F5: screens a file against the last register imported, on every change of the file; a match
 * already decided for the same person and entry is not asked again. Returns the new matches.
 */
export const screenFile = async (
  deps: ScreeningDeps,
  scope: FirmScope,
  file: VigilanceFile,
  input: { at: Date },
): Promise<number> => {
  const register = await scope.vigilance.findRegisterImport();
  if (!register) return 0;
  const index = await screeningIndexOf(scope, register);
  const found = await scope.vigilance.insertMatches(matchesOf(deps, file, index, input.at));
  await scope.vigilance.markScreened(register.id, { engagementIds: [file.engagementId], newMatches: 0 });
  return found;
};

/** R-F5: an associé clears a possible match (not the same person) or confirms it, with a reason. */
export const decideScreeningMatch = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  actor: Actor,
  input: { matchId: string; decision: 'cleared' | 'confirmed'; reason: string },
): Promise<WithEntryBirthDates<ScreeningMatch>> => {
  assertIsAssocie(actor);
  if (input.reason.trim() === '') throw new AppError('VIGILANCE.DECISION_REASON_REQUIRED');
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, async (scope) => {
    const match = found(await scope.vigilance.findMatch(input.matchId), 'match');
    await getEngagementForFile(scope, actor, match.engagementId, { forUpdate: true });
    const decided = await scope.vigilance.decideMatch(match.id, {
      status: input.decision,
      decidedBy: actor.userId,
      decidedAt: at,
      reason: input.reason.trim(),
    });
    if (!decided) throw new AppError('VIGILANCE.MATCH_ALREADY_DECIDED', { status: match.status });
    await recordFileEvent(deps, scope, {
      engagementId: match.engagementId,
      type: `screening.${input.decision}`,
      actor,
      at,
      data: {
        matchId: match.id,
        entryId: match.entryId,
        personName: match.personName,
        reason: decided.reason,
      },
    });
    await recordFileChanged(scope, { actor, engagementId: match.engagementId, at, change: 'screening' });
    const [withDates] = await withEntryBirthDates(scope, [decided]);
    return withDates ?? { ...decided, entryBirthDates: [] };
  });
};

export type OpenMatch = WithEntryBirthDates<ScreeningMatch> & {
  companyName: string;
  personBirthDate: string | null;
};

/**
 * R-F5: the possible matches no associé decided yet, for the associés' dashboard, each with its
 * client's name, the person's birth date in the file and the register entry's (what the associé
 * compares).
 */
export const listOpenMatches = async (deps: Pick<Deps, 'store'>, actor: Actor): Promise<OpenMatch[]> => {
  assertIsAssocie(actor);
  const scope = deps.store.read(actor.firmId);
  const rows = await withEntryBirthDates(scope, await scope.vigilance.listOpenMatchesWithFile());
  return rows.map(({ identification, ...match }) => ({
    ...match,
    personBirthDate:
      (identification && namedPersons(identification).find((p) => p.id === match.personId)?.birthDate) ??
      null,
  }));
};
