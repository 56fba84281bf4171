import type { DocumentKind } from '../documents/kinds.ts';
import { addDays, parisDate } from '../shared/dates.ts';

/** A signing code is six digits, valid ten minutes, and five wrong tries lock the link. */
export const SIGNING_CODE = { digits: 6, validMinutes: 10, maxAttempts: 5 } as const;

/** The firm's default follow-up: reminders 3 and 7 days after sending, letters open 30 days. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [3, 7];
export const DEFAULT_SIGNING_PERIOD_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of a Paris calendar day, as an instant (a validity date includes its whole day). */
export const endOfParisDay = (isoDate: string): Date => {
  const noonUtc = new Date(`${isoDate}T12:00:00Z`);
  const parisHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(
      noonUtc,
    ),
  );
  const offsetHours = parisHour - 12;
  return new Date(Date.parse(`${isoDate}T23:59:59.999Z`) - offsetHours * 60 * 60 * 1000);
};

/**
 * When a sent document still unsigned expires (DOMAIN.md B, "expired"): a proposal, or a renewal
 * campaign's letter, at the end of its validity date; the other kinds at the end of the Paris day
 * the firm's signing period ends on. The signer's mail names that day as the last one to sign
 * (issue 14, item 10): the whole day is theirs, not only until the hour the document was sent.
 */
export const signingDeadline = (input: {
  kind: DocumentKind;
  /** A renewal campaign's letter: the campaign set the last day to sign it (R-D5). */
  fromCampaign?: boolean;
  validUntil: string | null;
  sentAt: Date;
  signingPeriodDays: number;
}): Date =>
  (input.kind === 'proposal' || input.fromCampaign) && input.validUntil
    ? endOfParisDay(input.validUntil)
    : endOfParisDay(addDays(parisDate(input.sentAt), input.signingPeriodDays));

/** The deadline a document gets if sent at this instant: shown by the sending preview, set by the send. */
export const deadlineOnSending = (
  doc: { kind: DocumentKind; campaignId: string | null; validUntil: string | null },
  firm: { signingPeriodDays: number },
  at: Date,
): Date =>
  signingDeadline({
    kind: doc.kind,
    fromCampaign: doc.campaignId !== null,
    validUntil: doc.validUntil,
    sentAt: at,
    signingPeriodDays: firm.signingPeriodDays,
  });

/**
 * Whether a pending signer is due a reminder: the next day of the firm's schedule (days after
 * sending) has come. Reminders already sent count, so a repeated sweep sends none twice.
 */
export const isReminderDue = (input: {
  sentAt: Date;
  reminderDays: readonly number[];
  remindersSent: number;
  now: Date;
}): boolean => {
  const days = [...input.reminderDays].sort((a, b) => a - b);
  const next = days[input.remindersSent];
  return next !== undefined && input.now.getTime() >= input.sentAt.getTime() + next * DAY_MS;
};

/** How many reminders are behind at `now`: a sweep that missed several days sends only one. */
export const remindersDueBy = (input: { sentAt: Date; reminderDays: readonly number[]; now: Date }): number =>
  input.reminderDays.filter((day) => input.now.getTime() >= input.sentAt.getTime() + day * DAY_MS).length;

const comparable = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr-FR')
    .replace(/[-‐‑’'.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The name a signer types must be theirs, as printed on the document: accents, case, hyphens and
 * spacing aside (« marie-helene durand » signs for « Marie-Hélène Durand »).
 */
export const typedNameMatches = (typed: string, expected: string): boolean =>
  comparable(typed) !== '' && comparable(typed) === comparable(expected);

/** A verified code lets its signer decide within this many minutes; after that, a new code is asked. */
export const VERIFIED_CODE_VALID_MINUTES = 30;

/** Only the first letter of an address's local part is shown to whoever holds the link. */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '…' : `${email[0]}…${email.slice(at)}`;
};
