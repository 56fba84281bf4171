import { lettersInForce } from '../../domain/documents/letters-in-force.ts';
import { assertAmendmentChanges, type LetterScope } from '../../domain/documents/scope.ts';
import { AppError, unwrap } from '../app-error.ts';
import type { FirmScope, IdGenerator } from '../ports/index.ts';
import type { DocumentLine, ModifiableField } from '../records.ts';
import { buildLines, type LineInput } from './line-input.ts';

export type ChangeInput =
  | { op: 'add'; line: LineInput }
  | { op: 'modify'; targetLineId: string; quantity?: string; unitPriceCents?: number; label?: string }
  | { op: 'remove'; targetLineId: string };

/**
 * What a modification changes. Only those fields apply to the letter's line: two amendments that
 * change one the price and the other the quantity of the same line must not undo each other.
 */
const changedFieldsOf = (change: { quantity?: string; unitPriceCents?: number; label?: string }) => {
  const fields: ModifiableField[] = [];
  if (change.quantity !== undefined) fields.push('quantity');
  if (change.unitPriceCents !== undefined) fields.push('unitPriceCents');
  if (change.label !== undefined) fields.push('label');
  if (fields.length === 0) {
    throw new AppError('REQUEST.VALIDATION_FAILED', {
      fields: [
        {
          field: 'body.changes',
          message: 'Une modification doit changer la quantité, le prix ou le libellé.',
        },
      ],
    });
  }
  return fields;
};

/**
 * R-C2: the lines of an amendment: added lines as written; a modified or removed line keeps the
 * target's values for what does not change, so the document reads on its own.
 */
export const buildAmendmentLines = async (
  scope: FirmScope,
  ids: IdGenerator,
  letter: LetterScope,
  changes: readonly ChangeInput[],
): Promise<DocumentLine[]> => {
  // Issue 18: an amendment starts as an empty draft, edited like any other; sending an empty one
  // is refused (DOCUMENT.EMPTY, send-document prepareSending).
  const targets = new Map(letter.lines.map((line) => [line.lineId, line]));
  const lines: DocumentLine[] = [];
  for (const [position, change] of changes.entries()) {
    if (change.op === 'add') {
      const [line] = await buildLines(scope, ids, [change.line]);
      if (line) lines.push({ ...line, position, operation: 'add' });
      continue;
    }
    const target = targets.get(change.targetLineId);
    if (!target)
      throw new AppError('DOCUMENT.LINE_TARGET_NOT_FOUND', { targetLineIds: [change.targetLineId] });
    const { lineId, letterId: _letter, ...values } = target;
    lines.push({
      ...values,
      id: ids.uuid(),
      position,
      operation: change.op,
      targetLineId: lineId,
      originLineId: lineId,
      description: null,
      changedFields: change.op === 'modify' ? changedFieldsOf(change) : null,
      ...(change.op === 'modify'
        ? {
            quantity: change.quantity ?? values.quantity,
            unitPriceCents: change.unitPriceCents ?? values.unitPriceCents,
            label: change.label ?? values.label,
          }
        : {}),
    });
  }
  unwrap(
    assertAmendmentChanges(
      letter,
      lines.map((line) =>
        line.operation === 'add'
          ? { op: 'add', line: { ...line, lineId: line.id } }
          : {
              op: line.operation === 'remove' ? 'remove' : 'modify',
              targetLineId: line.targetLineId as string,
            },
      ),
    ),
  );
  return lines;
};

/**
 * An amendment's lines from its changes (R-C2), against the letter it amends as in force on its
 * effective date (else today): at creation and at each edit of the draft.
 */
export const amendmentLinesFor = async (
  scope: FirmScope,
  ids: IdGenerator,
  input: {
    engagementId: string;
    amendsLetterId: string;
    effectiveDate: string | null | undefined;
    today: string;
    changes: readonly ChangeInput[];
  },
): Promise<DocumentLine[]> => {
  const documents = await scope.documents.listByEngagement(input.engagementId);
  const [letter] = unwrap(
    lettersInForce(documents, [input.amendsLetterId], input.effectiveDate ?? input.today),
  );
  if (!letter) throw new AppError('DOCUMENT.LETTER_NOT_IN_FORCE', { letterIds: [input.amendsLetterId] });
  return buildAmendmentLines(scope, ids, letter, input.changes);
};

/**
 * R-C2 at send: a modification or removal is shown with the letter's line as it stands on the
 * amendment's effective date (another amendment may have changed it since this one was drafted),
 * keeping only the fields this amendment changes.
 */
export const refreshAmendmentLines = (
  letter: LetterScope,
  lines: readonly DocumentLine[],
): DocumentLine[] => {
  const targets = new Map(letter.lines.map((line) => [line.lineId, line]));
  const missing = lines.filter((line) => line.operation !== 'add' && !targets.has(line.targetLineId ?? ''));
  if (missing.length > 0) {
    throw new AppError('DOCUMENT.LINE_TARGET_NOT_FOUND', {
      targetLineIds: missing.map((line) => line.targetLineId),
    });
  }
  return lines.map((line) => {
    const target = targets.get(line.targetLineId ?? '');
    if (line.operation === 'add' || !target) return line;
    const keeps = (field: ModifiableField) =>
      line.operation === 'remove' || !line.changedFields?.includes(field);
    return {
      ...line,
      quantity: keeps('quantity') ? target.quantity : line.quantity,
      unitPriceCents: keeps('unitPriceCents') ? target.unitPriceCents : line.unitPriceCents,
      label: keeps('label') ? target.label : line.label,
    };
  });
};
