import { PDFArray, type PDFContext, PDFDict, PDFName, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import type { PdfChange, PdfChangeKind } from '../../domain/signing/verification.ts';

/** The two revisions compared: the signed one and the whole file. */
export type Revisions = {
  before: PDFContext;
  after: PDFContext;
  /** The pages of the whole file, in order. */
  pages: PDFRef[];
  pagesBefore: number;
  /** The objects the /DSS names: validation data, not content. */
  validationData: Set<string>;
};

type Entry = { ref: PDFRef; object: PDFObject; previous: PDFObject | undefined };
export type Classification = PdfChange[] | 'validation_data' | 'document_timestamp';

const nameOf = (dict: PDFDict, key: string): string | null => {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : null;
};
const dictOf = (object: PDFObject | undefined): PDFDict | undefined =>
  object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : undefined;
const refsIn = (context: PDFContext, value: PDFObject | undefined): string[] => {
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  if (resolved instanceof PDFArray) return resolved.asArray().map((item) => item.toString());
  return value ? [value.toString()] : [];
};
const change = (
  kind: PdfChangeKind,
  page: number | null = null,
  subtype: string | null = null,
): PdfChange[] => [{ kind, page, subtype }];

/** The page (from 1) whose `key` (/Annots, /Contents) names the object, in the whole file. */
const pageNaming = (revisions: Revisions, ref: PDFRef, key: 'Annots' | 'Contents'): number | null => {
  const index = revisions.pages.findIndex((page) => {
    const dict = revisions.after.lookup(page, PDFDict);
    return refsIn(revisions.after, dict.get(PDFName.of(key))).includes(ref.toString());
  });
  return index === -1 ? null : index + 1;
};

/** The catalog's keys an update may change without changing what is read or signed. */
const CATALOG_NEUTRAL = new Set(['DSS', 'Extensions', 'AcroForm', 'Pages', 'Version']);

const differing = (a: PDFDict | undefined, b: PDFDict): string[] => {
  const keys = new Set([...(a?.keys() ?? []), ...b.keys()].map((k) => k.decodeText()));
  return [...keys].filter((k) => String(a?.get(PDFName.of(k))) !== String(b.get(PDFName.of(k))));
};

const catalogChanges = (dict: PDFDict, previous: PDFDict | undefined): PdfChange[] =>
  differing(previous, dict)
    .filter((key) => !CATALOG_NEUTRAL.has(key))
    .flatMap((key) =>
      key === 'Metadata' ? change('metadata') : key === 'Names' ? change('attachment') : change('other'),
    );

const pageChanges = (revisions: Revisions, entry: Entry, dict: PDFDict): PdfChange[] => {
  const page = revisions.pages.indexOf(entry.ref) + 1 || null;
  const previous = dictOf(entry.previous);
  if (!previous) return change('page_added', page);
  return differing(previous, dict).flatMap((key) => {
    if (key === 'Parent') return [];
    if (key !== 'Annots') return change('page_content', page);
    // Added annotations are classified as objects of their own; one taken away is a change here.
    const now = refsIn(revisions.after, dict.get(PDFName.of('Annots')));
    const removed = refsIn(revisions.before, previous.get(PDFName.of('Annots'))).some(
      (r) => !now.includes(r),
    );
    return removed ? change('annotation_changed', page) : [];
  });
};

/** A widget or a field: a signature field holding a document timestamp is not a change. */
const fieldChanges = (revisions: Revisions, entry: Entry, dict: PDFDict): Classification => {
  const parent = dict.lookupMaybe(PDFName.of('Parent'), PDFDict);
  const fieldType = nameOf(dict, 'FT') ?? (parent ? nameOf(parent, 'FT') : null);
  const page = pageNaming(revisions, entry.ref, 'Annots');
  if (fieldType !== 'Sig') return change('form_field', page);
  const value = dict.lookupMaybe(PDFName.of('V'), PDFDict) ?? parent?.lookupMaybe(PDFName.of('V'), PDFDict);
  const valueType = value ? nameOf(value, 'Type') : null;
  if (valueType === 'DocTimeStamp') return [];
  return value ? change('signature_added', page) : change('form_field', page);
};

const annotationChanges = (revisions: Revisions, entry: Entry, dict: PDFDict): Classification => {
  const subtype = nameOf(dict, 'Subtype');
  if (subtype === 'Widget') return fieldChanges(revisions, entry, dict);
  // A note's popup comes with the note; the note alone is the change a reader sees.
  if (subtype === 'Popup') return [];
  const page = pageNaming(revisions, entry.ref, 'Annots');
  return change(entry.previous ? 'annotation_changed' : 'annotation_added', page, subtype);
};

/** A stream changed in place: a page's content, or something the pages draw. */
const streamChanges = (revisions: Revisions, entry: Entry, dict: PDFDict): PdfChange[] => {
  const page = pageNaming(revisions, entry.ref, 'Contents');
  if (page !== null) return change('page_content', page);
  return change(
    nameOf(dict, 'Subtype') === 'Form' || nameOf(dict, 'Subtype') === 'Image' ? 'page_content' : 'other',
  );
};

/**
 * What one object an update wrote means to a reader. New objects without a kind of their own (fonts,
 * appearance streams, arrays) only matter through what names them, so they count for nothing here.
 */
export const classifyObject = (revisions: Revisions, entry: Entry): Classification => {
  if (revisions.validationData.has(entry.ref.toString())) return 'validation_data';
  const dict = dictOf(entry.object);
  if (!dict) return entry.previous ? change('other') : [];
  const type = nameOf(dict, 'Type');
  if (type === 'DSS' || type === 'VRI') return 'validation_data';
  if (type === 'DocTimeStamp') return 'document_timestamp';
  if (type === 'Sig') return change('signature_added');
  if (type === 'Catalog') return catalogChanges(dict, dictOf(entry.previous));
  if (type === 'Page') return pageChanges(revisions, entry, dict);
  if (type === 'Pages') return revisions.pages.length < revisions.pagesBefore ? change('page_removed') : [];
  if (type === 'Metadata') return change('metadata');
  if (type === 'EmbeddedFile' || type === 'Filespec') return change('attachment');
  if (type === 'Annot' || (dict.has(PDFName.of('Subtype')) && dict.has(PDFName.of('Rect'))))
    return annotationChanges(revisions, entry, dict);
  if (dict.has(PDFName.of('FT'))) return fieldChanges(revisions, entry, dict);
  if (dict.has(PDFName.of('Fields'))) return [];
  if (revisions.after.trailerInfo.Info?.toString() === entry.ref.toString()) return change('metadata');
  if (!entry.previous) return [];
  return entry.object instanceof PDFRawStream ? streamChanges(revisions, entry, dict) : change('other');
};
