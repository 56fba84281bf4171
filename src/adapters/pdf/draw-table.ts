import type { Column, TableRow } from '../../domain/documents/content/blocks.ts';
import { COLOURS, CONTENT_WIDTH, PAGE, TEXT } from './page-style.ts';
import { artifact, group, type Tagger, tagged } from './tagging.ts';

/** What draws: the document, the firm's colour, and the structure element new content goes under. */
export type Pen = Tagger & { readonly accent: string };

const PADDING = 3;

export const bottomLimit = (doc: PDFKit.PDFDocument): number => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when the next `height` points would cross the bottom margin. */
export const ensureSpace = (doc: PDFKit.PDFDocument, height: number): void => {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
};

const widthsOf = (columns: readonly Column[]): number[] => {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  return columns.map((column) => (column.width / total) * CONTENT_WIDTH);
};

type Cell = { text: string; width: number; align: Column['align'] };

/** A row with fewer cells than columns: its first cell spans the missing ones (a totals label). */
const cellsOf = (cells: readonly string[], columns: readonly Column[], widths: number[]): Cell[] => {
  const span = Math.max(1, columns.length - cells.length + 1);
  return cells.map((text, i) => {
    const first = i === 0 ? 0 : i + span - 1;
    const last = i === 0 ? span - 1 : first;
    const width = widths.slice(first, last + 1).reduce((sum, w) => sum + w, 0);
    return { text, width, align: columns[first]?.align ?? 'left' };
  });
};

const rowHeight = (doc: PDFKit.PDFDocument, cells: readonly Cell[]): number =>
  Math.max(
    ...cells.map((cell) => doc.heightOfString(cell.text || ' ', { width: cell.width - 2 * PADDING })),
  ) +
  2 * PADDING;

/** Each cell is a TH or TD of the row; a repeated header (`row` null) is an artifact. */
const drawCells = (pen: Pen, cells: readonly Cell[], y: number, cellType: 'TH' | 'TD' | null): void => {
  let x = PAGE.margins.left;
  for (const cell of cells) {
    const left = x;
    const draw = () =>
      pen.doc.text(cell.text, left + PADDING, y + PADDING, {
        width: cell.width - 2 * PADDING,
        align: cell.align,
        lineBreak: true,
      });
    if (cellType) tagged(pen, cellType, draw);
    else artifact(pen.doc, draw, 'Pagination');
    x += cell.width;
  }
};

type Table = { columns: readonly Column[]; rows: readonly TableRow[]; footer?: readonly TableRow[] };

const headerCells = (doc: PDFKit.PDFDocument, columns: readonly Column[], widths: number[]) => {
  doc.font('bold').fontSize(TEXT.table - 0.5);
  const cells = cellsOf(
    columns.map((column) => column.header),
    columns,
    widths,
  );
  return { cells, height: rowHeight(doc, cells) };
};

const drawHeader = (pen: Pen, columns: readonly Column[], widths: number[], repeated: boolean): void => {
  const { doc } = pen;
  const { cells, height } = headerCells(doc, columns, widths);
  ensureSpace(doc, height * 2.2);
  const y = doc.y;
  artifact(doc, () => doc.rect(PAGE.margins.left, y, CONTENT_WIDTH, height).fill(pen.accent));
  doc
    .font('bold')
    .fontSize(TEXT.table - 0.5)
    .fillColor('#ffffff');
  if (repeated) drawCells(pen, cells, y, null);
  else group(pen, 'TR', (row) => drawCells({ ...pen, parent: row.parent }, cells, y, 'TH'));
  doc.y = y + height;
};

/**
 * The height a table takes, its header and its first `rows` rows (all by default): what a heading
 * kept with its table needs below it.
 */
export const tableHeight = (
  doc: PDFKit.PDFDocument,
  table: Table,
  rows = Number.POSITIVE_INFINITY,
): number => {
  const widths = widthsOf(table.columns);
  let height = headerCells(doc, table.columns, widths).height;
  const all = [...table.rows, ...(table.footer ?? [])].slice(0, rows);
  for (const row of all) {
    doc.font(row.emphasis ? 'bold' : 'regular').fontSize(TEXT.table);
    height += rowHeight(doc, cellsOf(row.cells, table.columns, widths));
  }
  return height + 8;
};

/** A table whose header repeats on every page it spans; rows never split across pages. */
export const drawTable = (pen: Pen, table: Table): void => {
  const { doc } = pen;
  const widths = widthsOf(table.columns);
  group(pen, 'Table', (inner) => {
    const tablePen: Pen = { ...pen, parent: inner.parent };
    drawHeader(tablePen, table.columns, widths, false);
    const draw = (row: TableRow, index: number, isFooter: boolean) => {
      doc.font(row.emphasis ? 'bold' : 'regular').fontSize(TEXT.table);
      const cells = cellsOf(row.cells, table.columns, widths);
      const height = rowHeight(doc, cells);
      if (doc.y + height > bottomLimit(doc)) {
        doc.addPage();
        drawHeader(tablePen, table.columns, widths, true);
        doc.font(row.emphasis ? 'bold' : 'regular').fontSize(TEXT.table);
      }
      const y = doc.y;
      artifact(doc, () => {
        if (!isFooter && index % 2 === 1)
          doc.rect(PAGE.margins.left, y, CONTENT_WIDTH, height).fill(COLOURS.zebra);
        if (isFooter && index === 0) {
          doc
            .moveTo(PAGE.margins.left, y)
            .lineTo(PAGE.margins.left + CONTENT_WIDTH, y)
            .lineWidth(0.8)
            .stroke(pen.accent);
        }
      });
      doc.fillColor(COLOURS.ink);
      group(tablePen, 'TR', (tr) => drawCells({ ...pen, parent: tr.parent }, cells, y, 'TD'));
      doc.y = y + height;
    };
    for (const [index, row] of table.rows.entries()) draw(row, index, false);
    for (const [index, row] of (table.footer ?? []).entries()) draw(row, index, true);
  });
  artifact(doc, () =>
    doc
      .moveTo(PAGE.margins.left, doc.y)
      .lineTo(PAGE.margins.left + CONTENT_WIDTH, doc.y)
      .lineWidth(0.5)
      .stroke(COLOURS.rule),
  );
  doc.x = PAGE.margins.left;
  doc.y += 8;
};
