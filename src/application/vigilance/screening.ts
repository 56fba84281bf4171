import { parseFreezeRegister } from '../../domain/vigilance/freeze-register.ts';
import { namedPersons } from '../../domain/vigilance/identification.ts';
import { buildScreeningIndex, type ScreeningIndex, screenPerson } from '../../domain/vigilance/screening.ts';
import type { ScreeningMatch, VigilanceFile } from '../../domain/vigilance/vigilance-file.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found, unwrap } from '../app-error.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import { getEngagementForFile, recordFileEvent } from './file-access.ts';
import { recordFileChanged } from './file-changed.ts';

type ScreeningDeps = Pick<Deps, 'ids'>;

/** R-F5: the possible matches of every person the file names. */
const matchesOf = (
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
  input: { at: Date; index?: ScreeningIndex },
): Promise<number> => {
  let index = input.index;
  if (!index) {
    const register = await scope.vigilance.latestRegister();
    if (!register) return 0;
    index = buildScreeningIndex(register.entries);
  }
  return scope.vigilance.insertMatches(matchesOf(deps, file, index, input.at));
};

/** R-F5: screens every file of the firm against the register just imported. */
export const screenAllFiles = async (deps: ScreeningDeps, scope: FirmScope, at: Date): Promise<number> => {
  const register = await scope.vigilance.latestRegister();
  if (!register) return 0;
  const index = buildScreeningIndex(register.entries);
  let found = 0;
  for (const file of await scope.vigilance.listFiles())
    found += await screenFile(deps, scope, file, { at, index });
  return found;
};

/**
 * R-F5: an associé imports the register the Treasury publishes (its JSON text); every file is
 * screened against it in the same transaction, so no letter goes out between the two.
 */
export const importFreezeRegister = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'secrets'>,
  actor: Actor | null,
  input: { firmId: string; text: string },
) => {
  if (actor) assertIsAssocie(actor);
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch {
    throw new AppError('VIGILANCE.REGISTER_INVALID');
  }
  const register = unwrap(parseFreezeRegister(json));
  const at = deps.clock.now();
  const id = deps.ids.uuid();
  const sha256 = deps.secrets.sha256(new TextEncoder().encode(input.text));
  return deps.store.transaction(input.firmId, async (scope) => {
    await scope.vigilance.insertRegister({
      ...register,
      id,
      sha256,
      importedAt: at,
      importedBy: actor?.userId ?? null,
    });
    const newMatches = await screenAllFiles(deps, scope, at);
    return { id, publishedAt: register.publishedAt, entryCount: register.entries.length, sha256, newMatches };
  });
};

/** R-F5: an associé clears a possible match (not the same person) or confirms it, with a reason. */
export const decideScreeningMatch = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  actor: Actor,
  input: { matchId: string; decision: 'cleared' | 'confirmed'; reason: string },
): Promise<ScreeningMatch> => {
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
    return decided;
  });
};

/** R-F5: the possible matches no associé decided yet, for the associés' dashboard. */
export const listOpenMatches = async (deps: Pick<Deps, 'store'>, actor: Actor): Promise<ScreeningMatch[]> => {
  assertIsAssocie(actor);
  return deps.store.read(actor.firmId).vigilance.listMatches({ status: 'open' });
};
