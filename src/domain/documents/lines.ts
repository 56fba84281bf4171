import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import { type DocumentKind, kindPolicy, type Recurrence } from './kinds.ts';

/**
 * R-C1 and R-C4: letters and proposals hold recurring and one-off lines; a work order holds one-off
 * lines only. Amendment lines are changes, checked by assertAmendmentChanges.
 */
export const assertLinesAllowed = (
  kind: DocumentKind,
  lines: readonly { recurrence: Recurrence }[],
): Result<true, Refusal> => {
  if (!kindPolicy(kind).oneOffLinesOnly) return ok(true);
  const recurring = lines.flatMap((line, index) => (line.recurrence === 'one_off' ? [] : [index]));
  if (recurring.length === 0) return ok(true);
  return refuse('DOCUMENT.LINE_NOT_ALLOWED', {
    reason: 'Un bon d’intervention ne contient que des missions ponctuelles.',
    lineIndexes: recurring,
  });
};
