import type { IsoDate } from '../shared/dates.ts';
import { ok, type Refusal, type Result, refuse } from '../shared/result.ts';
import type { Document } from './document.ts';
import { isInForce } from './lifecycle.ts';
import type { LetterScope } from './scope.ts';
import { scopeOfDocuments } from './scope-inputs.ts';

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
export const lettersInForce = (
  documents: readonly Document[],
  letterIds: readonly string[],
  date: IsoDate,
): Result<LetterScope[], Refusal> => {
  const letters = scopeOfDocuments(documents, date).letters;
  const gone = letterIds.filter((id) => !letters.some((letter) => letter.letterId === id));
  if (gone.length > 0) return refuse('DOCUMENT.LETTER_NOT_IN_FORCE', { letterIds: gone });
  return ok(letters.filter((letter) => letterIds.includes(letter.letterId)));
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

/** R-D2: whether a document of this kind is checked against its engagement's other documents. */
export const needsUpToDateCheck = (kind: Document['kind']): boolean => kind === 'replacement_letter';

/**
 * R-D2: a replacement letter carries the consolidated scope of the amendments it was prepared
 * from. An amendment of the replaced letters signed since (or one undone) would be retired with
 * them and its change lost: the replacement must be prepared again from the scope as it now stands.
 * A duplicate keeps the amendments of its source, so duplicating a stale letter does not hide it.
 * Any other kind of document is up to date by definition.
 */
export const checkReplacementUpToDate = (
  documents: readonly Document[],
  replacement: Document,
): Result<true, Refusal> => {
  if (!needsUpToDateCheck(replacement.kind)) return ok(true);
  const basedOn = new Set(replacement.basedOnAmendmentIds ?? []);
  const current = amendmentsInForce(documents, replacement.replacesIds);
  const unseen = current.filter((doc) => !basedOn.has(doc.id));
  if (unseen.length > 0 || current.length !== basedOn.size) {
    return refuse('DOCUMENT.SCOPE_CHANGED', { amendmentNumbers: unseen.map((doc) => doc.number) });
  }
  return ok(true);
};
