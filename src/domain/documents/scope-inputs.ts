import { type IsoDate, parisDate } from '../shared/dates.ts';
import type { Document, ModifiableField, ScopeDocument, ScopeLineRecord } from './document.ts';
import { isLetterKind } from './kinds.ts';
import { hasEffect } from './lifecycle.ts';
import {
  type AmendmentChange,
  type LetterInForce,
  letterScopeOn,
  type SignedAmendment,
  scopeInForce,
} from './scope.ts';

const toLetterLine = (line: ScopeLineRecord) => ({
  lineId: line.id,
  serviceId: line.serviceId,
  label: line.label,
  unitLabel: line.unitLabel,
  quantity: line.quantity,
  unitPriceCents: line.unitPriceCents,
  vatRateBp: line.vatRateBp,
  recurrence: line.recurrence,
});

const toChange = (line: ScopeLineRecord): AmendmentChange => {
  if (line.operation === 'modify' && line.targetLineId) {
    // Lines written before changedFields existed carried every field as changed.
    const changes = (field: ModifiableField) => line.changedFields?.includes(field) ?? true;
    return {
      op: 'modify',
      targetLineId: line.targetLineId,
      ...(changes('quantity') ? { quantity: line.quantity } : {}),
      ...(changes('unitPriceCents') ? { unitPriceCents: line.unitPriceCents } : {}),
      ...(changes('label') ? { label: line.label } : {}),
    };
  }
  if (line.operation === 'remove' && line.targetLineId)
    return { op: 'remove', targetLineId: line.targetLineId };
  return { op: 'add', line: toLetterLine(line) };
};

/**
 * The domain's inputs for R-C3 from the documents of one engagement: only signed (or since
 * replaced) letters and amendments count (R-B1); a replaced letter stops on its replacement's
 * effective date, a terminated one after its end date (R-G1).
 */
export const scopeInputs = (documents: readonly ScopeDocument[]) => {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const letters: LetterInForce[] = documents
    .filter((doc) => isLetterKind(doc.kind) && hasEffect(doc.status))
    .map((doc) => {
      const replacement = doc.replacedById ? byId.get(doc.replacedById) : undefined;
      return {
        id: doc.id,
        number: doc.number,
        effectiveDate: doc.effectiveDate ?? parisDate(doc.signedAt ?? doc.createdAt),
        replacedFrom: replacement ? (replacement.effectiveDate ?? null) : null,
        endDate: doc.endDate ?? null,
        lines: doc.lines.map(toLetterLine),
      };
    });
  const amendments = documents
    .filter((doc) => doc.kind === 'amendment' && hasEffect(doc.status) && doc.amendsLetterId)
    .map(toAmendment);
  return { letters, amendments };
};

/** An amendment as the domain applies it, whatever its status (to preview a draft's effect). */
export const toAmendment = (doc: ScopeDocument): SignedAmendment => ({
  id: doc.id,
  number: doc.number,
  letterId: doc.amendsLetterId ?? '',
  effectiveDate: doc.effectiveDate ?? parisDate(doc.signedAt ?? doc.createdAt),
  changes: doc.lines.map(toChange),
});

export const scopeOfDocuments = (documents: readonly ScopeDocument[], date: IsoDate) =>
  scopeInForce(scopeInputs(documents), date);

/**
 * R-C2: the amended letter's scope on a date, without then with this amendment (signed or not
 * yet); undefined when the letter has no effect.
 */
export const amendedLetterScopes = (amendment: Document, others: readonly Document[], date: IsoDate) => {
  const inputs = scopeInputs(others);
  const letter = inputs.letters.find((l) => l.id === amendment.amendsLetterId);
  if (!letter) return undefined;
  return {
    before: letterScopeOn(letter, inputs.amendments, date),
    after: letterScopeOn(letter, [...inputs.amendments, toAmendment(amendment)], date),
  };
};
