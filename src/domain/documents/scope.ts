import type { IsoDate } from '../shared/dates.ts';
import type { Cents, Decimal } from '../shared/money.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import { annualValue } from './fees.ts';
import type { Recurrence } from './kinds.ts';

export type ScopeLine = {
  readonly lineId: string;
  readonly letterId: string;
  readonly serviceId: string | null;
  readonly label: string;
  readonly unitLabel: string | null;
  readonly quantity: Decimal;
  readonly unitPriceCents: Cents;
  readonly vatRateBp: number;
  readonly recurrence: Recurrence;
};

export type LetterLine = Omit<ScopeLine, 'letterId'>;

export type AmendmentChange =
  | { readonly op: 'add'; readonly line: LetterLine }
  | {
      readonly op: 'modify';
      readonly targetLineId: string;
      readonly quantity?: Decimal;
      readonly unitPriceCents?: Cents;
      readonly label?: string;
    }
  | { readonly op: 'remove'; readonly targetLineId: string };

/**
 * A signed (or since replaced) letter: replacedFrom is the effective date of its replacement;
 * endDate, the last day a terminated letter covers (R-G1).
 */
export type LetterInForce = {
  readonly id: string;
  readonly number: string | null;
  readonly effectiveDate: IsoDate;
  readonly replacedFrom: IsoDate | null;
  readonly endDate?: IsoDate | null;
  readonly lines: readonly LetterLine[];
};

export type SignedAmendment = {
  readonly id: string;
  /** Its number, for the billing schedule's « document source » (R-G2). */
  readonly number?: string | null;
  readonly letterId: string;
  readonly effectiveDate: IsoDate;
  readonly changes: readonly AmendmentChange[];
};

export type LetterScope = {
  readonly letterId: string;
  readonly number: string | null;
  readonly effectiveDate: IsoDate;
  readonly lines: readonly ScopeLine[];
  readonly annualRecurringCents: Cents;
};

export type ScopeInForce = {
  readonly date: IsoDate;
  readonly letters: readonly LetterScope[];
  readonly lines: readonly ScopeLine[];
  readonly annualRecurringCents: Cents;
};

const applyChange = (lines: ScopeLine[], change: AmendmentChange, letterId: string): ScopeLine[] => {
  switch (change.op) {
    case 'add':
      return [...lines, { ...change.line, letterId }];
    case 'remove':
      return lines.filter((line) => line.lineId !== change.targetLineId);
    case 'modify':
      return lines.map((line) =>
        line.lineId === change.targetLineId
          ? {
              ...line,
              quantity: change.quantity ?? line.quantity,
              unitPriceCents: change.unitPriceCents ?? line.unitPriceCents,
              label: change.label ?? line.label,
            }
          : line,
      );
  }
};

/** R-C3 and R-G1: effective, not yet replaced, and not past the end date of its termination. */
export const isLetterInForceOn = (letter: LetterInForce, date: IsoDate): boolean =>
  letter.effectiveDate <= date &&
  (letter.replacedFrom === null || letter.replacedFrom > date) &&
  (letter.endDate == null || letter.endDate >= date);

/** One letter's recurring lines on a date, its amendments effective that day applied in date order. */
export const letterScopeOn = (
  letter: LetterInForce,
  amendments: readonly SignedAmendment[],
  date: IsoDate,
): LetterScope => {
  const applicable = amendments
    .filter((a) => a.letterId === letter.id && a.effectiveDate <= date)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  let lines: ScopeLine[] = letter.lines.map((line) => ({ ...line, letterId: letter.id }));
  for (const amendment of applicable) {
    for (const change of amendment.changes) lines = applyChange(lines, change, letter.id);
  }
  const recurring = lines.filter((line) => line.recurrence !== 'one_off');
  return {
    letterId: letter.id,
    number: letter.number,
    effectiveDate: letter.effectiveDate,
    lines: recurring,
    annualRecurringCents: recurring.reduce((sum, line) => sum + annualValue(line), 0),
  };
};

/**
 * R-C3 (and R-C5): the scope in force of an engagement on a date: every signed letter effective
 * that day, not yet replaced nor past its termination's end date (R-G1), with its signed amendments effective that day applied in
 * effective-date order. The caller passes only signed or replaced documents (R-B1).
 */
export const scopeInForce = (
  input: { letters: readonly LetterInForce[]; amendments: readonly SignedAmendment[] },
  date: IsoDate,
): ScopeInForce => {
  const letters = input.letters
    .filter((letter) => isLetterInForceOn(letter, date))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))
    .map((letter) => letterScopeOn(letter, input.amendments, date));
  return {
    date,
    letters,
    lines: letters.flatMap((letter) => letter.lines),
    annualRecurringCents: letters.reduce((sum, letter) => sum + letter.annualRecurringCents, 0),
  };
};

/**
 * R-C2: an amendment changes the recurring scope of one letter in force: it adds recurring lines,
 * and modifies or removes lines that the letter holds on the amendment's effective date.
 */
export const assertAmendmentChanges = (
  letterScope: LetterScope,
  changes: readonly AmendmentChange[],
): Result<true, Refusal> => {
  const known = new Set(letterScope.lines.map((line) => line.lineId));
  const unknownTargets = changes.filter((c) => c.op !== 'add' && !known.has(c.targetLineId));
  if (unknownTargets.length > 0) {
    return refuse('DOCUMENT.LINE_TARGET_NOT_FOUND', {
      targetLineIds: unknownTargets.map((c) => (c.op === 'add' ? '' : c.targetLineId)),
    });
  }
  const oneOffAdditions = changes.filter((c) => c.op === 'add' && c.line.recurrence === 'one_off');
  if (oneOffAdditions.length > 0) {
    return refuse('DOCUMENT.LINE_NOT_ALLOWED', {
      reason: 'Un avenant ne modifie que les missions récurrentes.',
    });
  }
  return ok(true);
};

/**
 * R-C4: a work-order line is "hors forfait" when no recurring line of the scope in force covers the
 * same service of the catalogue.
 */
export const isOutsideScope = (
  line: { serviceId: string | null },
  scope: Pick<ScopeInForce, 'lines'>,
): boolean => line.serviceId === null || !scope.lines.some((inForce) => inForce.serviceId === line.serviceId);
