import { targetLetterIds } from '../../domain/documents/letters-in-force.ts';
import { isInForce } from '../../domain/documents/lifecycle.ts';
import { AppError } from '../app-error.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Document } from '../records.ts';

/**
 * R-D1, R-C2: an amendment or a replacement letter becomes signed only while the letters it aims at
 * are still in force. A letter replaced meanwhile (by another replacement signed a moment before)
 * would otherwise be amended for nothing, or stay in force beside a second replacement that counts
 * its fees twice. The letters are locked in a fixed order, so that two replacements naming the
 * same letters queue instead of deadlocking.
 */
export const assertTargetsStillInForce = async (scope: FirmScope, doc: Document): Promise<void> => {
  const gone: string[] = [];
  for (const id of [...targetLetterIds(doc)].sort()) {
    const letter = await scope.documents.find(id, { forUpdate: true });
    if (!letter || !isInForce(letter.status)) gone.push(id);
  }
  if (gone.length > 0) throw new AppError('DOCUMENT.LETTER_NOT_IN_FORCE', { letterIds: gone });
};
