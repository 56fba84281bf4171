import {
  assertCoefficient,
  prefillReplacementLines,
  type ReplacementLine,
  type Rounding,
} from '../../domain/renewal/revaluation.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { AppError, unwrap } from '../app-error.ts';
import type { IdGenerator } from '../ports.ts';
import type { Document, DocumentLine } from '../records.ts';
import { amendmentsInForce, assertLettersInForce } from './letters-in-force.ts';
import { scopeOfDocuments } from './scope-of-engagement.ts';

/** A line of a new replacement letter (R-D2), from a line of the scope in force, its price decided. */
export const replacementLine = (ids: IdGenerator, line: ReplacementLine, position: number): DocumentLine => ({
  ...line,
  id: ids.uuid(),
  position,
  operation: 'line',
  targetLineId: null,
  changedFields: null,
  description: null,
});

export type ReplacementOptions = {
  /** The letters to replace; by default every letter in force (R-D1). */
  replacesIds?: string[];
  coefficient?: string | null;
  confirmCoefficient?: boolean;
  rounding?: Rounding;
  excludedLineIds?: string[];
};

/**
 * R-D2: a replacement letter starts from the consolidated scope in force of the letters it
 * replaces (letters plus amendments), prices revalued by the coefficient when one is given (R-D3).
 */
export const prefillReplacement = (
  ids: IdGenerator,
  documents: readonly Document[],
  options: ReplacementOptions,
  date: IsoDate,
): {
  lines: DocumentLine[];
  replacesIds: string[];
  coefficient: string | null;
  basedOnAmendmentIds: string[];
} => {
  const coefficient = options.coefficient
    ? unwrap(assertCoefficient(options.coefficient, options.confirmCoefficient ?? false))
    : null;
  const replacesIds = options.replacesIds ?? scopeOfDocuments(documents, date).letters.map((l) => l.letterId);
  if (replacesIds.length === 0) throw new AppError('DOCUMENT.NOTHING_TO_REPLACE');
  const scopeLines = assertLettersInForce(documents, replacesIds, date).flatMap((letter) => letter.lines);
  const amendments = amendmentsInForce(documents, replacesIds);
  const later = amendments.filter((doc) => (doc.effectiveDate ?? date) > date);
  if (later.length > 0) {
    throw new AppError('DOCUMENT.AMENDMENT_AFTER_REPLACEMENT', {
      amendments: later.map((doc) => ({ number: doc.number, effectiveDate: doc.effectiveDate })),
    });
  }
  const lines = prefillReplacementLines(scopeLines, {
    coefficient,
    rounding: options.rounding ?? 'cent',
    excludedLineIds: options.excludedLineIds ?? [],
  }).map((line, position) => replacementLine(ids, line, position));
  return { lines, replacesIds, coefficient, basedOnAmendmentIds: amendments.map((doc) => doc.id).sort() };
};
