import type { DocumentKind } from './kinds.ts';

/** R-B5: the prefix of each numbered series; an amendment is numbered from its letter. */
export const NUMBER_PREFIXES: Record<Exclude<DocumentKind, 'amendment'>, string> = {
  proposal: 'OS',
  engagement_letter: 'LM',
  replacement_letter: 'LMS',
  work_order: 'BI',
  // R-G1: « lettre de fin de mission », FM-2027-0001.
  termination_letter: 'FM',
};

/** The counter a sent document draws from: per firm (the store's scope), per type, per year. */
export const numberingSeries = (kind: Exclude<DocumentKind, 'amendment'>, year: number): string =>
  `${NUMBER_PREFIXES[kind]}-${year}`;

/** The counter of the amendments of one letter. */
export const amendmentSeries = (letterNumber: string): string => `${letterNumber}-A`;

/** R-B5: "LM-2026-0001"; sequences above 9999 simply widen. */
export const formatDocumentNumber = (
  kind: Exclude<DocumentKind, 'amendment'>,
  year: number,
  sequence: number,
): string => `${numberingSeries(kind, year)}-${String(sequence).padStart(4, '0')}`;

/** R-B5: "LM-2026-0001-A01". */
export const formatAmendmentNumber = (letterNumber: string, sequence: number): string =>
  `${amendmentSeries(letterNumber)}${String(sequence).padStart(2, '0')}`;
