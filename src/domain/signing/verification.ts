/**
 * The public verification of a PDF (issue 15, item 6): what the cryptographic check of its seal and
 * the look-up of its bytes say together, in one of four verdicts, and what changed after signing,
 * in French.
 */

export const VERIFICATION_VERDICTS = ['intact', 'changed', 'damaged', 'unknown'] as const;
export type VerificationVerdict = (typeof VERIFICATION_VERDICTS)[number];

/** What the check of one signature found: only `valid` proves the signed bytes are the sealed ones. */
export type SignatureOutcome = 'valid' | 'digest_mismatch' | 'bad_signature' | 'malformed';

/** A change an incremental update appended after the signed revision makes to what a reader sees. */
export const PDF_CHANGE_KINDS = [
  'annotation_added',
  'annotation_changed',
  'page_content',
  'page_added',
  'page_removed',
  'form_field',
  'signature_added',
  'metadata',
  'attachment',
  'appended_data',
  'other',
] as const;
export type PdfChangeKind = (typeof PDF_CHANGE_KINDS)[number];

/** `page` counts from 1; `subtype` is an annotation's /Subtype (Text, Highlight, Ink…). */
export type PdfChange = { kind: PdfChangeKind; page: number | null; subtype: string | null };

const ANNOTATION_NAMES: Record<string, string> = {
  Text: 'une note',
  FreeText: 'un texte libre',
  Highlight: 'un surlignage',
  Underline: 'un soulignement',
  StrikeOut: 'un texte barré',
  Ink: 'un dessin à main levée',
  Stamp: 'un tampon',
  Link: 'un lien',
  Square: 'un rectangle',
  Circle: 'un cercle',
  Line: 'une ligne',
  Polygon: 'un polygone',
  FileAttachment: 'une pièce jointe',
};

const onPage = (change: PdfChange): string => (change.page === null ? '' : ` (page ${change.page})`);

/** One sentence a reader of the verification page understands, without PDF vocabulary. */
export const describePdfChange = (change: PdfChange): string => {
  const annotation = ANNOTATION_NAMES[change.subtype ?? ''] ?? 'une annotation';
  const sentences: Record<PdfChangeKind, string> = {
    annotation_added: `Annotation ajoutée : ${annotation}${onPage(change)}.`,
    annotation_changed: `Annotation modifiée : ${annotation}${onPage(change)}.`,
    page_content: `Contenu de la page modifié${onPage(change)}.`,
    page_added: `Page ajoutée${onPage(change)}.`,
    page_removed: 'Page supprimée.',
    form_field: `Champ de formulaire ajouté ou rempli${onPage(change)}.`,
    signature_added: `Autre signature ajoutée après le cachet${onPage(change)}.`,
    metadata: 'Métadonnées du fichier modifiées (titre, auteur, dates…).',
    attachment: 'Fichier joint ajouté ou modifié.',
    appended_data: 'Données ajoutées à la fin du fichier, sans objet PDF lisible.',
    other: 'Autre modification de la structure du document.',
  };
  return sentences[change.kind];
};

export type VerdictInput = {
  /** The check of the Lettrine seal the file carries; undefined when it carries none Lettrine knows. */
  seal?: { outcome: SignatureOutcome };
  /** The copy Lettrine stored that the file is, or starts with, byte for byte. */
  knownCopy?: 'sealed' | 'frozen';
  /** What the updates appended after the seal's revision (or after the known copy) change. */
  changes: readonly PdfChange[];
};

/**
 * The verdict. A seal that does not verify means the signed bytes were altered: damaged, whatever
 * else is known. A valid seal, or a copy Lettrine stored, is intact when nothing visible was
 * appended since (added validation data or a document timestamp are not changes), changed
 * otherwise. Anything else (no Lettrine seal, bytes Lettrine never produced) is unknown.
 */
export const verificationVerdict = (input: VerdictInput): VerificationVerdict => {
  if (input.seal && input.seal.outcome !== 'valid') return 'damaged';
  if (!input.seal && input.knownCopy !== 'frozen') return 'unknown';
  return input.changes.length === 0 ? 'intact' : 'changed';
};
