import { applyDocumentAction } from '../../domain/documents/lifecycle.ts';
import { type Actor, assertCanWrite } from '../actor.ts';
import { found, notStale, unwrap } from '../app-error.ts';
import { noteCampaignLetterSettled } from '../campaigns/follow-campaign.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports.ts';
import type { Document } from '../records.ts';

type StatusCommand =
  | { type: 'refuse'; reason: string }
  | { type: 'cancel'; reason?: string | null }
  | { type: 'expire' };

const EVENT = {
  refuse: 'document.refused',
  cancel: 'document.cancelled',
  expire: 'document.expired',
} as const;

/**
 * Refusal (with its reason), cancellation and expiry: transitions that set nothing off (R-B6: a
 * refused or expired proposal creates nothing; a refused letter leaves a prospect a prospect).
 */
export const changeDocumentStatus = async (
  deps: Deps,
  actor: Actor,
  input: { documentId: string; command: StatusCommand },
): Promise<Document> => {
  assertCanWrite(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const at = deps.clock.now();
    const doc = found(await scope.documents.find(input.documentId, { forUpdate: true }), 'document');
    const next = unwrap(applyDocumentAction(doc, input.command, { at }));
    const saved = notStale(await scope.documents.save(next, { expectedVersion: doc.version, at }));
    await noteCampaignLetterSettled(scope, saved);
    await recordEvent(scope, {
      type: EVENT[input.command.type],
      actor,
      at,
      engagementId: doc.engagementId,
      documentId: doc.id,
      before: { status: doc.status },
      after: { status: saved.status },
      data: 'reason' in input.command ? { reason: input.command.reason ?? null } : undefined,
    });
    return saved;
  });
};

export const refuseDocument = (deps: Deps, actor: Actor, input: { documentId: string; reason: string }) =>
  changeDocumentStatus(deps, actor, {
    documentId: input.documentId,
    command: { type: 'refuse', reason: input.reason },
  });

export const cancelDocument = (
  deps: Deps,
  actor: Actor,
  input: { documentId: string; reason?: string | null },
) =>
  changeDocumentStatus(deps, actor, {
    documentId: input.documentId,
    command: { type: 'cancel', reason: input.reason },
  });
