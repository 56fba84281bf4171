import { type NoticeTerms, upcomingNoticeDeadline } from '../renewal/notice-deadlines.ts';
import { addDays, type IsoDate } from '../shared/dates.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import type { DocumentKind } from './kinds.ts';
import { isLetterKind } from './kinds.ts';
import type { DocumentStatus } from './lifecycle.ts';
import { letterTerm } from './term.ts';

/** R-G1: who asks for the termination. */
export const TERMINATION_PARTIES = ['client', 'firm'] as const;
export type TerminationParty = (typeof TERMINATION_PARTIES)[number];

export type TerminationRequest = {
  readonly requestedBy: TerminationParty;
  readonly reason: string;
  /** The day notice is given: the notice period runs from it. */
  readonly noticeGivenOn: IsoDate;
  /** The last day the letter covers (as a period end is); from the next day it is out of force. */
  readonly endDate: IsoDate;
  /** Both parties agreed to an end date the notice period would not allow (recorded). */
  readonly agreedOtherwise: boolean;
};

export type TerminableLetter = Omit<NoticeTerms, 'effectiveDate'> & {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly status: DocumentStatus;
  readonly effectiveDate: IsoDate;
  readonly endDate?: IsoDate | null;
};

export type TerminationDecision = TerminationRequest & {
  readonly letterId: string;
  /** The earliest end date the notice period allowed on the day notice was given. */
  readonly earliestEndDate: IsoDate;
  readonly noticeRespected: boolean;
};

/**
 * R-G1: the earliest end date notice given on a day allows. A letter renews at the end of each
 * period; notice given by that period's deadline ends it on that period end. Past the deadline of
 * the current period, the next period is due (tacit renewal). A letter that does not renew tacitly
 * ends on its first period end, or at once if that is already behind.
 */
export const earliestEndDate = (terms: NoticeTerms, noticeGivenOn: IsoDate): IsoDate => {
  const upcoming = upcomingNoticeDeadline(terms, noticeGivenOn);
  if (upcoming) return upcoming.periodEnd;
  const { periodEnd } = letterTerm(terms);
  return periodEnd >= noticeGivenOn ? periodEnd : noticeGivenOn;
};

/**
 * R-G1: a signed letter in force, not yet terminated, can be terminated by either party with a
 * reason and an end date that respects the notice period, unless both parties agreed otherwise.
 * The end date may be the day before the letter starts (a letter that never takes effect), never
 * earlier.
 */
export const decideTermination = (
  letter: TerminableLetter,
  request: TerminationRequest,
): Result<TerminationDecision, Refusal> => {
  if (!isLetterKind(letter.kind) || letter.status !== 'signed') {
    return refuse('DOCUMENT.LETTER_NOT_IN_FORCE', { letterIds: [letter.id] });
  }
  if (letter.endDate) return refuse('TERMINATION.ALREADY_TERMINATED', { endDate: letter.endDate });
  if (request.reason.trim() === '') return refuse('TERMINATION.REASON_REQUIRED');
  if (request.endDate < addDays(letter.effectiveDate, -1)) {
    return refuse('TERMINATION.END_BEFORE_START', { effectiveDate: letter.effectiveDate });
  }
  const earliest = earliestEndDate(letter, request.noticeGivenOn);
  const noticeRespected = request.endDate >= earliest;
  if (!noticeRespected && !request.agreedOtherwise) {
    return refuse('TERMINATION.NOTICE_NOT_RESPECTED', { earliestEndDate: earliest });
  }
  return ok({ ...request, letterId: letter.id, earliestEndDate: earliest, noticeRespected });
};
