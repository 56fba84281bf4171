import { kindPolicy } from '../../domain/documents/kinds.ts';
import { applyDocumentAction } from '../../domain/documents/lifecycle.ts';
import { assertLinesAllowed } from '../../domain/documents/lines.ts';
import { assertMaySignForFirm } from '../../domain/firm/signatory.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { DocumentDeps, FirmScope } from '../ports/index.ts';
import type { Document, DocumentTerms } from '../records.ts';
import { buildLines, type LineInput, totalsOf } from './line-input.ts';

export type UpdateDocumentInput = {
  documentId: string;
  version: number;
  fields: Partial<DocumentTerms> & { firmSignatoryId?: string | null };
  lines?: LineInput[];
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
    if (input.lines && kindPolicy(doc.kind).linesAreChanges) {
      // An amendment's lines are changes to its letter's lines, set when it is created.
      throw new AppError('DOCUMENT.LINE_NOT_ALLOWED', {
        reason:
          'Les changements d’un avenant se définissent à sa création : annulez-le et préparez-en un autre.',
      });
    }
    if (input.fields.termsVersionId) found(await scope.terms.find(input.fields.termsVersionId), 'terms');
    if (input.fields.firmSignatoryId)
      unwrap(assertMaySignForFirm(await scope.users.list(), input.fields.firmSignatoryId));
    const lines = input.lines ? await rebuildLines(scope, deps, doc, input.lines) : doc.lines;
    unwrap(assertLinesAllowed(doc.kind, lines));
    const next: Document = { ...editable.value, ...input.fields, lines, totals: totalsOf(lines) };
    const saved = notStale(
      await scope.documents.save(next, {
        expectedVersion: doc.version,
        at,
        rewriteLines: input.lines !== undefined,
      }),
    );
    await recordEvent(scope, {
      type: 'document.updated',
      actor,
      at,
      engagementId: doc.engagementId,
      documentId: doc.id,
      data: { fields: Object.keys(input.fields), linesChanged: input.lines !== undefined },
    });
    return saved;
  });
};
