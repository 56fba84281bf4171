import type { Document } from '../documents/document.ts';
import { amendmentsInForce, lettersInForce } from '../documents/letters-in-force.ts';
import { scopeOfDocuments } from '../documents/scope-inputs.ts';
import type { IsoDate } from '../shared/dates.ts';
import type { Decimal } from '../shared/money.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import {
  assertCoefficient,
  prefillReplacementLines,
  type ReplacementLine,
  type Rounding,
} from './revaluation.ts';

export type ReplacementOptions = {
  /** The letters to replace; by default every letter in force (R-D1). */
  replacesIds?: string[];
  coefficient?: string | null;
  confirmCoefficient?: boolean;
  rounding?: Rounding;
  excludedLineIds?: string[];
};

export type ReplacementPrefill = {
  lines: ReplacementLine[];
  replacesIds: string[];
  coefficient: Decimal | null;
  /** The signed amendments consolidated into the lines, so that sending can tell a stale prefill. */
  basedOnAmendmentIds: string[];
};

/**
 * R-D2: a replacement letter starts from the consolidated scope in force of the letters it
 * replaces (letters plus amendments) on its effective date, prices revalued by the coefficient when
 * one is given (R-D3). Refused when nothing is in force, when a named letter is not, and when an
 * amendment of those letters takes effect after that date (it would be retired before it applies).
 */
export const prefillReplacement = (
  documents: readonly Document[],
  options: ReplacementOptions,
  date: IsoDate,
): Result<ReplacementPrefill, Refusal> => {
  let coefficient: Decimal | null = null;
  if (options.coefficient) {
    const checked = assertCoefficient(options.coefficient, options.confirmCoefficient ?? false);
    if (!checked.ok) return checked;
    coefficient = checked.value;
  }
  const replacesIds = options.replacesIds ?? scopeOfDocuments(documents, date).letters.map((l) => l.letterId);
  if (replacesIds.length === 0) return refuse('DOCUMENT.NOTHING_TO_REPLACE');
  const letters = lettersInForce(documents, replacesIds, date);
  if (!letters.ok) return letters;
  const amendments = amendmentsInForce(documents, replacesIds);
  const later = amendments.filter((doc) => (doc.effectiveDate ?? date) > date);
  if (later.length > 0) {
    return refuse('DOCUMENT.AMENDMENT_AFTER_REPLACEMENT', {
      amendments: later.map((doc) => ({ number: doc.number, effectiveDate: doc.effectiveDate })),
    });
  }
  const lines = prefillReplacementLines(
    letters.value.flatMap((letter) => letter.lines),
    { coefficient, rounding: options.rounding ?? 'cent', excludedLineIds: options.excludedLineIds ?? [] },
  );
  return ok({ lines, replacesIds, coefficient, basedOnAmendmentIds: amendments.map((doc) => doc.id).sort() });
};
