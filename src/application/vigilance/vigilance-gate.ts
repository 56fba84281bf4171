import { parisDate } from '../../domain/shared/dates.ts';
import { isGatedKind } from '../../domain/vigilance/gate.ts';
import type { Actor } from '../actor.ts';
import { AppError, found } from '../app-error.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import type { Document } from '../records.ts';
import { blockersFor } from './file-state.ts';

/**
 * R-F1, R-F3, R-F4, R-F5: an engagement letter or a replacement letter is neither sent nor signed
 * on paper while its client's file is not ready; the refusal lists everything missing. Proposals,
 * amendments and work orders pass (a proposal starts the relationship).
 */
export const assertVigilanceAllowsContract = async (
  scope: FirmScope,
  doc: Pick<Document, 'kind' | 'engagementId'>,
  today: string,
): Promise<void> => {
  if (!isGatedKind(doc.kind)) return;
  const missing = await blockersFor(scope, doc.engagementId, today);
  if (missing.length > 0) throw new AppError('VIGILANCE.FILE_INCOMPLETE', { missing });
};

/** The gate's list on the document page, before sending: nothing confidential, only what is missing. */
export const checkDocumentVigilance = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { documentId: string },
) => {
  const scope = deps.store.read(actor.firmId);
  const doc = found(await scope.documents.find(input.documentId), 'document');
  const applies = isGatedKind(doc.kind) && (await scope.vigilance.settings()).controlsEnabled;
  const missing = applies ? await blockersFor(scope, doc.engagementId, parisDate(deps.clock.now())) : [];
  return { applies, ready: missing.length === 0, missing };
};
