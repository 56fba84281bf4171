import type { Block, Signatory } from '../../domain/documents/content/blocks.ts';
import { drawTable, ensureSpace, type Pen } from './draw-table.ts';
import { COLOURS, CONTENT_WIDTH, PAGE, TEXT } from './page-style.ts';

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

const drawColumns = (
  { doc, accent }: Pen,
  columns: readonly { title: string; lines: readonly string[] }[],
  minHeight = 0,
): void => {
  const gap = 14;
  const width = (CONTENT_WIDTH - gap * (columns.length - 1)) / columns.length;
  doc.fontSize(TEXT.small);
  const heights = columns.map(
    (column) =>
      doc.font('bold').heightOfString(column.title, { width }) +
      column.lines.reduce((sum, line) => sum + doc.font('regular').heightOfString(line, { width }) + 1, 0),
  );
  const height = Math.max(minHeight, ...heights) + 12;
  ensureSpace(doc, height);
  const top = doc.y;
  columns.forEach((column, i) => {
    const x = LEFT + i * (width + gap);
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
  });
  doc.x = LEFT;
  doc.y = top + height + 6;
};

const signatoryColumn = (signatory: Signatory) => ({
  title: signatory.heading,
  lines: [
    ...signatory.lines,
    ...(signatory.mention ? [`Mention manuscrite : « ${signatory.mention} »`] : []),
    'Date :',
    'Signature :',
  ],
});

const drawSignatures = (pen: Pen, block: Extract<Block, { type: 'signatures' }>): void => {
  // The title, the place, the mentions and the boxes stay together on one page.
  ensureSpace(pen.doc, 190);
  drawHeading(pen, 2, block.title);
  if (block.intro) drawParagraph(pen, block.intro, 'normal');
  drawParagraph(pen, block.place, 'normal');
  drawColumns(pen, block.signatories.map(signatoryColumn), 120);
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
