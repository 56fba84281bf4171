/**
 * What a rendered document says, as a list of blocks: the domain decides every word, figure and
 * table of a document (DOMAIN.md "What a letter must contain"); the PDF adapter only lays it out.
 */

export type Align = 'left' | 'right' | 'center';

/** A table column: its header, its share of the page width and how its cells align. */
export type Column = { readonly header: string; readonly width: number; readonly align: Align };

/** A row with fewer cells than the table has columns: its first cell spans the missing ones. */
export type TableRow = { readonly cells: readonly string[]; readonly emphasis?: boolean };

export type Signatory = {
  readonly heading: string;
  readonly lines: readonly string[];
  /** The mention the signatory writes above the signature, e.g. « Bon pour accord ». */
  readonly mention: string | null;
  /**
   * What the box says instead of the empty « Date » and « Signature » lines: on the signed copy, how
   * it was signed and the signature the signer drew (a PNG); before, for a signatory invited to sign
   * electronically, how they will sign (no drawing).
   */
  readonly signed?: SignedBox | null;
};

export type SignedBox = { readonly lines: readonly string[]; readonly drawing: Uint8Array | null };

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | {
      readonly type: 'paragraph';
      readonly text: string;
      readonly tone?: 'normal' | 'small' | 'strong';
      /** A run-in heading printed in bold before the text: « Article 3 — Honoraires. » */
      readonly lead?: string;
    }
  | { readonly type: 'bullets'; readonly items: readonly string[] }
  | { readonly type: 'fields'; readonly rows: readonly (readonly [label: string, value: string])[] }
  | { readonly type: 'parties'; readonly columns: readonly { title: string; lines: readonly string[] }[] }
  | {
      readonly type: 'table';
      readonly columns: readonly Column[];
      readonly rows: readonly TableRow[];
      readonly footer?: readonly TableRow[];
    }
  | {
      readonly type: 'signatures';
      readonly title: string;
      readonly intro: string | null;
      readonly place: string;
      readonly signatories: readonly Signatory[];
    }
  | { readonly type: 'pageBreak' };

export type DocumentContent = {
  /** « Lettre de mission », « Avenant »… */
  readonly title: string;
  /** The line under the title: number and date, or « Projet » for a draft. */
  readonly subtitle: string;
  /** The firm's identity, printed at the top of the first page (DOMAIN.md: mandatory items). */
  readonly firmHeader: readonly string[];
  /** Printed at the foot of every page, before « Page x / y ». */
  readonly footer: string;
  /** Metadata of the PDF file. */
  readonly metadata: { readonly title: string; readonly author: string; readonly subject: string };
  readonly blocks: readonly Block[];
};
