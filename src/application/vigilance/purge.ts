import { parisDate } from '../../domain/shared/dates.ts';
import { checkPurge, isPurgeable, retentionEndsOn } from '../../domain/vigilance/retention.ts';
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
  const files = (await scope.vigilance.listFiles({ relationshipEnded: true })).filter(
    (file) => file.purgedAt === null && isPurgeable(file.relationshipEndedOn, today),
  );
  const listed: PurgeableFile[] = [];
  for (const file of files) {
    const engagement = await scope.engagements.find(file.engagementId);
    const company = engagement && (await scope.companies.find(engagement.companyId));
    listed.push({
      engagementId: file.engagementId,
      companyName: company?.name ?? '',
      clientCode: engagement?.clientCode ?? null,
      relationshipEndedOn: file.relationshipEndedOn ?? '',
      retentionEndsOn: retentionEndsOn(file.relationshipEndedOn) ?? '',
    });
  }
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
