import { parisDate } from '../../domain/shared/dates.ts';
import { vigilanceBlockers } from '../../domain/vigilance/gate.ts';
import type { Actor } from '../actor.ts';
import { recordEvent } from '../events.ts';
import type { FirmScope } from '../ports/index.ts';
import { vigilanceStateOf } from './file-state.ts';

/**
 * The file's state in the engagement's history and to the firm's webhooks: ready or not, the codes
 * of what is missing, the next review. Never the notes, the level, the people or the matches'
 * names (R-F6): the other tools follow the gate, not the file's content.
 */
export const recordFileChanged = async (
  scope: FirmScope,
  input: { actor: Pick<Actor, 'userId'> | null; engagementId: string; at: Date; change: string },
): Promise<void> => {
  const file = await scope.vigilance.findFile(input.engagementId);
  // The file's own state, whether or not the firm's gate is on.
  const missing = vigilanceBlockers(await vigilanceStateOf(scope, input.engagementId), parisDate(input.at));
  await recordEvent(scope, {
    type: 'vigilance.file_changed',
    actor: input.actor,
    at: input.at,
    engagementId: input.engagementId,
    data: {
      change: input.change,
      ready: missing.length === 0,
      missing: missing.map((m) => m.code),
      nextReviewDue: file?.nextReviewDue ?? null,
    },
  });
};
