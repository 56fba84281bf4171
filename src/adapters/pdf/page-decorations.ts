import type { DocumentContent } from '../../domain/documents/content/blocks.ts';
import type { Pen } from './draw-table.ts';
import { COLOURS, CONTENT_WIDTH, PAGE, TEXT } from './page-style.ts';
import { artifact, tagged } from './tagging.ts';

const LEFT = PAGE.margins.left;
const LOGO_BOX = { width: 150, height: 58 } as const;

/** Page one: the logo, the firm's mandatory identity, then the document's title. */
export const drawFirstPageHeader = (pen: Pen, content: DocumentContent, logo: Buffer | null): void => {
  const { doc } = pen;
  const top = 36;
  const identityX = logo ? LEFT + LOGO_BOX.width + 16 : LEFT;
  const identityWidth = CONTENT_WIDTH - (identityX - LEFT);
  const align = logo ? 'right' : 'left';
  // The logo repeats the firm's name printed beside it: decoration, not content.
  if (logo) artifact(doc, () => doc.image(logo, LEFT, top, { fit: [LOGO_BOX.width, LOGO_BOX.height] }));
  tagged(pen, 'P', () => {
    doc
      .font('bold')
      .fontSize(TEXT.small + 1)
      .fillColor(pen.accent);
    doc.text(content.firmHeader[0] ?? '', identityX, top, { width: identityWidth, align });
    doc.font('regular').fontSize(TEXT.tiny).fillColor(COLOURS.muted);
    for (const line of content.firmHeader.slice(1)) {
      doc.text(line, identityX, doc.y, { width: identityWidth, align });
    }
  });
  doc.y = Math.max(doc.y, logo ? top + LOGO_BOX.height : 0) + 14;
  const ruleY = doc.y;
  artifact(doc, () =>
    doc
      .moveTo(LEFT, ruleY)
      .lineTo(LEFT + CONTENT_WIDTH, ruleY)
      .lineWidth(1.2)
      .stroke(pen.accent),
  );
  doc.y += 12;
  doc.font('bold').fontSize(TEXT.title).fillColor(pen.accent);
  tagged(pen, 'H1', () => doc.text(content.title, LEFT, doc.y, { width: CONTENT_WIDTH }));
  doc.font('regular').fontSize(TEXT.body).fillColor(COLOURS.muted);
  tagged(pen, 'P', () => doc.text(content.subtitle, LEFT, doc.y + 2, { width: CONTENT_WIDTH }));
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

const drawRunningHeader = (pen: Pen, content: DocumentContent): void => {
  const { doc } = pen;
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
};

const drawFooter = (pen: Pen, content: DocumentContent, pageNumber: number, pageCount: number): void => {
  const { doc } = pen;
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
  doc.text(`Page ${pageNumber} / ${pageCount}`, LEFT + CONTENT_WIDTH - 70, footerY, {
    width: 70,
    align: 'right',
    lineBreak: false,
  });
};

/**
 * Every page: the compact header (from page two), the footer with « Page x / y », the watermark.
 * All pagination artifacts: a screen reader reads the letter once, not its running header per page.
 */
export const drawPageDecorations = (pen: Pen, content: DocumentContent, watermark: string | null): void => {
  const { doc } = pen;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    inMargins(doc, () => {
      const pageNumber = index - range.start + 1;
      artifact(
        doc,
        () => {
          if (pageNumber > 1) drawRunningHeader(pen, content);
          drawFooter(pen, content, pageNumber, range.count);
        },
        'Pagination',
      );
      if (watermark) artifact(doc, () => drawWatermark(doc, watermark), 'Layout');
    });
  }
};
