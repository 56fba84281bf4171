import { kindPolicy } from '../../domain/documents/kinds.ts';
import { applyDocumentAction } from '../../domain/documents/lifecycle.ts';
import { assertLinesAllowed } from '../../domain/documents/lines.ts';
import { assertMaySignForFirm } from '../../domain/firm/signatory.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { DocumentDeps, FirmScope } from '../ports/index.ts';
import type { Document, DocumentTerms } from '../records.ts';
import { amendmentLinesFor, type ChangeInput } from './amendment-lines.ts';
import { assertBillingPeriodAllowed } from './create-document.ts';
import { buildLines, type LineInput, totalsOf } from './line-input.ts';

export type UpdateDocumentInput = {
  documentId: string;
  version: number;
  fields: Partial<DocumentTerms> & { firmSignatoryId?: string | null };
  lines?: LineInput[];
  /** An amendment draft's changes to its letter (R-C2), replacing the earlier ones. */
  changes?: ChangeInput[];
};

/**
 * New lines for a draft. A line that names the id of one of the draft's lines keeps the scope line
 * it came from (a replacement letter's prefill), so the change summary still knows what it replaces.
 */
const rebuildLines = async (scope: FirmScope, deps: DocumentDeps, doc: Document, inputs: LineInput[]) => {
  const previous = new Map(doc.lines.map((line) => [line.id, line]));
  const lines = await buildLines(scope, deps.ids, inputs);
  return lines.map((line, index) => ({
    ...line,
    originLineId: previous.get(inputs[index]?.id ?? '')?.originLineId ?? null,
  }));
};

/** Edits a draft (R-B4: a sent document is never edited); the version guards against lost writes. */
export const updateDocument = async (
  deps: DocumentDeps,
  actor: Actor,
  input: UpdateDocumentInput,
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const doc = found(await scope.documents.find(input.documentId, { forUpdate: true }), 'document');
    if (doc.version !== input.version)
      throw new AppError('EDIT.STALE_VERSION', { currentVersion: doc.version });
    const editable = applyDocumentAction(doc, { type: 'edit' }, { at });
    if (!editable.ok) throw new AppError('DOCUMENT.NOT_EDITABLE', { status: doc.status });
    const isAmendment = kindPolicy(doc.kind).linesAreChanges;
    if (input.lines && isAmendment) {
      throw new AppError('DOCUMENT.LINE_NOT_ALLOWED', {
        reason: 'Un avenant se modifie par ses changements (changes), pas par des lignes.',
      });
    }
    if (input.changes && !isAmendment) {
      throw new AppError('DOCUMENT.LINE_NOT_ALLOWED', {
        reason: 'Seul un avenant porte des changements (changes) : modifiez les lignes (lines).',
      });
    }
    assertBillingPeriodAllowed(doc.kind, input.fields.billingPeriod);
    if (input.fields.termsVersionId) found(await scope.terms.find(input.fields.termsVersionId), 'terms');
    if (input.fields.firmSignatoryId)
      unwrap(assertMaySignForFirm(await scope.users.list(), input.fields.firmSignatoryId));
    const lines = input.changes
      ? await amendmentLinesFor(scope, deps.ids, {
          engagementId: doc.engagementId,
          amendsLetterId: doc.amendsLetterId ?? '',
          effectiveDate:
            input.fields.effectiveDate !== undefined ? input.fields.effectiveDate : doc.effectiveDate,
          today: parisDate(at),
          changes: input.changes,
        })
      : input.lines
        ? await rebuildLines(scope, deps, doc, input.lines)
        : doc.lines;
    unwrap(assertLinesAllowed(doc.kind, lines));
    const next: Document = { ...editable.value, ...input.fields, lines, totals: totalsOf(lines) };
    const saved = notStale(
      await scope.documents.save(next, {
        expectedVersion: doc.version,
        at,
        rewriteLines: input.lines !== undefined || input.changes !== undefined,
      }),
    );
    await recordEvent(scope, {
      type: 'document.updated',
      actor,
      at,
      engagementId: doc.engagementId,
      documentId: doc.id,
      data: {
        fields: Object.keys(input.fields),
        linesChanged: input.lines !== undefined || input.changes !== undefined,
      },
    });
    return saved;
  });
};
