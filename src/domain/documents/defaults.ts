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
