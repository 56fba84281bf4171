import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { AppError } from '../../application/app-error.ts';
import type { PdfRenderer, RenderedPdf, RenderOptions } from '../../application/ports/index.ts';
import type { DocumentContent } from '../../domain/documents/content/blocks.ts';
import { archivalOptions, attachFiles, useArchivalMetadata } from './archival.ts';
import { drawBlocks } from './draw-blocks.ts';
import { registerFonts, shareShapedWords } from './fonts.ts';
import { cleanImage, imageForPdf, readImageSize, UnreadableImageError } from './images.ts';
import { drawFirstPageHeader, drawPageDecorations } from './page-decorations.ts';
import { DEFAULT_ACCENT, PAGE } from './page-style.ts';
import { documentRoot } from './tagging.ts';

const collect = (doc: PDFKit.PDFDocument): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

/**
 * A new PDF whose every varying part comes from the arguments: the creation date is the given
 * instant and pdfkit derives the file identifier from it, so the same content and clock give the
 * same bytes (issue 3: rendering is deterministic). Archival and tagged: archival.ts, tagging.ts.
 */
const newDocument = (content: DocumentContent, options: RenderOptions): PDFKit.PDFDocument => {
  const at = options.at;
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    ...archivalOptions(options.attachments),
    displayTitle: true,
    info: {
      Title: content.metadata.title,
      Author: content.metadata.author,
      Subject: content.metadata.subject,
      Creator: 'Lettrine',
      Producer: 'Lettrine',
      CreationDate: at,
      ModDate: at,
    },
  });
  useArchivalMetadata(doc);
  registerFonts(doc);
  shareShapedWords(doc);
  return doc;
};

/** The firm's logo as pdfkit may draw it; a stored logo that does not decode refuses the render. */
const logoForPdf = (logo: Uint8Array | null | undefined): Buffer | null => {
  if (!logo) return null;
  try {
    return imageForPdf(logo);
  } catch (error) {
    if (error instanceof UnreadableImageError) throw new AppError('FIRM.LOGO_UNREADABLE');
    throw error;
  }
};

/**
 * Every failure ends as this promise's rejection, never as an exception outside it: the images are
 * decoded before pdfkit sees them (images.ts), a drawing error throws here, and a stream error
 * rejects `bytes`.
 */
export const renderPdf = async (content: DocumentContent, options: RenderOptions): Promise<RenderedPdf> => {
  const logo = logoForPdf(options.logo);
  const doc = newDocument(content, options);
  const bytes = collect(doc);
  const root = documentRoot(doc);
  const pen = { doc, accent: options.accentColor ?? DEFAULT_ACCENT, parent: root };
  drawFirstPageHeader(pen, content, logo);
  drawBlocks(pen, content.blocks);
  drawPageDecorations(pen, content, options.watermark ?? null);
  attachFiles(doc, options.attachments);
  root.end();
  doc.end();
  const pdf = await bytes;
  return { bytes: new Uint8Array(pdf), sha256: createHash('sha256').update(pdf).digest('hex') };
};

/** The renderer on this thread (the tests' choice, RENDER_WORKERS=0); adapters/workers/ runs it off it. */
export const createPdfRenderer = (): PdfRenderer => ({
  render: renderPdf,
  readImage: readImageSize,
  cleanImage: async (bytes) => cleanImage(bytes),
});
