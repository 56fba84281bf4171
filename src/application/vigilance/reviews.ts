import { addDays, isIsoDate, parisDate } from '../../domain/shared/dates.ts';
import {
  isReviewDueSoon,
  isReviewOverdue,
  isReviewTrigger,
  REVIEW_ON_DOCUMENT_DAYS,
} from '../../domain/vigilance/reviews.ts';
import type { Actor } from '../actor.ts';
import type { Deps, FirmScope } from '../ports/index.ts';

/**
 * R-F4: an amendment or a replacement letter created on an engagement with an LCB-FT file asks
 * for a review of it (listed at once, due within thirty days, then blocking the letter).
 */
export const askReviewOnDocument = async (
  deps: Pick<Deps, 'ids'>,
  scope: FirmScope,
  input: { engagementId: string; documentId: string; kind: string; at: Date },
): Promise<void> => {
  if (!isReviewTrigger(input.kind) || !(await scope.vigilance.findFile(input.engagementId))) return;
  await scope.vigilance.insertReview({
    id: deps.ids.uuid(),
    engagementId: input.engagementId,
    reason: input.kind === 'amendment' ? 'amendment' : 'replacement_letter',
    dueOn: addDays(parisDate(input.at), REVIEW_ON_DOCUMENT_DAYS),
    documentId: input.documentId,
    createdAt: input.at,
    completedAt: null,
    completedBy: null,
  });
};

export type ReviewDue = {
  engagementId: string;
  dueOn: string;
  reason: 'periodic' | 'amendment' | 'replacement_letter';
  isOverdue: boolean;
};

/**
 * R-F4: the files whose review is due within a month or overdue, soonest first: every file for an
 * associé, the engagements one is responsible for otherwise.
 */
export const listReviewsDue = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
): Promise<ReviewDue[]> => {
  const scope = deps.store.read(actor.firmId);
  const today = parisDate(deps.clock.now());
  const [files, reviews] = await Promise.all([
    scope.vigilance.listFiles(),
    scope.vigilance.listOpenReviews(),
  ]);
  const due: ReviewDue[] = [
    ...files.flatMap((f) =>
      f.nextReviewDue && isIsoDate(f.nextReviewDue)
        ? [{ engagementId: f.engagementId, dueOn: f.nextReviewDue, reason: 'periodic' as const }]
        : [],
    ),
    ...reviews.map((r) => ({ engagementId: r.engagementId, dueOn: r.dueOn, reason: r.reason })),
  ]
    .filter((r) => isReviewDueSoon(r.dueOn, today))
    .map((r) => ({ ...r, isOverdue: isReviewOverdue(r.dueOn, today) }));
  const mine = actor.role === 'associe' ? due : await onlyResponsible(scope, actor, due);
  return mine.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
};

const onlyResponsible = async (scope: FirmScope, actor: Actor, due: ReviewDue[]) => {
  const kept: ReviewDue[] = [];
  for (const review of due) {
    const engagement = await scope.engagements.find(review.engagementId);
    if (engagement?.responsibleUserId === actor.userId) kept.push(review);
  }
  return kept;
};
