import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { PdfRenderer, RenderOptions } from '../../application/ports/index.ts';
import type { DocumentContent } from '../../domain/documents/content/blocks.ts';
import { drawBlock } from './draw-blocks.ts';
import { registerFonts, shareShapedWords } from './fonts.ts';
import { drawFirstPageHeader, drawPageDecorations } from './page-decorations.ts';
import { DEFAULT_ACCENT, PAGE } from './page-style.ts';
import { isDecodablePng } from './png-check.ts';

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
 * same bytes (issue 3: rendering is deterministic).
 */
const newDocument = (content: DocumentContent, at: Date): PDFKit.PDFDocument => {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    lang: 'fr-FR',
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
  registerFonts(doc);
  shareShapedWords(doc);
  return doc;
};

const render = async (content: DocumentContent, options: RenderOptions) => {
  const doc = newDocument(content, options.at);
  const bytes = collect(doc);
  const pen = { doc, accent: options.accentColor ?? DEFAULT_ACCENT };
  drawFirstPageHeader(pen, content, options.logo ? Buffer.from(options.logo) : null);
  for (const block of content.blocks) drawBlock(pen, block);
  drawPageDecorations(pen, content, options.watermark ?? null);
  doc.end();
  const pdf = await bytes;
  return { bytes: new Uint8Array(pdf), sha256: createHash('sha256').update(pdf).digest('hex') };
};

/** The image's size when pdfkit can embed it (a real PNG or JPEG), undefined otherwise. */
const readImage = (bytes: Uint8Array): { width: number; height: number } | undefined => {
  if (bytes[0] === 0x89 && !isDecodablePng(bytes)) return undefined;
  try {
    // openImage is public in pdfkit but missing from its type definitions.
    const probe = new PDFDocument({ autoFirstPage: false }) as unknown as {
      openImage(src: Buffer): { width: number; height: number };
    };
    const image = probe.openImage(Buffer.from(bytes));
    return { width: image.width, height: image.height };
  } catch {
    return undefined;
  }
};

export const createPdfRenderer = (): PdfRenderer => ({ render, readImage });
