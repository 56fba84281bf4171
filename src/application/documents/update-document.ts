import { applyDocumentAction } from '../../domain/documents/lifecycle.ts';
import { assertLinesAllowed } from '../../domain/documents/lines.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { AppError, found, notStale, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports.ts';
import type { Document, DocumentTerms } from '../records.ts';
import { buildLines, type LineInput, totalsOf } from './line-input.ts';

export type UpdateDocumentInput = {
  documentId: string;
  version: number;
  fields: Partial<DocumentTerms>;
  lines?: LineInput[];
};

/** Edits a draft (R-B4: a sent document is never edited); the version guards against lost writes. */
export const updateDocument = async (
  deps: Deps,
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
    if (input.lines && (doc.kind === 'amendment' || doc.kind === 'replacement_letter')) {
      // Their lines derive from the letters in force: a new draft is the way to change them.
      throw new AppError('DOCUMENT.LINE_NOT_ALLOWED', {
        reason: 'Les lignes d’un avenant ou d’une lettre substitutive se définissent à sa création.',
      });
    }
    if (input.fields.termsVersionId) found(await scope.terms.find(input.fields.termsVersionId), 'terms');
    const lines = input.lines ? await buildLines(scope, deps.ids, input.lines) : doc.lines;
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
