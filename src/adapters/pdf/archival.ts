import type { PdfAttachment } from '../../application/ports/index.ts';

/**
 * Every document Lettrine writes is an archival PDF: PDF/A-2b (ISO 19005-2, level B: the pages look
 * the same in thirty years), on PDF 1.7, its language French, and tagged for a screen reader
 * (tagging.ts). pdfkit does the heavy part with `subset`: the fonts are embedded, the sRGB output
 * intent and its ICC profile are added, the XMP packet says `pdfaid:part` 2 and conformance B.
 *
 * Why B and not A: level A would also claim that the structure tree is complete and correct, which
 * only a validator (veraPDF) can confirm, and none runs on these machines; the tree is there all
 * the same (test/adapters/pdf-archival.test.ts reads it back with poppler).
 */
export const ARCHIVAL_OPTIONS = {
  pdfVersion: '1.7',
  subset: 'PDF/A-2b',
  tagged: true,
  lang: 'fr-FR',
} as const satisfies PDFKit.PDFDocumentOptions;

/**
 * PDF/A-2 may embed only PDF/A files, and says nothing of how they relate to the document; PDF/A-3
 * (ISO 19005-3) embeds any file as an "associated file": listed in the catalog's /AF and in the
 * EmbeddedFiles name tree, with its /AFRelationship, MIME type and dates. The sealed copy uses it to
 * carry the PDF the client was sent (/Source), so anyone can extract it and check its SHA-256.
 */
export const archivalOptions = (attachments: readonly PdfAttachment[] | undefined) =>
  attachments?.length ? ({ ...ARCHIVAL_OPTIONS, subset: 'PDF/A-3b' } as const) : ARCHIVAL_OPTIONS;

/** Embeds each file with pdfkit (its /AF entry, name tree, /AFRelationship, /Params dates and size). */
export const attachFiles = (doc: PDFKit.PDFDocument, attachments: readonly PdfAttachment[] | undefined) => {
  for (const file of attachments ?? [])
    doc.file(Buffer.from(file.bytes), {
      relationship: file.relationship,
      name: file.name,
      type: file.mimeType,
      description: file.description,
      creationDate: file.createdAt,
      modifiedDate: file.createdAt,
      // pdfkit writes /AFRelationship from this option; its published types do not list it yet.
    } as PDFKit.Mixins.PDFAttachmentOptions);
};

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP dates to the second, as the Info dictionary's D:YYYYMMDDHHmmssZ says them. */
const xmpDate = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

type Info = {
  Title?: string;
  Author?: string;
  Subject?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
};

/**
 * The XMP packet's description of the file. PDF/A requires it to say what the Info dictionary says
 * (title, author, subject, producer, both dates); pdfkit's own packet writes the firm's name
 * unescaped (« Dupré & Associés » breaks the XML) and leaves out the modification date.
 */
export const xmpDescription = (info: Info, lang: string): string => {
  const created = info.CreationDate ?? new Date(0);
  const alt = (value: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(info.ModDate ?? created)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(info.ModDate ?? created)}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(info.Creator ?? '')}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    info.Title ? `<dc:title>${alt(info.Title)}</dc:title>` : '',
    info.Author
      ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    info.Subject ? `<dc:description>${alt(info.Subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${escapeXml(info.Producer ?? '')}</pdf:Producer>`,
    '</rdf:Description>',
  ]
    .filter((line) => line !== '')
    .join('\n');
};

type WithInfo = { info: Info; appendXML(xml: string): void; _addInfo?: () => void };

/** Replaces pdfkit's description of the file in the XMP packet by ours (an unpublished hook). */
export const useArchivalMetadata = (doc: PDFKit.PDFDocument): void => {
  const target = doc as unknown as WithInfo;
  target._addInfo = () => target.appendXML(xmpDescription(target.info, ARCHIVAL_OPTIONS.lang));
};
