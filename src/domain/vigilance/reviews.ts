import { addDays, addMonths, type IsoDate } from '../shared/dates.ts';
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

/** R-F4: due within the next 30 days or overdue: the list the firm works through. */
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

/** R-F4: the responsible user is reminded of a review due within this many days, or overdue. */
export const REVIEW_REMINDER_DAYS = 30;

/** R-F4: whether a due date calls for its reminder today (due within the days given, or overdue). */
export const isReviewReminderDue = (
  dueOn: IsoDate | null,
  today: IsoDate,
  days: number = REVIEW_REMINDER_DAYS,
): boolean => dueOn !== null && dueOn <= addDays(today, days);
