import { type Actor, assertCanWrite } from '../actor.ts';
import { found } from '../app-error.ts';
import type { DocumentDeps } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { transitionDocument } from './transition-document.ts';

type StatusCommand =
  | { type: 'refuse'; reason: string }
  | { type: 'cancel'; reason?: string | null }
  | { type: 'expire' };

/**
 * Refusal (with its reason), cancellation and expiry: transitions that set nothing off (R-B6: a
 * refused or expired proposal creates nothing; a refused letter leaves a prospect a prospect).
 */
export const changeDocumentStatus = async (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string; command: StatusCommand },
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const doc = found(await scope.documents.find(input.documentId, { forUpdate: true }), 'document');
    return transitionDocument(scope, doc, input.command, {
      at,
      actor,
      data: 'reason' in input.command ? { reason: input.command.reason ?? null } : undefined,
    });
  });
};

export const refuseDocument = (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string; reason: string },
) =>
  changeDocumentStatus(deps, actor, {
    documentId: input.documentId,
    command: { type: 'refuse', reason: input.reason },
  });

export const cancelDocument = (
  deps: DocumentDeps,
  actor: Actor,
  input: { documentId: string; reason?: string | null },
) =>
  changeDocumentStatus(deps, actor, {
    documentId: input.documentId,
    command: { type: 'cancel', reason: input.reason },
  });
