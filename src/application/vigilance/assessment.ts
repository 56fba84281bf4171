import { parisDate } from '../../domain/shared/dates.ts';
import { checkApproval, needsApproval } from '../../domain/vigilance/approval.ts';
import { writtenAgain } from '../../domain/vigilance/retention.ts';
import { reviewDueOn } from '../../domain/vigilance/reviews.ts';
import { checkRiskAssessment, type RiskAssessment, vigilanceLevel } from '../../domain/vigilance/risk.ts';
import type { VigilanceFile } from '../../domain/vigilance/vigilance-file.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, unwrap } from '../app-error.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import { getEngagementForFile, recordFileEvent } from './file-access.ts';
import { recordFileChanged } from './file-changed.ts';
import { fileOrStarted } from './file-state.ts';

type FileDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/** R-F4: an assessment or a review done today sets the next due date by the level's period. */
const reviewed = async (scope: FirmScope, file: VigilanceFile, actor: Actor, at: Date) => {
  const today = parisDate(at);
  const { periods } = await scope.vigilance.settings();
  await scope.vigilance.completeReviews(file.engagementId, { by: actor.userId, at });
  return {
    lastReviewedOn: today,
    nextReviewDue: file.level ? reviewDueOn(file.level, today, periods) : null,
  };
};

/**
 * R-F2: the four criteria with their reasons give the level (raised only upwards by an override);
 * recorded by a named user, kept in the history. A new assessment asks for a new approval (R-F3)
 * and counts as a review (R-F4).
 */
export const recordAssessment = async (
  deps: FileDeps,
  actor: Actor,
  input: { engagementId: string; assessment: RiskAssessment },
): Promise<VigilanceFile> => {
  assertCanWrite(actor);
  const assessment = unwrap(checkRiskAssessment(input.assessment));
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, async (scope) => {
    const engagement = await getEngagementForFile(scope, actor, input.engagementId, { forUpdate: true });
    const file = await fileOrStarted(scope, engagement, { forUpdate: true });
    // R-F6: a collaborator's new assessment keeps the associés' notes it could not read.
    const notes = actor.role === 'associe' ? assessment.notes : (file.assessment?.notes ?? null);
    const assessed = {
      ...writtenAgain(file),
      assessment: { ...assessment, notes },
      assessmentVersion: file.assessmentVersion + 1,
      assessedBy: actor.userId,
      assessedAt: at,
      level: vigilanceLevel(assessment),
    };
    const saved = await scope.vigilance.saveFile(
      { ...assessed, ...(await reviewed(scope, assessed, actor, at)) },
      at,
    );
    await recordFileEvent(deps, scope, {
      engagementId: engagement.id,
      type: 'assessment.recorded',
      actor,
      at,
      data: { assessment: saved.assessment, level: saved.level, version: saved.assessmentVersion },
    });
    await recordFileChanged(scope, { actor, engagementId: engagement.id, at, change: 'assessment' });
    return saved;
  });
};

/** R-F3: an associé approves an enhanced file, noting the origin of funds. */
export const approveFile = async (
  deps: FileDeps,
  actor: Actor,
  input: { engagementId: string; originOfFunds: string },
): Promise<VigilanceFile> => {
  assertCanWrite(actor);
  unwrap(checkApproval({ role: actor.role, originOfFunds: input.originOfFunds }));
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, async (scope) => {
    const engagement = await getEngagementForFile(scope, actor, input.engagementId, { forUpdate: true });
    const file = await scope.vigilance.findFile(engagement.id, { forUpdate: true });
    if (!file?.level || !needsApproval(file.level)) throw new AppError('VIGILANCE.APPROVAL_NOT_NEEDED');
    const approval = {
      approvedBy: actor.userId,
      approvedAt: at.toISOString(),
      originOfFunds: input.originOfFunds.trim(),
      assessmentVersion: file.assessmentVersion,
    };
    const saved = await scope.vigilance.saveFile({ ...file, approval }, at);
    await recordFileEvent(deps, scope, {
      engagementId: engagement.id,
      type: 'file.approved',
      actor,
      at,
      data: approval,
    });
    await recordFileChanged(scope, { actor, engagementId: engagement.id, at, change: 'approval' });
    return saved;
  });
};

/** R-F4: the periodic review done (the assessment still holds): the next one is set. */
export const completeReview = async (
  deps: FileDeps,
  actor: Actor,
  input: { engagementId: string; note: string | null },
): Promise<VigilanceFile> => {
  assertCanWrite(actor);
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, async (scope) => {
    const engagement = await getEngagementForFile(scope, actor, input.engagementId, { forUpdate: true });
    const file = await scope.vigilance.findFile(engagement.id, { forUpdate: true });
    if (!file?.assessment)
      throw new AppError('VIGILANCE.FILE_INCOMPLETE', {
        missing: [{ code: 'assessment', message: 'Évaluation du risque LCB-FT non faite' }],
      });
    const saved = await scope.vigilance.saveFile(
      { ...file, ...(await reviewed(scope, file, actor, at)) },
      at,
    );
    await recordFileEvent(deps, scope, {
      engagementId: engagement.id,
      type: 'review.completed',
      actor,
      at,
      data: { note: input.note, nextReviewDue: saved.nextReviewDue },
    });
    await recordFileChanged(scope, { actor, engagementId: engagement.id, at, change: 'review' });
    return saved;
  });
};
