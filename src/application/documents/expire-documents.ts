import { applyDocumentAction } from '../../domain/documents/lifecycle.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import { recordEvent } from '../events.ts';
import type { Deps } from '../ports.ts';

/**
 * DOMAIN.md B: a sent proposal whose validity date has passed turns expired (R-B6: it creates
 * nothing). Each document expires in its own transaction under its row lock, so a signature
 * recorded meanwhile wins and a repeated sweep does nothing twice.
 */
export const expireOverdueProposals = async (deps: Deps, input: { firmId: string }): Promise<string[]> => {
  const at = deps.clock.now();
  const today = parisDate(at);
  const candidates = await deps.store.read(input.firmId).documents.listOverdueProposalIds(today);
  const expired: string[] = [];
  for (const id of candidates) {
    await deps.store.transaction(input.firmId, async (scope) => {
      const doc = await scope.documents.find(id, { forUpdate: true });
      // Signed or cancelled meanwhile, or its validity extended: the sweep leaves it be.
      if (!doc?.validUntil || doc.validUntil >= today) return;
      const next = applyDocumentAction(doc, { type: 'expire' }, { at });
      if (!next.ok) return;
      await scope.documents.save(next.value, { expectedVersion: doc.version, at });
      await recordEvent(scope, {
        type: 'document.expired',
        actor: null,
        at,
        engagementId: doc.engagementId,
        documentId: doc.id,
        before: { status: 'sent' },
        after: { status: 'expired' },
        data: { validUntil: doc.validUntil },
      });
      expired.push(id);
    });
  }
  return expired;
};

/** The sweep over every firm, run at start and then periodically by the server. */
export const expireOverdueProposalsOfAllFirms = async (deps: Deps): Promise<number> => {
  let count = 0;
  for (const firm of await deps.store.listFirms()) {
    count += (await expireOverdueProposals(deps, { firmId: firm.id })).length;
  }
  return count;
};
