import { scopeInputs } from '../../domain/documents/scope-inputs.ts';
import { relationshipEndsOn } from '../../domain/engagements/standing.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Engagement } from '../records.ts';
import { recordFileEvent } from './file-access.ts';

/** R-F7: the last day of the relationship as the engagement's letters say it now. */
export const relationshipEndOf = async (scope: FirmScope, engagement: Engagement): Promise<IsoDate | null> =>
  relationshipEndsOn(
    engagement.state,
    scopeInputs(await scope.documents.listByEngagement(engagement.id)).letters,
  );

/**
 * R-F7: after a letter is terminated or signed, the file notes when the relationship ends (its last
 * letter's last day), or that it goes on again; its retention counts from that day. Called in the
 * transaction of the change, the engagement already locked.
 */
export const syncRelationshipEnd = async (
  deps: Pick<Deps, 'ids'>,
  scope: FirmScope,
  input: { engagementId: string; actor: { userId: string } | null; at: Date },
): Promise<void> => {
  const engagement = await scope.engagements.find(input.engagementId);
  const file = engagement && (await scope.vigilance.findFile(engagement.id, { forUpdate: true }));
  if (!engagement || !file) return;
  const endedOn = await relationshipEndOf(scope, engagement);
  if (endedOn === file.relationshipEndedOn) return;
  await scope.vigilance.saveFile({ ...file, relationshipEndedOn: endedOn }, input.at);
  await recordFileEvent(deps, scope, {
    engagementId: engagement.id,
    type: endedOn === null ? 'relationship.reopened' : 'relationship.ended',
    actor: input.actor,
    at: input.at,
    data: { before: file.relationshipEndedOn, after: endedOn },
  });
};
