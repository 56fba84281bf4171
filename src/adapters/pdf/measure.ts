import type { Block, Signatory } from '../../domain/documents/content/blocks.ts';
import { tableHeight } from './draw-table.ts';
import { CONTENT_WIDTH, DRAWING, PAGE, TEXT } from './page-style.ts';

/**
 * Heights measured before drawing, for keep-with-next: a heading is never parted from what it
 * introduces. A section (the blocks up to the next heading of the same or a higher level) that fits
 * in most of a page moves whole to the next page rather than start at its foot, so a mission block,
 * a signer's evidence or a fee table's heading and first rows stay together; a longer section keeps
 * at least its heading with the start of its first block. Measuring stops as soon as a section is
 * known to be too long: a letter is measured about once more, not once per heading.
 */

export const HEADING_GAP = { 1: 8, 2: 8, 3: 4 } as const;
const HEADING_SIZES = { 1: TEXT.h1, 2: TEXT.h2, 3: TEXT.h3 } as const;

const BODY_HEIGHT = PAGE.height - PAGE.margins.top - PAGE.margins.bottom;
/** A section longer than this would leave too much of a page blank: only its start is kept. */
const KEEP_WHOLE = BODY_HEIGHT * 0.6;
/** The lines of a paragraph kept with its heading when the section is too long to move whole. */
const KEPT_LINES = 3;

export const FIELD_LABEL_WIDTH = CONTENT_WIDTH * 0.34;
export const FIELD_VALUE_WIDTH = CONTENT_WIDTH - FIELD_LABEL_WIDTH - 8;

export const fieldRowHeight = (
  doc: PDFKit.PDFDocument,
  [label, value]: readonly [string, string],
): number => {
  doc.fontSize(TEXT.body);
  return Math.max(
    doc.font('bold').heightOfString(label, { width: FIELD_LABEL_WIDTH }),
    doc.font('regular').heightOfString(value, { width: FIELD_VALUE_WIDTH }),
  );
};

export type Column = {
  title: string;
  lines: readonly string[];
  drawing?: Uint8Array | null;
  drawnBy?: string;
};

export const COLUMN_GAP = 14;

export const columnWidth = (columns: readonly Column[]): number =>
  (CONTENT_WIDTH - COLUMN_GAP * (columns.length - 1)) / columns.length;

/** The height of the tallest box, its drawn signature included. */
export const columnsHeight = (doc: PDFKit.PDFDocument, columns: readonly Column[], minHeight = 0): number => {
  const width = columnWidth(columns);
  doc.fontSize(TEXT.small);
  const heights = columns.map(
    (column) =>
      doc.font('bold').heightOfString(column.title, { width }) +
      column.lines.reduce((sum, line) => sum + doc.font('regular').heightOfString(line, { width }) + 1, 0) +
      (column.drawing ? DRAWING.height + 4 : 0),
  );
  return Math.max(minHeight, ...heights) + 12;
};

/** An empty box to sign on paper, or, on the signed copy, what the signature was. */
export const signatoryColumn = (signatory: Signatory): Column => ({
  title: signatory.heading,
  lines: [
    ...signatory.lines,
    ...(signatory.mention ? [`Mention manuscrite : « ${signatory.mention} »`] : []),
    ...(signatory.signed ? signatory.signed.lines : ['Date :', 'Signature :']),
  ],
  drawing: signatory.signed?.drawing ?? null,
  drawnBy: signatory.lines[0] ?? signatory.heading,
});

export const SIGNATURE_BOX_HEIGHT = 120;

export const headingHeight = (
  doc: PDFKit.PDFDocument,
  block: Extract<Block, { type: 'heading' }>,
): number => {
  doc.font('bold').fontSize(HEADING_SIZES[block.level]);
  return HEADING_GAP[block.level] + doc.heightOfString(block.text, { width: CONTENT_WIDTH }) + 5;
};

const paragraphHeight = (doc: PDFKit.PDFDocument, block: Extract<Block, { type: 'paragraph' }>): number => {
  doc.font(block.tone === 'strong' || block.lead ? 'bold' : 'regular');
  doc.fontSize(block.tone === 'small' ? TEXT.small : TEXT.body);
  const text = block.lead ? `${block.lead} ${block.text}` : block.text;
  return doc.heightOfString(text, { width: CONTENT_WIDTH, lineGap: 1.5 }) + 5;
};

const BULLET_INDENT = 22;

const bulletHeight = (doc: PDFKit.PDFDocument, item: string): number =>
  doc.heightOfString(item, { width: CONTENT_WIDTH - BULLET_INDENT });

/** The height a block takes, drawn whole on one page. */
export const blockHeight = (doc: PDFKit.PDFDocument, block: Block): number => {
  switch (block.type) {
    case 'heading':
      return headingHeight(doc, block);
    case 'paragraph':
      return paragraphHeight(doc, block);
    case 'bullets':
      doc.font('regular').fontSize(TEXT.body);
      return block.items.reduce((sum, item) => sum + bulletHeight(doc, item), 4);
    case 'fields':
      return block.rows.reduce((sum, row) => sum + fieldRowHeight(doc, row) + 3, 3);
    case 'parties':
      return columnsHeight(doc, block.columns) + 6;
    case 'table':
      return tableHeight(doc, block);
    case 'signatures': {
      doc.font('regular').fontSize(TEXT.body);
      const texts = [block.intro, block.place].filter((text): text is string => text !== null);
      const textHeight = texts.reduce(
        (sum, text) => sum + doc.heightOfString(text, { width: CONTENT_WIDTH, lineGap: 1.5 }) + 5,
        0,
      );
      const boxes = columnsHeight(doc, block.signatories.map(signatoryColumn), SIGNATURE_BOX_HEIGHT);
      return Math.max(190, TEXT.h2 * 2.5 + textHeight + boxes + 6);
    }
    case 'pageBreak':
      return 0;
  }
};

/** The start of a block that must stay with the heading above it. */
const startHeight = (doc: PDFKit.PDFDocument, block: Block, whole: number): number => {
  switch (block.type) {
    case 'table':
      return tableHeight(doc, block, 1);
    case 'fields':
      return block.rows.slice(0, KEPT_LINES).reduce((sum, row) => sum + fieldRowHeight(doc, row) + 3, 3);
    case 'paragraph':
      return Math.min(whole, KEPT_LINES * (doc.currentLineHeight(true) + 1.5) + 5);
    case 'bullets':
      doc.font('regular').fontSize(TEXT.body);
      return bulletHeight(doc, block.items[0] ?? '') + 4;
    default:
      return whole;
  }
};

const endsSection = (block: Block, level: number): boolean =>
  block.type === 'pageBreak' ||
  block.type === 'signatures' ||
  (block.type === 'heading' && block.level <= level);

/** Heights already measured in this render: a section inside a section is measured once. */
export type Heights = Map<Block, number>;

const measured = (doc: PDFKit.PDFDocument, block: Block, heights: Heights): number => {
  let height = heights.get(block);
  if (height === undefined) {
    height = blockHeight(doc, block);
    heights.set(block, height);
  }
  return height;
};

/** What must come onto the same page as the heading at `index`, below it. */
export const keptWithHeading = (
  doc: PDFKit.PDFDocument,
  blocks: readonly Block[],
  index: number,
  heights: Heights = new Map(),
): number => {
  const heading = blocks[index];
  if (heading?.type !== 'heading') return 0;
  let whole = 0;
  for (let i = index + 1; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (endsSection(block, heading.level)) return whole;
    whole += measured(doc, block, heights);
    if (whole > KEEP_WHOLE) break;
  }
  if (whole <= KEEP_WHOLE) return whole;
  const first = blocks[index + 1] as Block;
  if (first.type === 'heading')
    return measured(doc, first, heights) + keptWithHeading(doc, blocks, index + 1, heights);
  return startHeight(doc, first, measured(doc, first, heights));
};
