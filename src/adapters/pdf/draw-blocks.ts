import type { Block, Signatory } from '../../domain/documents/content/blocks.ts';
import { drawTable, ensureSpace, type Pen } from './draw-table.ts';
import { imageForPdf } from './images.ts';
import { COLOURS, CONTENT_WIDTH, DRAWING, PAGE, TEXT } from './page-style.ts';

const LEFT = PAGE.margins.left;

const drawHeading = ({ doc, accent }: Pen, level: 1 | 2 | 3, text: string): void => {
  const size = level === 1 ? TEXT.h1 : level === 2 ? TEXT.h2 : TEXT.h3;
  // A heading never stays alone at the foot of a page.
  ensureSpace(doc, size * 4.5);
  doc.y += level === 3 ? 4 : 8;
  doc
    .font('bold')
    .fontSize(size)
    .fillColor(level === 3 ? COLOURS.ink : accent);
  doc.text(text, LEFT, doc.y, { width: CONTENT_WIDTH });
  if (level < 3) {
    doc
      .moveTo(LEFT, doc.y + 1)
      .lineTo(LEFT + CONTENT_WIDTH, doc.y + 1)
      .lineWidth(0.6)
      .stroke(accent);
  }
  doc.y += 4;
};

const drawParagraph = ({ doc }: Pen, text: string, tone: 'normal' | 'small' | 'strong'): void => {
  doc
    .font(tone === 'strong' ? 'bold' : 'regular')
    .fontSize(tone === 'small' ? TEXT.small : TEXT.body)
    .fillColor(COLOURS.ink)
    .text(text, LEFT, doc.y, { width: CONTENT_WIDTH, align: 'justify', lineGap: 1.5 });
  doc.y += 5;
};

const drawFields = ({ doc }: Pen, rows: readonly (readonly [string, string])[]): void => {
  const labelWidth = CONTENT_WIDTH * 0.34;
  const valueWidth = CONTENT_WIDTH - labelWidth - 8;
  for (const [label, value] of rows) {
    doc.fontSize(TEXT.body);
    const height = Math.max(
      doc.font('bold').heightOfString(label, { width: labelWidth }),
      doc.font('regular').heightOfString(value, { width: valueWidth }),
    );
    ensureSpace(doc, height + 3);
    const y = doc.y;
    doc.font('bold').fillColor(COLOURS.muted).text(label, LEFT, y, { width: labelWidth });
    doc
      .font('regular')
      .fillColor(COLOURS.ink)
      .text(value, LEFT + labelWidth + 8, y, { width: valueWidth });
    doc.y = y + height + 3;
  }
  doc.y += 3;
};

type Column = { title: string; lines: readonly string[]; drawing?: Uint8Array | null };

const COLUMN_GAP = 14;

const columnWidth = (columns: readonly Column[]): number =>
  (CONTENT_WIDTH - COLUMN_GAP * (columns.length - 1)) / columns.length;

/** The height of the tallest box, its drawn signature included. */
const columnsHeight = (doc: PDFKit.PDFDocument, columns: readonly Column[], minHeight: number): number => {
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

/**
 * pdfkit reads a PNG's pixels only when the file is written, in a callback no one can catch (see
 * images.ts): the drawing is decoded and written anew before pdfkit sees it, and one that does not
 * decode (stored before uploads were cleaned) is caught here; the box says so and the render goes on.
 */
const drawSignatureImage = (doc: PDFKit.PDFDocument, bytes: Uint8Array, x: number, width: number): void => {
  const y = doc.y + 4;
  try {
    doc.image(imageForPdf(bytes), x, y, { fit: [Math.min(DRAWING.width, width), DRAWING.height] });
  } catch {
    doc
      .font('regular')
      .fontSize(TEXT.small)
      .fillColor(COLOURS.muted)
      .text('(signature dessinée illisible)', x, y, { width });
  }
  doc.y = y + DRAWING.height;
};

const drawColumns = ({ doc, accent }: Pen, columns: readonly Column[], minHeight = 0): void => {
  const width = columnWidth(columns);
  const height = columnsHeight(doc, columns, minHeight);
  ensureSpace(doc, height);
  const top = doc.y;
  columns.forEach((column, i) => {
    const x = LEFT + i * (width + COLUMN_GAP);
    doc
      .rect(x - 4, top - 2, width + 8, height)
      .lineWidth(0.5)
      .stroke(COLOURS.rule);
    doc
      .font('bold')
      .fontSize(TEXT.small)
      .fillColor(accent)
      .text(column.title, x, top + 3, { width });
    doc.font('regular').fillColor(COLOURS.ink);
    for (const line of column.lines) doc.text(line, x, doc.y + 1, { width });
    if (column.drawing) drawSignatureImage(doc, column.drawing, x, width);
  });
  doc.x = LEFT;
  doc.y = top + height + 6;
};

/** An empty box to sign on paper, or, on the signed copy, what the signature was. */
const signatoryColumn = (signatory: Signatory): Column => ({
  title: signatory.heading,
  lines: [
    ...signatory.lines,
    ...(signatory.mention ? [`Mention manuscrite : « ${signatory.mention} »`] : []),
    ...(signatory.signed ? signatory.signed.lines : ['Date :', 'Signature :']),
  ],
  drawing: signatory.signed?.drawing ?? null,
});

/** What a level-2 heading takes: the space above it, its line and its rule. */
const HEADING_SPACE = TEXT.h2 * 2.5;

const drawSignatures = (pen: Pen, block: Extract<Block, { type: 'signatures' }>): void => {
  const { doc } = pen;
  const columns = block.signatories.map(signatoryColumn);
  // The title, the place, the mentions and the boxes stay together on one page.
  doc.font('regular').fontSize(TEXT.body);
  const texts = [block.intro, block.place].filter((text): text is string => text !== null);
  const textHeight = texts.reduce(
    (sum, text) => sum + doc.heightOfString(text, { width: CONTENT_WIDTH, lineGap: 1.5 }) + 5,
    0,
  );
  ensureSpace(doc, Math.max(190, HEADING_SPACE + textHeight + columnsHeight(doc, columns, 120) + 6));
  drawHeading(pen, 2, block.title);
  if (block.intro) drawParagraph(pen, block.intro, 'normal');
  drawParagraph(pen, block.place, 'normal');
  drawColumns(pen, columns, 120);
};

type Drawers = { [K in Block['type']]: (pen: Pen, block: Extract<Block, { type: K }>) => void };

const DRAWERS: Drawers = {
  heading: (pen, block) => drawHeading(pen, block.level, block.text),
  paragraph: (pen, block) => drawParagraph(pen, block.text, block.tone ?? 'normal'),
  bullets: ({ doc }, block) => {
    doc
      .font('regular')
      .fontSize(TEXT.body)
      .fillColor(COLOURS.ink)
      .list([...block.items], LEFT, doc.y, {
        width: CONTENT_WIDTH,
      });
    doc.y += 4;
  },
  fields: (pen, block) => drawFields(pen, block.rows),
  parties: (pen, block) => drawColumns(pen, block.columns),
  table: (pen, block) => drawTable(pen, block),
  signatures: drawSignatures,
  pageBreak: ({ doc }) => {
    doc.addPage();
  },
};

export const drawBlock = (pen: Pen, block: Block): void =>
  (DRAWERS[block.type] as (pen: Pen, block: Block) => void)(pen, block);
