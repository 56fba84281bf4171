import { describe, expect, it } from 'vitest';
import { isPurgeable, retentionEndsOn } from '../../src/domain/vigilance/retention.ts';
import {
  arePeriodsValid,
  DEFAULT_REVIEW_PERIODS,
  isReviewDueSoon,
  isReviewOverdue,
  isReviewTrigger,
  reviewDueOn,
} from '../../src/domain/vigilance/reviews.ts';

describe('R-F4 periodic reviews', () => {
  it('R-F4 by default every 12 months for enhanced, 24 for standard, 36 for simplified', () => {
    expect(reviewDueOn('enhanced', '2026-02-28', DEFAULT_REVIEW_PERIODS)).toBe('2027-02-28');
    expect(reviewDueOn('standard', '2026-02-28', DEFAULT_REVIEW_PERIODS)).toBe('2028-02-28');
    expect(reviewDueOn('simplified', '2026-02-28', DEFAULT_REVIEW_PERIODS)).toBe('2029-02-28');
    expect(reviewDueOn('enhanced', '2026-01-31', { ...DEFAULT_REVIEW_PERIODS, enhanced: 6 })).toBe(
      '2026-07-31',
    );
  });

  it('R-F4 a review is overdue the day after it is due; due soon within a month', () => {
    expect(isReviewOverdue('2026-11-29', '2026-11-29')).toBe(false);
    expect(isReviewOverdue('2026-11-28', '2026-11-29')).toBe(true);
    expect(isReviewOverdue(null, '2026-11-29')).toBe(false);
    expect(isReviewDueSoon('2026-12-29', '2026-11-29')).toBe(true);
    expect(isReviewDueSoon('2026-12-30', '2026-11-29')).toBe(false);
    expect(isReviewDueSoon(null, '2026-11-29')).toBe(false);
  });

  it('R-F4 an amendment or a replacement letter asks for a review', () => {
    expect(isReviewTrigger('amendment')).toBe(true);
    expect(isReviewTrigger('replacement_letter')).toBe(true);
    expect(isReviewTrigger('work_order')).toBe(false);
  });

  it('R-F4 the firm sets periods in whole months, from one to sixty', () => {
    expect(arePeriodsValid(DEFAULT_REVIEW_PERIODS)).toBe(true);
    expect(arePeriodsValid({ ...DEFAULT_REVIEW_PERIODS, standard: 0 })).toBe(false);
    expect(arePeriodsValid({ ...DEFAULT_REVIEW_PERIODS, standard: 61 })).toBe(false);
    expect(arePeriodsValid({ ...DEFAULT_REVIEW_PERIODS, standard: 1.5 })).toBe(false);
  });
});

describe('R-F7 retention', () => {
  it('R-F7 keeps the records five years after the relationship ends, then lists them for purge', () => {
    expect(retentionEndsOn(null)).toBeNull();
    expect(retentionEndsOn('2026-03-31')).toBe('2031-03-31');
    expect(isPurgeable(null, '2040-01-01')).toBe(false);
    expect(isPurgeable('2026-03-31', '2031-03-31')).toBe(false);
    expect(isPurgeable('2026-03-31', '2031-04-01')).toBe(true);
  });
});
