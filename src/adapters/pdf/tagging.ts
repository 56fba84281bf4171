/**
 * Tagged PDF (ISO 32000 § 14.8): every word a reader sees belongs to an element of the structure
 * tree (H1, P, Table, L…), in reading order, and every rule, box, zebra band, logo, running header,
 * footer and watermark is an artifact, so a screen reader reads the letter and nothing else.
 *
 * pdfkit's rule, which shapes this module: a marked sequence opened for an artifact closes any
 * structure content still open on the page. So the text of an element is drawn inside its closure
 * and every drawing that is not text is drawn outside any closure, through `artifact`.
 */

export type Tagger = {
  readonly doc: PDFKit.PDFDocument;
  /** The element new content is attached to: the document, a section, a table row. */
  readonly parent: PDFKit.PDFStructureElement;
};

/**
 * A new element of `type` under the tagger's parent, its content drawn by `draw`. `actual` is the
 * text a reader gets when the drawn glyphs do not say it: pdfkit justifies a line by moving its
 * words apart, without a space glyph between them.
 */
export const tagged = (tagger: Tagger, type: string, draw: () => void, actual?: string): void => {
  const element = tagger.doc.struct(type, actual ? { actual } : {});
  tagger.parent.add(element);
  element.add(draw);
  element.end();
};

/** A grouping element (Table, TR, L, Sect): its children are added through the returned tagger. */
export const group = (tagger: Tagger, type: string, fill: (inner: Tagger) => void): void => {
  const element = tagger.doc.struct(type);
  tagger.parent.add(element);
  fill({ doc: tagger.doc, parent: element });
  element.end();
};

type Markings = { page: { markings: unknown[] } };

/** Closes what pdfkit left open on the page (a list leaves its last item's body open). */
export const closeMarkings = (doc: PDFKit.PDFDocument): void => {
  const { page } = doc as unknown as Markings;
  while (page.markings.length > 0) doc.endMarkedContent();
};

/** Draws what is not content (a rule, a box, a background, a running header) as an artifact. */
export const artifact = (
  doc: PDFKit.PDFDocument,
  draw: () => void,
  type?: PDFKit.Mixins.MarkingOptions['type'],
): void => {
  closeMarkings(doc);
  doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
};

/** The root of the structure tree: one Document element, every block under it. */
export const documentRoot = (doc: PDFKit.PDFDocument): PDFKit.PDFStructureElement => {
  const root = doc.struct('Document');
  doc.addStructure(root);
  return root;
};
