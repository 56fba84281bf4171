import { describe, expect, it } from 'vitest';
import { relationshipEndsOn } from '../../src/domain/engagements/standing.ts';
import { checkPurge, writtenAgain } from '../../src/domain/vigilance/retention.ts';
import { reviewReminderMail } from '../../src/domain/vigilance/review-reminder-mail.ts';
import { asksForReview, isReviewDueSoon, reviewsDueSoon } from '../../src/domain/vigilance/reviews.ts';
import { aLetterInForce } from '../builders/scope.ts';

describe('R-F7 the end of the relationship and the purge', () => {
  const terminated = aLetterInForce({ effectiveDate: '2025-01-01', endDate: '2026-03-31' });

  it('R-F7 the relationship ends on the last day of its last letter, once terminated', () => {
    expect(relationshipEndsOn('client', [terminated])).toBe('2026-03-31');
    // Its notice may run on: the date is known from the termination, before it comes.
    const replacedThenEnded = aLetterInForce({ id: 'lm-0', replacedFrom: '2025-01-01' });
    expect(relationshipEndsOn('client', [replacedThenEnded, terminated])).toBe('2026-03-31');
  });

  it('R-F7 a letter going on (or a new one signed) keeps the relationship open', () => {
    const reopened = aLetterInForce({ id: 'lm-2', effectiveDate: '2027-01-01' });
    expect(relationshipEndsOn('client', [terminated, reopened])).toBeNull();
    expect(relationshipEndsOn('client', [aLetterInForce()])).toBeNull();
    expect(relationshipEndsOn('client', [])).toBeNull();
    expect(relationshipEndsOn('prospect', [terminated])).toBeNull();
  });

  it('R-F7 a file is purged only once its five years are over, with a reason, once', () => {
    const ended = { relationshipEndedOn: '2021-03-31', purgedAt: null, reason: 'Fin de conservation' };
    expect(checkPurge({ ...ended, today: '2026-04-01' })).toEqual({ ok: true, value: true });
    expect(checkPurge({ ...ended, today: '2026-03-31' })).toEqual({
      ok: false,
      error: {
        code: 'VIGILANCE.RETENTION_NOT_OVER',
        details: { relationshipEndedOn: '2021-03-31', retentionEndsOn: '2026-03-31' },
      },
    });
    expect(checkPurge({ ...ended, relationshipEndedOn: null, today: '2040-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'VIGILANCE.RETENTION_NOT_OVER' },
    });
    expect(checkPurge({ ...ended, reason: '  ', today: '2026-04-01' })).toMatchObject({
      ok: false,
      error: { code: 'VIGILANCE.PURGE_REASON_REQUIRED' },
    });
    expect(checkPurge({ ...ended, purgedAt: new Date(), today: '2026-04-01' })).toMatchObject({
      ok: false,
      error: { code: 'VIGILANCE.FILE_ALREADY_PURGED' },
    });
  });

  it('R-F7 purged, the client returns, ends again, purgeable again', () => {
    const tombstone = {
      purgedAt: new Date('2026-04-01T09:00:00Z'),
      purgedBy: 'u-1',
      purgeReason: 'Fin de conservation',
      relationshipEndedOn: '2021-03-31',
    };
    // Written again (new identification, evidence or assessment): the tombstone goes.
    const again = writtenAgain(tombstone);
    expect(again).toEqual({
      purgedAt: null,
      purgedBy: null,
      purgeReason: null,
      relationshipEndedOn: '2021-03-31',
    });
    const live = { ...again, purgedAt: null };
    expect(writtenAgain(live)).toBe(live);
    // The relationship ends again in 2027: purgeable five years on.
    const endedAgain = { ...again, relationshipEndedOn: '2027-12-31', reason: 'Fin de conservation' };
    expect(checkPurge({ ...endedAgain, today: '2033-01-01' })).toEqual({ ok: true, value: true });
    expect(checkPurge({ ...tombstone, reason: 'x', today: '2033-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'VIGILANCE.FILE_ALREADY_PURGED' },
    });
  });
});

describe('R-F4 review reminders', () => {
  it('R-F4 a review due within a month, or overdue, calls for its reminder', () => {
    // One definition with the list of reviews due (isReviewDueSoon): today + one month.
    expect(isReviewDueSoon('2026-12-29', '2026-11-29')).toBe(true);
    expect(isReviewDueSoon('2026-12-30', '2026-11-29')).toBe(false);
    expect(isReviewDueSoon('2026-10-01', '2026-11-29')).toBe(true);
    expect(isReviewDueSoon(null, '2026-11-29')).toBe(false);
  });

  it('R-F4 the due dates listed and reminded: periodic and asked, of files still asking for reviews', () => {
    const file = (engagementId: string, overrides = {}) => ({
      engagementId,
      nextReviewDue: '2026-12-10' as string | null,
      purgedAt: null as Date | null,
      relationshipEndedOn: null as string | null,
      ...overrides,
    });
    const files = [
      file('live'),
      file('later', { nextReviewDue: '2027-06-01' }),
      file('none', { nextReviewDue: null }),
      file('ended', { relationshipEndedOn: '2026-11-28' }),
      file('ending', { relationshipEndedOn: '2026-11-29' }),
      file('purged', { purgedAt: new Date('2026-01-01T00:00:00Z') }),
    ];
    const reviews = [
      { engagementId: 'none', dueOn: '2026-12-20', reason: 'amendment' as const, documentId: 'd-1' },
      { engagementId: 'ended', dueOn: '2026-12-20', reason: 'replacement_letter' as const },
      { engagementId: 'unknown', dueOn: '2026-12-20', reason: 'amendment' as const },
    ];
    expect(reviewsDueSoon(files, reviews, '2026-11-29')).toEqual([
      { engagementId: 'live', dueOn: '2026-12-10', reason: 'periodic' },
      { engagementId: 'ending', dueOn: '2026-12-10', reason: 'periodic' },
      { engagementId: 'none', dueOn: '2026-12-20', reason: 'amendment' },
    ]);
    expect(asksForReview(file('x', { relationshipEndedOn: '2026-11-29' }), '2026-11-29')).toBe(true);
    expect(asksForReview(file('x', { relationshipEndedOn: '2026-11-28' }), '2026-11-29')).toBe(false);
  });

  it('R-F4 the reminder says, in French, which client, which review and when; never the file', () => {
    const mail = reviewReminderMail({
      firmName: 'Cabinet Dupré & Associés',
      userName: 'Claire Petit',
      today: '2026-11-29',
      reviews: [
        {
          companyName: 'Boulangerie <Martin>',
          dueOn: '2026-11-20',
          reason: 'periodic',
          link: 'http://x/e/1',
        },
        { companyName: 'Garage Dubois', dueOn: '2026-12-20', reason: 'amendment', link: 'http://x/e/2' },
        { companyName: 'Cave', dueOn: '2026-12-21', reason: 'replacement_letter', link: 'http://x/e/3' },
      ],
    });
    expect(mail.subject).toBe('Lettrine\u00a0: 3 revues LCB-FT à faire');
    expect(mail.text).toContain('Bonjour Claire Petit,');
    expect(mail.text).toContain('revue périodique, en retard depuis le 20/11/2026');
    expect(mail.text).toContain('Garage Dubois\u00a0: revue demandée par un avenant, due le 20/12/2026');
    expect(mail.text).toContain('revue demandée par une lettre substitutive');
    expect(mail.text).toContain('http://x/e/2');
    expect(mail.html).toContain('Boulangerie &lt;Martin&gt;');
    const one = reviewReminderMail({
      firmName: 'Cabinet',
      userName: 'Claire',
      today: '2026-11-29',
      reviews: [{ companyName: 'Cave', dueOn: '2026-12-21', reason: 'periodic', link: 'http://x' }],
    });
    expect(one.subject).toBe('Lettrine\u00a0: revue LCB-FT à faire (Cave)');
  });
});
