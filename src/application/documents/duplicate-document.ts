import { assertDocumentKindAllowed } from '../../domain/engagements/engagement.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { found, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { DocumentDeps } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { askReviewOnDocument } from '../vigilance/reviews.ts';
import { newDraft } from './new-document.ts';

/**
 * R-B4's way out: a sent document is cancelled and duplicated into a new draft with the same content.
 * The copy of an amendment or a replacement letter asks for a review of the file, as its creation does (R-F4).
 */
export const duplicateDocument = async (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string },
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const source = found(await scope.documents.find(input.documentId), 'document');
    const engagement = found(
      await scope.engagements.find(source.engagementId, { forUpdate: true }),
      'engagement',
    );
    unwrap(assertDocumentKindAllowed(engagement.state, source.kind));
    const id = deps.ids.uuid();
    const newIds = new Map(source.lines.map((line) => [line.id, deps.ids.uuid()]));
    await scope.documents.insert(
      newDraft({
        at,
        id,
        engagementId: source.engagementId,
        kind: source.kind,
        terms: source,
        createdBy: actor.userId,
        amendsLetterId: source.amendsLetterId,
        duplicatedFromId: source.id,
        coefficient: source.coefficient,
        replacesIds: source.replacesIds,
        basedOnAmendmentIds: source.basedOnAmendmentIds,
        lines: source.lines.map((line) => ({ ...line, id: newIds.get(line.id) ?? deps.ids.uuid() })),
      }),
    );
    await recordEvent(scope, {
      type: 'document.duplicated',
      actor,
      at,
      engagementId: source.engagementId,
      documentId: id,
      after: { kind: source.kind, status: 'draft' },
      data: { duplicatedFrom: source.number ?? source.id },
    });
    await askReviewOnDocument(deps, scope, {
      engagementId: source.engagementId,
      documentId: id,
      kind: source.kind,
      at,
    });
    return found(await scope.documents.find(id), 'document');
  });
};
