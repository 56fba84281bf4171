import { isInForce } from '../../domain/documents/lifecycle.ts';
import type { LetterScope } from '../../domain/documents/scope.ts';
import type { IsoDate } from '../../domain/shared/dates.ts';
import { AppError } from '../app-error.ts';
import type { FirmScope } from '../ports.ts';
import type { Document } from '../records.ts';
import { scopeOfDocuments } from './scope-of-engagement.ts';

/** The letters an amendment amends or a replacement letter replaces. */
export const targetLetterIds = (doc: Pick<Document, 'kind' | 'replacesIds' | 'amendsLetterId'>): string[] => {
  if (doc.kind === 'replacement_letter') return doc.replacesIds;
  if (doc.kind === 'amendment' && doc.amendsLetterId) return [doc.amendsLetterId];
  return [];
};

/**
 * R-C2, R-D1: the named letters, each in force on the date (signed, effective, not replaced), with
 * their consolidated lines; DOCUMENT.LETTER_NOT_IN_FORCE names the others.
 */
export const assertLettersInForce = (
  documents: readonly Document[],
  letterIds: readonly string[],
  date: IsoDate,
): LetterScope[] => {
  const letters = scopeOfDocuments(documents, date).letters;
  const gone = letterIds.filter((id) => !letters.some((letter) => letter.letterId === id));
  if (gone.length > 0) throw new AppError('DOCUMENT.LETTER_NOT_IN_FORCE', { letterIds: gone });
  return letters.filter((letter) => letterIds.includes(letter.letterId));
};

/** The signed amendments, not replaced, of the given letters. */
export const amendmentsInForce = <D extends Pick<Document, 'kind' | 'amendsLetterId' | 'status'>>(
  documents: readonly D[],
  letterIds: readonly string[],
): D[] =>
  documents.filter(
    (doc) =>
      doc.kind === 'amendment' &&
      doc.amendsLetterId !== null &&
      letterIds.includes(doc.amendsLetterId) &&
      isInForce(doc.status),
  );

/**
 * R-D2: a replacement letter carries the consolidated scope of the amendments it was prepared
 * from. An amendment of the replaced letters signed since (or one undone) would be retired with
 * them and its change lost: the replacement must be prepared again from the scope as it now stands.
 * A duplicate keeps the amendments of its source, so duplicating a stale letter does not hide it.
 */
export const assertReplacementUpToDate = (documents: readonly Document[], replacement: Document): void => {
  if (replacement.kind !== 'replacement_letter') return;
  const basedOn = new Set(replacement.basedOnAmendmentIds ?? []);
  const current = amendmentsInForce(documents, replacement.replacesIds);
  const unseen = current.filter((doc) => !basedOn.has(doc.id));
  if (unseen.length > 0 || current.length !== basedOn.size) {
    throw new AppError('DOCUMENT.SCOPE_CHANGED', { amendmentNumbers: unseen.map((doc) => doc.number) });
  }
};

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
