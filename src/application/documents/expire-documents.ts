import { kindPolicy } from '../../domain/documents/kinds.ts';
import { canApply } from '../../domain/documents/lifecycle.ts';
import { parisDate } from '../../domain/shared/dates.ts';
import type { DocumentDeps } from '../ports/index.ts';
import { transitionDocument } from './transition-document.ts';

/**
 * DOMAIN.md B: a sent document unsigned past its signing deadline turns expired: a proposal after its
 * validity date (R-B6: it creates nothing), another kind after the firm's signing period. Each document expires in its own transaction under its row lock, so a signature
 * recorded meanwhile wins and a repeated sweep does nothing twice.
 */
export const expireOverdueDocuments = async (
  deps: DocumentDeps,
  input: { firmId: string },
): Promise<string[]> => {
  const at = deps.clock.now();
  const today = parisDate(at);
  const candidates = await deps.store.read(input.firmId).documents.listOverdueIds({ today, now: at });
  const expired: string[] = [];
  for (const id of candidates) {
    await deps.store.transaction(input.firmId, async (scope) => {
      const doc = await scope.documents.find(id, { forUpdate: true });
      // Signed or cancelled meanwhile: the table refuses the expiry, and the sweep leaves it be.
      if (!doc || !canApply(doc, 'expire')) return;
      await transitionDocument(
        scope,
        doc,
        { type: 'expire' },
        {
          at,
          actor: null,
          data: {
            validUntil: doc.validUntil,
            reason: kindPolicy(doc.kind).hasValidityDate ? 'validity' : 'signing_period',
          },
        },
      );
      expired.push(id);
    });
  }
  return expired;
};
