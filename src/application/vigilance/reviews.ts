import { addDays, parisDate } from '../../domain/shared/dates.ts';
import {
  isReviewOverdue,
  isReviewTrigger,
  REVIEW_ON_DOCUMENT_DAYS,
  reviewsDueSoon,
} from '../../domain/vigilance/reviews.ts';
import type { Actor } from '../actor.ts';
import type { Deps, FirmScope } from '../ports/index.ts';

/**
 * R-F4: an amendment or a replacement letter created on an engagement with an LCB-FT file asks
 * for a review of it (listed at once, due within thirty days, then blocking the letter); the
 * letters of a renewal campaign too, a chunk of them at a time.
 */
export const askReviewsOnDocuments = async (
  deps: Pick<Deps, 'ids'>,
  scope: FirmScope,
  documents: readonly { engagementId: string; documentId: string; kind: string; at: Date }[],
): Promise<void> => {
  const triggers = documents.filter((doc) => isReviewTrigger(doc.kind));
  if (triggers.length === 0) return;
  const files = await scope.vigilance.listFiles({
    engagementIds: [...new Set(triggers.map((d) => d.engagementId))],
  });
  const withFile = new Set(files.filter((f) => f.purgedAt === null).map((f) => f.engagementId));
  await scope.vigilance.insertReviews(
    triggers
      .filter((doc) => withFile.has(doc.engagementId))
      .map((doc) => ({
        id: deps.ids.uuid(),
        engagementId: doc.engagementId,
        reason: doc.kind === 'amendment' ? ('amendment' as const) : ('replacement_letter' as const),
        dueOn: addDays(parisDate(doc.at), REVIEW_ON_DOCUMENT_DAYS),
        documentId: doc.documentId,
        createdAt: doc.at,
        completedAt: null,
        completedBy: null,
      })),
  );
};

/** R-F4: the review one amendment or replacement letter asks for (see askReviewsOnDocuments). */
export const askReviewOnDocument = (
  deps: Pick<Deps, 'ids'>,
  scope: FirmScope,
  input: { engagementId: string; documentId: string; kind: string; at: Date },
): Promise<void> => askReviewsOnDocuments(deps, scope, [input]);

export type ReviewDue = {
  engagementId: string;
  dueOn: string;
  reason: 'periodic' | 'amendment' | 'replacement_letter';
  isOverdue: boolean;
};

/**
 * R-F4: the files whose review is due within a month or overdue, soonest first (none of a file whose
 * relationship has ended or that was purged): every file for an associé, the engagements one is
 * responsible for otherwise.
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
  const due: ReviewDue[] = reviewsDueSoon(files, reviews, today).map((r) => ({
    ...r,
    isOverdue: isReviewOverdue(r.dueOn, today),
  }));
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
