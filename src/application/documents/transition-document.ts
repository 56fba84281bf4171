import {
  applyDocumentAction,
  DOCUMENT_ACTION_EVENTS,
  type DocumentAction,
  settlesDocument,
} from '../../domain/documents/lifecycle.ts';
import type { Actor } from '../actor.ts';
import { notStale, unwrap } from '../app-error.ts';
import { noteCampaignLetterSettled } from '../campaigns/follow-campaign.ts';
import { recordEvent } from '../events.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Document } from '../records.ts';

/**
 * The one path of a document's transition (habits 1 and 5), for the document read under its row
 * lock: the domain's table decides (a refusal is DOCUMENT.TRANSITION_NOT_ALLOWED), the new state is
 * saved under the version read, its history event commits with it, and a campaign letter that
 * settles queues its campaign's follow-up. Sending (which also freezes the content and opens the
 * signing links) saves its own way and records its event the same way.
 */
export const transitionDocument = async (
  scope: FirmScope,
  doc: Document,
  action: DocumentAction,
  context: { at: Date; actor: Pick<Actor, 'userId'> | null; after?: object; data?: unknown },
): Promise<Document> => {
  const { at } = context;
  const next = unwrap(applyDocumentAction(doc, action, { at }));
  const saved = notStale(await scope.documents.save(next, { expectedVersion: doc.version, at }));
  if (settlesDocument(action.type)) await noteCampaignLetterSettled(scope, saved);
  await recordEvent(scope, {
    type: DOCUMENT_ACTION_EVENTS[action.type],
    actor: context.actor,
    at,
    engagementId: doc.engagementId,
    documentId: doc.id,
    before: { status: doc.status },
    after: { status: saved.status, ...context.after },
    ...(context.data === undefined ? {} : { data: context.data }),
  });
  return saved;
};
