import { availableActions } from '../../domain/documents/lifecycle.ts';
import { REQUIRED_SIGNATURES } from '../../domain/documents/signatures.ts';
import type { Actor } from '../actor.ts';
import { found } from '../app-error.ts';
import type { Deps, DocumentFilter } from '../ports.ts';

export const getDocument = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
  const scope = deps.store.read(actor.firmId);
  const document = found(await scope.documents.find(input.documentId), 'document');
  const [signatures, letter] = await Promise.all([
    scope.signatures.listByDocument(document.id),
    document.kind === 'proposal' ? scope.documents.findLetterFromProposal(document.id) : undefined,
  ]);
  return {
    document,
    signatures,
    requiredSignatures: REQUIRED_SIGNATURES[document.kind],
    availableActions: availableActions(document),
    createdLetterId: letter?.id ?? null,
  };
};

export const listDocuments = (deps: Deps, actor: Actor, filter: DocumentFilter) =>
  deps.store.read(actor.firmId).documents.list(filter);

export const listDocumentHistory = async (deps: Deps, actor: Actor, input: { documentId: string }) => {
  const scope = deps.store.read(actor.firmId);
  found(await scope.documents.find(input.documentId), 'document');
  return scope.events.listByDocument(input.documentId);
};
