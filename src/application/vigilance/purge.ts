import { addMonths, parisDate } from '../../domain/shared/dates.ts';
import {
  checkPurge,
  isPurgeable,
  RETENTION_YEARS,
  retentionEndsOn,
} from '../../domain/vigilance/retention.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { found, unwrap } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import { recordFileEvent } from './file-access.ts';
import { recordFileChanged } from './file-changed.ts';

export type PurgeableFile = {
  engagementId: string;
  companyName: string;
  clientCode: string | null;
  relationshipEndedOn: string;
  retentionEndsOn: string;
};

/** R-F7: the files kept five years after the relationship's end, now over: listed for an associé. */
export const listPurgeableFiles = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
): Promise<PurgeableFile[]> => {
  assertIsAssocie(actor);
  const scope = deps.store.read(actor.firmId);
  const today = parisDate(deps.clock.now());
  // In SQL the files ended at least five years ago; the exact day (month ends) decided here.
  const candidates = await scope.vigilance.listPurgeCandidates(addMonths(today, -RETENTION_YEARS * 12));
  const listed = candidates
    .filter((file) => isPurgeable(file.relationshipEndedOn, today))
    .map((file) => ({ ...file, retentionEndsOn: retentionEndsOn(file.relationshipEndedOn) ?? '' }));
  return listed.sort((a, b) => a.retentionEndsOn.localeCompare(b.retentionEndsOn));
};

/**
 * R-F7: an associé purges a file whose retention is over (never before): its identification,
 * assessment, approval, evidence, matches, reviews and history go; the file's row stays as the
 * tombstone (who, when, why), with one history row and the webhook's `vigilance.file_changed`.
 */
export const purgeFile = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  actor: Actor,
  input: { engagementId: string; reason: string },
) => {
  assertIsAssocie(actor);
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, async (scope) => {
    found(await scope.engagements.find(input.engagementId, { forUpdate: true }), 'engagement');
    const file = found(
      await scope.vigilance.findFile(input.engagementId, { forUpdate: true }),
      'vigilance_file',
    );
    const reason = input.reason.trim();
    unwrap(checkPurge({ ...file, reason, today: parisDate(at) }));
    const purged = found(
      await scope.vigilance.purgeFile(file.engagementId, { purgedBy: actor.userId, purgedAt: at, reason }),
      'vigilance_file',
    );
    await recordFileEvent(deps, scope, {
      engagementId: file.engagementId,
      type: 'file.purged',
      actor,
      at,
      data: { reason, relationshipEndedOn: file.relationshipEndedOn },
    });
    await recordFileChanged(scope, { actor, engagementId: file.engagementId, at, change: 'purge' });
    return {
      engagementId: purged.engagementId,
      relationshipEndedOn: purged.relationshipEndedOn,
      purgedAt: at,
      purgedBy: actor.userId,
      purgeReason: reason,
    };
  });
};
