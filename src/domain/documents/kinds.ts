export const DOCUMENT_KINDS = [
  'proposal',
  'engagement_letter',
  'amendment',
  'replacement_letter',
  'work_order',
  'termination_letter',
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

/**
 * The kinds that make the scope in force (R-C3): the letters and their amendments. A replacement
 * letter retires them (R-D1), renewal reads them, and they carry the firm's terms.
 */
export const SCOPE_KINDS = [
  'engagement_letter',
  'replacement_letter',
  'amendment',
] as const satisfies readonly DocumentKind[];

export const isScopeKind = (kind: DocumentKind): boolean =>
  (SCOPE_KINDS as readonly DocumentKind[]).includes(kind);

/**
 * R-A2 and R-A3: the kinds a prospect and a client may hold. Here rather than beside the engagement
 * state, so the web app (which may read this file) offers the same kinds the server allows.
 */
export const KINDS_BY_ENGAGEMENT_STATE = {
  prospect: ['proposal', 'engagement_letter'],
  client: ['proposal', 'engagement_letter', 'amendment', 'replacement_letter', 'work_order'],
} as const satisfies Record<'prospect' | 'client', readonly DocumentKind[]>;

/**
 * One policy per kind: what sets each kind apart, asked by name instead of comparing kinds.
 * - `hasValidityDate`: a proposal is valid until a date and expires after it (DOMAIN.md B, R-B6);
 *   the others expire after the firm's signing period and start on an effective date.
 * - `linesAreChanges`: an amendment's lines add, modify or remove lines of its letter (R-C2): its
 *   draft is edited through its changes, never through plain lines (each edit rebuilds them against
 *   the letter as in force on its effective date).
 * - `oneOffLinesOnly`: a work order holds one-off lines only (R-C4).
 * - `drawnFromTermination`: a letter of termination (R-G1) says what its termination recorded: it
 *   has no lines, is never edited nor duplicated, and is created with the termination, never by hand
 *   (it is in no state's KINDS_BY_ENGAGEMENT_STATE). It has no effect on scope or billing (not a
 *   SCOPE_KINDS member, no lines).
 */
export type KindPolicy = {
  readonly hasValidityDate: boolean;
  readonly linesAreChanges: boolean;
  readonly oneOffLinesOnly: boolean;
  readonly drawnFromTermination: boolean;
};

export const KIND_POLICIES = {
  proposal: {
    hasValidityDate: true,
    linesAreChanges: false,
    oneOffLinesOnly: false,
    drawnFromTermination: false,
  },
  engagement_letter: {
    hasValidityDate: false,
    linesAreChanges: false,
    oneOffLinesOnly: false,
    drawnFromTermination: false,
  },
  amendment: {
    hasValidityDate: false,
    linesAreChanges: true,
    oneOffLinesOnly: false,
    drawnFromTermination: false,
  },
  replacement_letter: {
    hasValidityDate: false,
    linesAreChanges: false,
    oneOffLinesOnly: false,
    drawnFromTermination: false,
  },
  work_order: {
    hasValidityDate: false,
    linesAreChanges: false,
    oneOffLinesOnly: true,
    drawnFromTermination: false,
  },
  termination_letter: {
    hasValidityDate: false,
    linesAreChanges: false,
    oneOffLinesOnly: false,
    drawnFromTermination: true,
  },
} as const satisfies Record<DocumentKind, KindPolicy>;

export const kindPolicy = (kind: DocumentKind): KindPolicy => KIND_POLICIES[kind];

/** French labels, used in numbers, errors and (later) PDFs. */
export const DOCUMENT_KIND_LABELS_FR: Record<DocumentKind, string> = {
  proposal: 'offre de service',
  engagement_letter: 'lettre de mission',
  amendment: 'avenant',
  replacement_letter: 'lettre de mission substitutive',
  work_order: 'bon d’intervention',
  termination_letter: 'lettre de fin de mission',
};

/** The title of a new document and the heading of its PDF. */
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  proposal: 'Offre de service',
  engagement_letter: 'Lettre de mission',
  amendment: 'Avenant à la lettre de mission',
  replacement_letter: 'Lettre de mission substitutive',
  work_order: 'Bon d’intervention',
  termination_letter: 'Lettre de fin de mission',
};
