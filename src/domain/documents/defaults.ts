import { addDays, type IsoDate } from '../shared/dates.ts';
import type { DocumentKind } from './kinds.ts';

/**
 * What a new document says when the user has not said otherwise: a firm sends complete documents
 * without retyping the usual terms. Late-payment penalties are not part of them: every document
 * prints the legal clause that fits its client (see content/clauses.ts).
 */
export const DEFAULT_PAYMENT_TERMS =
  'Les honoraires forfaitaires sont facturés mensuellement et prélevés le 5 de chaque mois ; les travaux ponctuels sont facturés à leur achèvement et payables à 30 jours, par virement.';

/** A proposal is valid 30 days unless the firm gives another date. */
export const PROPOSAL_VALIDITY_DAYS = 30;

export const defaultValidUntil = (kind: DocumentKind, today: IsoDate): IsoDate | null =>
  kind === 'proposal' ? addDays(today, PROPOSAL_VALIDITY_DAYS) : null;

/**
 * Issue 14, item 5: the revision clause a firm's letters carry unless it says otherwise (a firm
 * setting, on by default). Revision follows an index the client can check, announced in advance;
 * anything beyond it takes a new agreement.
 */
export const DEFAULT_REVISION_CLAUSE =
  'Les honoraires forfaitaires et les prix unitaires sont révisables à chaque reconduction de la mission, au début de chaque exercice, dans la limite de l’évolution de l’indice Syntec sur les douze derniers mois connus ; le cabinet en informe le client par écrit au moins un mois à l’avance. Toute révision au-delà de cette limite fait l’objet d’un avenant ou d’une lettre de mission substitutive.';

/**
 * The revision clause of a new document: the one the user typed (null removes it); else, for a
 * replacement letter, the clause of the letters it replaces, kept; else the firm's default for the
 * documents that carry recurring fees (proposal, letters), when the firm keeps the setting on.
 */
export const initialRevisionClause = (input: {
  kind: DocumentKind;
  typed: string | null | undefined;
  replacedClause?: string | null;
  revisionClauseByDefault?: boolean;
}): string | null => {
  if (input.typed !== undefined) return input.typed;
  if (input.kind === 'replacement_letter' && input.replacedClause) return input.replacedClause;
  const carriesRecurringFees =
    input.kind === 'proposal' || input.kind === 'engagement_letter' || input.kind === 'replacement_letter';
  return carriesRecurringFees && (input.revisionClauseByDefault ?? true) ? DEFAULT_REVISION_CLAUSE : null;
};
