import { addMonths, type IsoDate } from '../shared/dates.ts';
import type { VigilanceLevel } from './risk.ts';

/** R-F4: months between two reviews, by vigilance level (firm settings). */
export type ReviewPeriods = Readonly<Record<VigilanceLevel, number>>;

/** R-F4: the defaults: enhanced every 12 months, standard 24, simplified 36. */
export const DEFAULT_REVIEW_PERIODS: ReviewPeriods = { enhanced: 12, standard: 24, simplified: 36 };

/** R-F4: the next review is due a period after the last assessment or review. */
export const reviewDueOn = (
  level: VigilanceLevel,
  lastReviewedOn: IsoDate,
  periods: ReviewPeriods,
): IsoDate => addMonths(lastReviewedOn, periods[level]);

/** R-F4: a review due before today is overdue (the due day itself is still on time). */
export const isReviewOverdue = (dueOn: IsoDate | null, today: IsoDate): boolean =>
  dueOn !== null && dueOn < today;

/** R-F4: due within a month or overdue: the list the firm works through, and its reminders. */
export const isReviewDueSoon = (dueOn: IsoDate | null, today: IsoDate): boolean =>
  dueOn !== null && dueOn <= addMonths(today, 1);

/** R-F4: an amendment or a replacement letter created on the engagement asks for a review now. */
export const isReviewTrigger = (kind: string): boolean =>
  kind === 'amendment' || kind === 'replacement_letter';

/** R-F4: periods a firm may set: whole months, one to five years. */
export const arePeriodsValid = (periods: ReviewPeriods): boolean =>
  Object.values(periods).every((m) => Number.isInteger(m) && m >= 1 && m <= 60);

/** R-F4: the review an amendment or a replacement letter asks for is due within thirty days. */
export const REVIEW_ON_DOCUMENT_DAYS = 30;

/** R-F4: what a review's due date needs of its file and of the reviews asked. */
export type ReviewDue = {
  engagementId: string;
  dueOn: IsoDate;
  reason: 'periodic' | 'amendment' | 'replacement_letter';
};

/** R-F4: a file whose relationship has ended, or that was purged, asks for no review. */
export const asksForReview = (
  file: { purgedAt: Date | null; relationshipEndedOn: IsoDate | null },
  today: IsoDate,
): boolean =>
  file.purgedAt === null && (file.relationshipEndedOn === null || file.relationshipEndedOn >= today);

/**
 * R-F4: the due dates within a month or overdue (periodic review, or one asked by an amendment or a
 * replacement letter) of the files that still ask for reviews: the list the firm works through and
 * the reminders mailed.
 */
export const reviewsDueSoon = (
  files: readonly {
    engagementId: string;
    nextReviewDue: IsoDate | null;
    purgedAt: Date | null;
    relationshipEndedOn: IsoDate | null;
  }[],
  openReviews: readonly ReviewDue[],
  today: IsoDate,
): ReviewDue[] => {
  const live = new Set(files.filter((f) => asksForReview(f, today)).map((f) => f.engagementId));
  return [
    ...files.flatMap((f) =>
      f.nextReviewDue
        ? [{ engagementId: f.engagementId, dueOn: f.nextReviewDue, reason: 'periodic' as const }]
        : [],
    ),
    ...openReviews.map(({ engagementId, dueOn, reason }) => ({ engagementId, dueOn, reason })),
  ].filter((due) => live.has(due.engagementId) && isReviewDueSoon(due.dueOn, today));
};
