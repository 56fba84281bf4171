export const DOCUMENT_KINDS = [
  'proposal',
  'engagement_letter',
  'amendment',
  'replacement_letter',
  'work_order',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const RECURRENCES = ['monthly', 'quarterly', 'yearly', 'one_off'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const LETTER_KINDS = [
  'engagement_letter',
  'replacement_letter',
] as const satisfies readonly DocumentKind[];

export const isLetterKind = (kind: DocumentKind): boolean =>
  (LETTER_KINDS as readonly DocumentKind[]).includes(kind);

/** French labels, used in numbers, errors and (later) PDFs. */
export const DOCUMENT_KIND_LABELS_FR: Record<DocumentKind, string> = {
  proposal: 'offre de service',
  engagement_letter: 'lettre de mission',
  amendment: 'avenant',
  replacement_letter: 'lettre de mission substitutive',
  work_order: 'bon d’intervention',
};

/** The title of a new document and the heading of its PDF. */
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  proposal: 'Offre de service',
  engagement_letter: 'Lettre de mission',
  amendment: 'Avenant à la lettre de mission',
  replacement_letter: 'Lettre de mission substitutive',
  work_order: 'Bon d’intervention',
};
