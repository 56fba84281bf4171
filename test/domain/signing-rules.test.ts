import { describe, expect, it } from 'vitest';
import { chooseFirmSignatory } from '../../src/domain/firm/associes.ts';
import {
  deadlineOnSending,
  endOfParisDay,
  isReminderDue,
  maskEmail,
  remindersDueBy,
  SIGNING_CODE,
  signingDeadline,
  typedNameMatches,
} from '../../src/domain/signing/signing-rules.ts';

const DAY = 86_400_000;
const sentAt = new Date('2026-11-29T09:00:00Z');
const daysLater = (days: number, minutes = 0) => new Date(sentAt.getTime() + days * DAY + minutes * 60_000);

describe('signing rules (issue 4)', () => {
  it('a code is six digits, valid ten minutes, five tries', () => {
    expect(SIGNING_CODE).toEqual({ digits: 6, validMinutes: 10, maxAttempts: 5 });
  });

  it('a validity date includes its whole Paris day, in winter and in summer', () => {
    expect(endOfParisDay('2026-12-10').toISOString()).toBe('2026-12-10T22:59:59.999Z');
    expect(endOfParisDay('2026-07-14').toISOString()).toBe('2026-07-14T21:59:59.999Z');
  });

  it('a proposal expires after its validity date; a letter at the end of the last day of the firm’s signing period', () => {
    expect(
      signingDeadline({ kind: 'proposal', validUntil: '2026-12-10', sentAt, signingPeriodDays: 30 }),
    ).toEqual(endOfParisDay('2026-12-10'));
    expect(
      signingDeadline({ kind: 'engagement_letter', validUntil: null, sentAt, signingPeriodDays: 30 }),
    ).toEqual(endOfParisDay('2026-12-29'));
    // A proposal without a validity date falls back on the signing period.
    expect(signingDeadline({ kind: 'proposal', validUntil: null, sentAt, signingPeriodDays: 15 })).toEqual(
      endOfParisDay('2026-12-14'),
    );
  });

  it('R-D5 a renewal campaign’s letter expires after the campaign’s validity date, not the signing period', () => {
    const letter = {
      kind: 'replacement_letter',
      validUntil: '2026-12-31',
      sentAt,
      signingPeriodDays: 30,
    } as const;
    expect(signingDeadline({ ...letter, fromCampaign: true })).toEqual(endOfParisDay('2026-12-31'));
    expect(signingDeadline(letter)).toEqual(endOfParisDay('2026-12-29'));
  });

  it('R-D5 the deadline on sending: a campaign’s letter keeps the campaign’s date, another letter the firm’s period', () => {
    const letter = { kind: 'replacement_letter' as const, validUntil: '2026-12-31' };
    expect(deadlineOnSending({ ...letter, campaignId: 'c' }, { signingPeriodDays: 10 }, sentAt)).toEqual(
      endOfParisDay('2026-12-31'),
    );
    expect(deadlineOnSending({ ...letter, campaignId: null }, { signingPeriodDays: 10 }, sentAt)).toEqual(
      endOfParisDay('2026-12-09'),
    );
  });

  it('a reminder is due once its day has come, each day of the schedule once', () => {
    const schedule = { sentAt, reminderDays: [7, 3] };
    expect(isReminderDue({ ...schedule, remindersSent: 0, now: daysLater(2, 59 * 24) })).toBe(false);
    expect(isReminderDue({ ...schedule, remindersSent: 0, now: daysLater(3) })).toBe(true);
    expect(isReminderDue({ ...schedule, remindersSent: 1, now: daysLater(5) })).toBe(false);
    expect(isReminderDue({ ...schedule, remindersSent: 1, now: daysLater(7) })).toBe(true);
    expect(isReminderDue({ ...schedule, remindersSent: 2, now: daysLater(30) })).toBe(false);
    expect(isReminderDue({ sentAt, reminderDays: [], remindersSent: 0, now: daysLater(30) })).toBe(false);
  });

  it('a sweep that missed days counts the reminders behind, so it sends one, not several', () => {
    expect(remindersDueBy({ sentAt, reminderDays: [3, 7], now: daysLater(1) })).toBe(0);
    expect(remindersDueBy({ sentAt, reminderDays: [3, 7], now: daysLater(4) })).toBe(1);
    expect(remindersDueBy({ sentAt, reminderDays: [3, 7], now: daysLater(8) })).toBe(2);
  });

  it('the typed name must be the signer’s own, accents, case, hyphens and spaces aside', () => {
    expect(typedNameMatches('marie-helene  durand', 'Marie-Hélène Durand')).toBe(true);
    expect(typedNameMatches('Jean d’Ormesson', "Jean d'Ormesson")).toBe(true);
    expect(typedNameMatches('Marie Durand', 'Marie-Hélène Durand')).toBe(false);
    expect(typedNameMatches('   ', '')).toBe(false);
  });

  it('only the first letter of the address is shown to whoever holds the link', () => {
    expect(maskEmail('paul.martin@exemple.fr')).toBe('p…@exemple.fr');
    expect(maskEmail('@exemple.fr')).toBe('…');
    expect(maskEmail('sans-arobase')).toBe('…');
  });

  it('R-B3 the responsible associé signs for the firm, else the first active associé', () => {
    const members = [
      { id: 'a', role: 'collaborateur', isActive: true },
      { id: 'b', role: 'associe', isActive: false },
      { id: 'c', role: 'associe', isActive: true },
      { id: 'd', role: 'associe', isActive: true },
    ];
    expect(chooseFirmSignatory(members, 'd')?.id).toBe('d');
    expect(chooseFirmSignatory(members, 'a')?.id).toBe('c');
    expect(chooseFirmSignatory(members, 'b')?.id).toBe('c');
    expect(chooseFirmSignatory([members[0] as (typeof members)[number]], null)).toBeUndefined();
  });
});
