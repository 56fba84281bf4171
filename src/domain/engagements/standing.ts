import type { LetterInForce } from '../documents/scope.ts';
import { addDays, type IsoDate } from '../shared/dates.ts';
import type { EngagementState } from './engagement.ts';

/** What the firm sees of an engagement: its stored state, or a client with no letter left. */
export type EngagementStanding = EngagementState | 'former_client';

/** The last day a letter covers, or null while nothing ends it (its replacement carries on). */
const lastDayOf = (letter: LetterInForce): IsoDate | null => {
  const ends = [
    letter.endDate ?? null,
    letter.replacedFrom === null ? null : addDays(letter.replacedFrom, -1),
  ].filter((day): day is IsoDate => day !== null);
  return ends.length === 0 ? null : (ends.sort()[0] ?? null);
};

/**
 * R-A1 and R-G1: « ancien client » is derived, not stored. The stored state stays prospect or
 * client (R-A7: there is no way back, and R-A2/R-A3 keep the kinds a client may hold), so a
 * former client is reopened by a new proposal whose letter, once signed, is simply in force again.
 * A client is former on a date when it had a terminated letter and no letter is in force that day
 * or later; endedOn is the last day of the relationship (R-F7 counts its retention from it).
 */
export const engagementStanding = (
  state: EngagementState,
  letters: readonly LetterInForce[],
  date: IsoDate,
): { standing: EngagementStanding; endedOn: IsoDate | null } => {
  if (state === 'prospect') return { standing: 'prospect', endedOn: null };
  const lastDays = letters.map(lastDayOf);
  const ongoing = lastDays.some((day) => day === null || day >= date);
  const terminated = letters.some((letter) => letter.endDate);
  if (ongoing || !terminated) return { standing: 'client', endedOn: null };
  const endedOn = (lastDays as IsoDate[]).sort().at(-1) ?? null;
  return { standing: 'former_client', endedOn };
};

/**
 * R-F7: the last day of the relationship as its letters now say it, whatever the date: null while a
 * letter goes on with no end (or none was ever terminated), else the last day its letters cover. A
 * termination sets it (its notice may end the relationship later); a new letter signed clears it.
 */
export const relationshipEndsOn = (
  state: EngagementState,
  letters: readonly LetterInForce[],
): IsoDate | null => {
  if (state === 'prospect' || !letters.some((letter) => letter.endDate)) return null;
  const lastDays = letters.map(lastDayOf);
  if (lastDays.some((day) => day === null)) return null;
  return (lastDays as IsoDate[]).sort().at(-1) ?? null;
};
