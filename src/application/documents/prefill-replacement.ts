import {
  prefillReplacement as prefillReplacementRule,
  type ReplacementOptions,
} from '../../domain/renewal/prefill-replacement.ts';
import type { ReplacementLine } from '../../domain/renewal/revaluation.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { unwrap } from '../app-error.ts';
import type { IdGenerator } from '../ports/index.ts';
import type { Document, DocumentLine } from '../records.ts';

export type { ReplacementOptions };

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

/** R-D2 (src/domain/renewal/prefill-replacement.ts), its lines given ids; a refusal is thrown. */
export const prefillReplacement = (
  ids: IdGenerator,
  documents: readonly Document[],
  options: ReplacementOptions,
  date: IsoDate,
) => {
  const prefill = unwrap(prefillReplacementRule(documents, options, date));
  return { ...prefill, lines: prefill.lines.map((line, position) => replacementLine(ids, line, position)) };
};
