import type { Column, TableRow } from '../../domain/documents/content/blocks.ts';
import { COLOURS, CONTENT_WIDTH, PAGE, TEXT } from './page-style.ts';

export type Pen = { readonly doc: PDFKit.PDFDocument; readonly accent: string };

const PADDING = 3;

const bottomLimit = (doc: PDFKit.PDFDocument): number => doc.page.height - doc.page.margins.bottom;

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

const drawCells = (pen: Pen, cells: readonly Cell[], y: number): void => {
  let x = PAGE.margins.left;
  for (const cell of cells) {
    pen.doc.text(cell.text, x + PADDING, y + PADDING, {
      width: cell.width - 2 * PADDING,
      align: cell.align,
      lineBreak: true,
    });
    x += cell.width;
  }
};

const drawHeader = (pen: Pen, columns: readonly Column[], widths: number[]): void => {
  const { doc } = pen;
  doc.font('bold').fontSize(TEXT.table - 0.5);
  const headers = cellsOf(
    columns.map((column) => column.header),
    columns,
    widths,
  );
  const height = rowHeight(doc, headers);
  ensureSpace(doc, height * 2.2);
  const y = doc.y;
  doc.rect(PAGE.margins.left, y, CONTENT_WIDTH, height).fill(pen.accent);
  doc.fillColor('#ffffff');
  drawCells(pen, headers, y);
  doc.y = y + height;
};

/** A table whose header repeats on every page it spans; rows never split across pages. */
export const drawTable = (
  pen: Pen,
  table: { columns: readonly Column[]; rows: readonly TableRow[]; footer?: readonly TableRow[] },
): void => {
  const { doc } = pen;
  const widths = widthsOf(table.columns);
  drawHeader(pen, table.columns, widths);
  const draw = (row: TableRow, index: number, isFooter: boolean) => {
    doc.font(row.emphasis ? 'bold' : 'regular').fontSize(TEXT.table);
    const cells = cellsOf(row.cells, table.columns, widths);
    const height = rowHeight(doc, cells);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHeader(pen, table.columns, widths);
      doc.font(row.emphasis ? 'bold' : 'regular').fontSize(TEXT.table);
    }
    const y = doc.y;
    if (!isFooter && index % 2 === 1)
      doc.rect(PAGE.margins.left, y, CONTENT_WIDTH, height).fill(COLOURS.zebra);
    if (isFooter && index === 0) {
      doc
        .moveTo(PAGE.margins.left, y)
        .lineTo(PAGE.margins.left + CONTENT_WIDTH, y)
        .lineWidth(0.8)
        .stroke(pen.accent);
    }
    doc.fillColor(COLOURS.ink);
    drawCells(pen, cells, y);
    doc.y = y + height;
  };
  for (const [index, row] of table.rows.entries()) draw(row, index, false);
  for (const [index, row] of (table.footer ?? []).entries()) draw(row, index, true);
  doc
    .moveTo(PAGE.margins.left, doc.y)
    .lineTo(PAGE.margins.left + CONTENT_WIDTH, doc.y)
    .lineWidth(0.5)
    .stroke(COLOURS.rule);
  doc.x = PAGE.margins.left;
  doc.y += 8;
};
