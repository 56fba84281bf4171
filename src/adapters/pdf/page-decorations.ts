import type { DocumentContent } from '../../domain/documents/content/blocks.ts';
import type { Pen } from './draw-table.ts';
import { COLOURS, CONTENT_WIDTH, PAGE, TEXT } from './page-style.ts';

const LEFT = PAGE.margins.left;
const LOGO_BOX = { width: 150, height: 58 } as const;

/** Page one: the logo, the firm's mandatory identity, then the document's title. */
export const drawFirstPageHeader = (pen: Pen, content: DocumentContent, logo: Buffer | null): void => {
  const { doc } = pen;
  const top = 36;
  const identityX = logo ? LEFT + LOGO_BOX.width + 16 : LEFT;
  const identityWidth = CONTENT_WIDTH - (identityX - LEFT);
  if (logo) doc.image(logo, LEFT, top, { fit: [LOGO_BOX.width, LOGO_BOX.height] });
  doc
    .font('bold')
    .fontSize(TEXT.small + 1)
    .fillColor(pen.accent);
  doc.text(content.firmHeader[0] ?? '', identityX, top, {
    width: identityWidth,
    align: logo ? 'right' : 'left',
  });
  doc.font('regular').fontSize(TEXT.tiny).fillColor(COLOURS.muted);
  for (const line of content.firmHeader.slice(1)) {
    doc.text(line, identityX, doc.y, { width: identityWidth, align: logo ? 'right' : 'left' });
  }
  doc.y = Math.max(doc.y, logo ? top + LOGO_BOX.height : 0) + 14;
  doc
    .moveTo(LEFT, doc.y)
    .lineTo(LEFT + CONTENT_WIDTH, doc.y)
    .lineWidth(1.2)
    .stroke(pen.accent);
  doc.y += 12;
  doc
    .font('bold')
    .fontSize(TEXT.title)
    .fillColor(pen.accent)
    .text(content.title, LEFT, doc.y, { width: CONTENT_WIDTH });
  doc
    .font('regular')
    .fontSize(TEXT.body)
    .fillColor(COLOURS.muted)
    .text(content.subtitle, LEFT, doc.y + 2, {
      width: CONTENT_WIDTH,
    });
  doc.y += 10;
};

/** Writes in the margins without pdfkit opening a new page for text below the bottom margin. */
const inMargins = (doc: PDFKit.PDFDocument, draw: () => void): void => {
  const { top, bottom } = doc.page.margins;
  doc.page.margins.top = 0;
  doc.page.margins.bottom = 0;
  draw();
  doc.page.margins.top = top;
  doc.page.margins.bottom = bottom;
};

const drawWatermark = (doc: PDFKit.PDFDocument, text: string): void => {
  doc.save();
  doc.rotate(-50, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.font('bold').fontSize(110).fillColor(COLOURS.watermark).fillOpacity(0.3);
  // Centred by hand: the word's middle on the page's middle, before the rotation turns it.
  const width = doc.widthOfString(text);
  doc.text(text, (PAGE.width - width) / 2, PAGE.height / 2 - 55, { lineBreak: false });
  doc.restore();
};

/** Every page: the compact header (from page two), the footer with « Page x / y », the watermark. */
export const drawPageDecorations = (pen: Pen, content: DocumentContent, watermark: string | null): void => {
  const { doc } = pen;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    inMargins(doc, () => {
      const pageNumber = index - range.start + 1;
      if (pageNumber > 1) {
        doc.font('regular').fontSize(TEXT.tiny).fillColor(COLOURS.muted);
        doc.text(content.metadata.author, LEFT, 30, { width: CONTENT_WIDTH / 2, lineBreak: false });
        doc.text(content.metadata.title, LEFT + CONTENT_WIDTH / 2, 30, {
          width: CONTENT_WIDTH / 2,
          align: 'right',
          lineBreak: false,
        });
        doc
          .moveTo(LEFT, 42)
          .lineTo(LEFT + CONTENT_WIDTH, 42)
          .lineWidth(0.5)
          .stroke(pen.accent);
      }
      const footerY = PAGE.height - 40;
      doc
        .moveTo(LEFT, footerY - 6)
        .lineTo(LEFT + CONTENT_WIDTH, footerY - 6)
        .lineWidth(0.5)
        .stroke(COLOURS.rule);
      doc.font('regular').fontSize(TEXT.tiny).fillColor(COLOURS.muted);
      doc.text(content.footer, LEFT, footerY, {
        width: CONTENT_WIDTH - 70,
        lineBreak: false,
        ellipsis: true,
      });
      doc.text(`Page ${pageNumber} / ${range.count}`, LEFT + CONTENT_WIDTH - 70, footerY, {
        width: 70,
        align: 'right',
        lineBreak: false,
      });
      if (watermark) drawWatermark(doc, watermark);
    });
  }
};
