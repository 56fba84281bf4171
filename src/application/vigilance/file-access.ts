import type { Actor } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Engagement } from '../records.ts';

/**
 * R-F6: an engagement's LCB-FT file is read by the firm's associés and by the user responsible
 * for the engagement; nobody else (a colleague, a read-only member) sees who the client's owners
 * are or how risky the firm finds them.
 */
export const getEngagementForFile = async (
  scope: FirmScope,
  actor: Actor,
  engagementId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Engagement> => {
  const engagement = found(await scope.engagements.find(engagementId, options), 'engagement');
  if (actor.role !== 'associe' && engagement.responsibleUserId !== actor.userId) {
    throw new AppError('AUTH.FORBIDDEN', { required: 'associe' });
  }
  return engagement;
};

/** One row of the file's history, in the same transaction as the change (habit 5). */
export const recordFileEvent = (
  deps: { ids: { uuid(): string } },
  scope: FirmScope,
  input: {
    engagementId: string;
    type: string;
    actor: Pick<Actor, 'userId'> | null;
    at: Date;
    data: Record<string, unknown>;
  },
): Promise<void> =>
  scope.vigilance.recordEvent({
    id: deps.ids.uuid(),
    engagementId: input.engagementId,
    type: input.type,
    userId: input.actor?.userId ?? null,
    at: input.at,
    data: input.data,
  });
