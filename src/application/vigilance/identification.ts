import { parisDate } from '../../domain/shared/dates.ts';
import type { IdentificationFile } from '../../domain/vigilance/identification.ts';
import { writtenAgain } from '../../domain/vigilance/retention.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import { getEngagementForFile, recordFileEvent } from './file-access.ts';
import { recordFileChanged } from './file-changed.ts';
import { fileOrStarted } from './file-state.ts';
import { screenFile } from './screening.ts';

/**
 * R-F1: the identification file is written by the associés and the engagement's responsible user;
 * each change is kept as a history row and every named person is screened again (R-F5).
 */
export const updateIdentification = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  actor: Actor,
  input: { engagementId: string; identification: IdentificationFile; version?: number },
) => {
  assertCanWrite(actor);
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, async (scope) => {
    const engagement = await getEngagementForFile(scope, actor, input.engagementId, { forUpdate: true });
    const file = await fileOrStarted(scope, engagement, { forUpdate: true });
    if (input.version !== undefined && input.version !== file.version) {
      throw new AppError('EDIT.STALE_VERSION', { currentVersion: file.version });
    }
    const saved = await scope.vigilance.saveFile(
      { ...writtenAgain(file), identification: input.identification },
      at,
    );
    await recordFileEvent(deps, scope, {
      engagementId: engagement.id,
      type: 'identification.updated',
      actor,
      at,
      data: { before: file.identification, after: input.identification },
    });
    const newMatches = await screenFile(deps, scope, saved, { at });
    await recordFileChanged(scope, { actor, engagementId: engagement.id, at, change: 'identification' });
    return { file: saved, newMatches, today: parisDate(at) };
  });
};
