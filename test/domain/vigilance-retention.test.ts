import { describe, expect, it } from 'vitest';
import { relationshipEndsOn } from '../../src/domain/engagements/standing.ts';
import { checkPurge } from '../../src/domain/vigilance/retention.ts';
import { reviewReminderMail } from '../../src/domain/vigilance/review-reminder-mail.ts';
import { isReviewReminderDue, REVIEW_REMINDER_DAYS } from '../../src/domain/vigilance/reviews.ts';
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
});

describe('R-F4 review reminders', () => {
  it('R-F4 a review due within thirty days, or overdue, calls for its reminder', () => {
    expect(REVIEW_REMINDER_DAYS).toBe(30);
    expect(isReviewReminderDue('2026-12-29', '2026-11-29')).toBe(true);
    expect(isReviewReminderDue('2026-12-30', '2026-11-29')).toBe(false);
    expect(isReviewReminderDue('2026-10-01', '2026-11-29')).toBe(true);
    expect(isReviewReminderDue('2026-12-05', '2026-11-29', 5)).toBe(false);
    expect(isReviewReminderDue(null, '2026-11-29')).toBe(false);
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
