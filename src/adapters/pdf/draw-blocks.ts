import type { Block } from '../../domain/documents/content/blocks.ts';
import { drawTable, ensureSpace, type Pen } from './draw-table.ts';
import { imageForPdf } from './images.ts';
import {
  blockHeight,
  COLUMN_GAP,
  type Column,
  columnsHeight,
  columnWidth,
  FIELD_LABEL_WIDTH,
  FIELD_VALUE_WIDTH,
  fieldRowHeight,
  HEADING_GAP,
  headingHeight,
  keptWithHeading,
  SIGNATURE_BOX_HEIGHT,
  signatoryColumn,
} from './measure.ts';
import { COLOURS, CONTENT_WIDTH, DRAWING, PAGE, TEXT } from './page-style.ts';
import { artifact, closeMarkings, group, tagged } from './tagging.ts';

const LEFT = PAGE.margins.left;

const HEADING_SIZES = { 1: TEXT.h1, 2: TEXT.h2, 3: TEXT.h3 } as const;

const drawHeading = (pen: Pen, level: 1 | 2 | 3, text: string, keep: number): void => {
  const { doc, accent } = pen;
  // A heading never stays alone at the foot of a page: what follows it (measure.ts) comes along.
  ensureSpace(doc, Math.max(keep, HEADING_SIZES[level] * 4.5));
  doc.y += HEADING_GAP[level];
  doc
    .font('bold')
    .fontSize(HEADING_SIZES[level])
    .fillColor(level === 3 ? COLOURS.ink : accent);
  tagged(pen, `H${level}`, () => doc.text(text, LEFT, doc.y, { width: CONTENT_WIDTH }));
  if (level < 3) {
    const y = doc.y + 1;
    artifact(doc, () =>
      doc
        .moveTo(LEFT, y)
        .lineTo(LEFT + CONTENT_WIDTH, y)
        .lineWidth(0.6)
        .stroke(accent),
    );
  }
  doc.y += 4;
};

/** A paragraph; one with a lead (« Article 3 — Honoraires. ») starts with it in bold. */
const drawParagraph = (
  pen: Pen,
  text: string,
  tone: 'normal' | 'small' | 'strong',
  lead: string | null = null,
): void => {
  const { doc } = pen;
  const options = { width: CONTENT_WIDTH, align: 'justify', lineGap: 1.5 } as const;
  doc.fontSize(tone === 'small' ? TEXT.small : TEXT.body).fillColor(COLOURS.ink);
  tagged(
    pen,
    'P',
    () => {
      if (lead) {
        doc.font('bold').text(`${lead} `, LEFT, doc.y, { ...options, continued: true });
        doc.font(tone === 'strong' ? 'bold' : 'regular').text(text, options);
      } else doc.font(tone === 'strong' ? 'bold' : 'regular').text(text, LEFT, doc.y, options);
    },
    lead ? `${lead} ${text}` : text,
  );
  doc.y += 5;
};

/** Label and value: a two-column table without borders, each row a TR of a TH and a TD. */
const drawFields = (pen: Pen, rows: readonly (readonly [string, string])[]): void => {
  const { doc } = pen;
  group(pen, 'Table', (table) => {
    for (const row of rows) {
      const height = fieldRowHeight(doc, row);
      ensureSpace(doc, height + 3);
      const y = doc.y;
      group(table, 'TR', (tr) => {
        doc.font('bold').fillColor(COLOURS.muted);
        tagged(tr, 'TH', () => doc.text(row[0], LEFT, y, { width: FIELD_LABEL_WIDTH }));
        doc.font('regular').fillColor(COLOURS.ink);
        tagged(tr, 'TD', () =>
          doc.text(row[1], LEFT + FIELD_LABEL_WIDTH + 8, y, { width: FIELD_VALUE_WIDTH }),
        );
      });
      doc.y = y + height + 3;
    }
  });
  doc.y += 3;
};

/**
 * pdfkit reads a PNG's pixels only when the file is written, in a callback no one can catch (see
 * images.ts): the drawing is decoded and written anew before pdfkit sees it, and one that does not
 * decode (stored before uploads were cleaned) is caught here; the box says so and the render goes on.
 */
const drawSignatureImage = (pen: Pen, column: Column, x: number, width: number): void => {
  const { doc } = pen;
  const y = doc.y + 4;
  let image: Buffer | null = null;
  try {
    image = column.drawing ? imageForPdf(column.drawing) : null;
  } catch {
    image = null;
  }
  if (image) {
    const figure = doc.struct('Figure', { alt: `Signature dessinée de ${column.drawnBy ?? column.title}` });
    pen.parent.add(figure);
    figure.add(() => doc.image(image, x, y, { fit: [Math.min(DRAWING.width, width), DRAWING.height] }));
    figure.end();
  } else {
    doc.font('regular').fontSize(TEXT.small).fillColor(COLOURS.muted);
    tagged(pen, 'P', () => doc.text('(signature dessinée illisible)', x, y, { width }));
  }
  doc.y = y + DRAWING.height;
};

const drawColumns = (pen: Pen, columns: readonly Column[], minHeight = 0): void => {
  const { doc, accent } = pen;
  const width = columnWidth(columns);
  const height = columnsHeight(doc, columns, minHeight);
  ensureSpace(doc, height);
  const top = doc.y;
  columns.forEach((column, i) => {
    const x = LEFT + i * (width + COLUMN_GAP);
    artifact(doc, () =>
      doc
        .rect(x - 4, top - 2, width + 8, height)
        .lineWidth(0.5)
        .stroke(COLOURS.rule),
    );
    group(pen, 'Div', (div) => {
      const divPen = { ...pen, parent: div.parent };
      doc.font('bold').fontSize(TEXT.small).fillColor(accent);
      tagged(div, 'P', () => doc.text(column.title, x, top + 3, { width }));
      doc.font('regular').fillColor(COLOURS.ink);
      tagged(div, 'P', () => {
        for (const line of column.lines) doc.text(line, x, doc.y + 1, { width });
      });
      if (column.drawing) drawSignatureImage(divPen, column, x, width);
    });
  });
  doc.x = LEFT;
  doc.y = top + height + 6;
};

const drawSignatures = (pen: Pen, block: Extract<Block, { type: 'signatures' }>): void => {
  const { doc } = pen;
  const columns = block.signatories.map(signatoryColumn);
  // The title, the place, the mentions and the boxes stay together on one page.
  ensureSpace(doc, blockHeight(doc, block));
  drawHeading(pen, 2, block.title, 0);
  if (block.intro) drawParagraph(pen, block.intro, 'normal');
  drawParagraph(pen, block.place, 'normal');
  drawColumns(pen, columns, SIGNATURE_BOX_HEIGHT);
};

const drawBullets = (pen: Pen, items: readonly string[]): void => {
  const { doc } = pen;
  doc.font('regular').fontSize(TEXT.body).fillColor(COLOURS.ink);
  group(pen, 'L', (list) => {
    doc.list([...items], LEFT, doc.y, { width: CONTENT_WIDTH, structParent: list.parent });
    closeMarkings(doc);
  });
  doc.y += 4;
};

type Drawers = {
  [K in Block['type']]: (pen: Pen, block: Extract<Block, { type: K }>, keep: number) => void;
};

const DRAWERS: Drawers = {
  heading: (pen, block, keep) => drawHeading(pen, block.level, block.text, keep),
  paragraph: (pen, block) => drawParagraph(pen, block.text, block.tone ?? 'normal', block.lead ?? null),
  bullets: (pen, block) => drawBullets(pen, block.items),
  fields: (pen, block) => drawFields(pen, block.rows),
  parties: (pen, block) => drawColumns(pen, block.columns),
  table: (pen, block) => drawTable(pen, block),
  signatures: drawSignatures,
  pageBreak: ({ doc }) => {
    doc.addPage();
  },
};

/**
 * The blocks in order. A heading takes with it onto the next page what must not be parted from it
 * (measure.ts): a whole mission block, a signer's evidence, a fee table's first row.
 */
export const drawBlocks = (pen: Pen, blocks: readonly Block[]): void => {
  const heights = new Map<Block, number>();
  blocks.forEach((block, index) => {
    const keep =
      block.type === 'heading'
        ? headingHeight(pen.doc, block) + keptWithHeading(pen.doc, blocks, index, heights)
        : 0;
    (DRAWERS[block.type] as (pen: Pen, block: Block, keep: number) => void)(pen, block, keep);
  });
};
