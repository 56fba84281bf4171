import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import type { PdfChangeReport } from '../../application/ports/index.ts';
import type { PdfChange } from '../../domain/signing/verification.ts';
import { classifyObject, type Revisions } from './pdf-change-kinds.ts';

const load = (bytes: Uint8Array) =>
  PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });

const sameObject = (a: PDFObject | undefined, b: PDFObject): boolean => {
  if (!a) return false;
  if (a instanceof PDFRawStream && b instanceof PDFRawStream)
    return a.dict.toString() === b.dict.toString() && Buffer.from(a.contents).equals(Buffer.from(b.contents));
  return a.constructor === b.constructor && a.toString() === b.toString();
};

/** The objects an update wrote anew or changed, each with the version it replaced, if any. */
const rewritten = (before: PDFContext, after: PDFContext) =>
  after
    .enumerateIndirectObjects()
    .map(([ref, object]) => ({ ref, object, previous: before.lookup(ref) }))
    .filter(({ object, previous }) => !sameObject(previous, object));

/** Every object the /DSS names, at most two levels down (its arrays and its /VRI entries). */
const validationData = (context: PDFContext): Set<string> => {
  const refs = new Set<string>();
  const walk = (value: PDFObject | undefined, depth: number) => {
    if (value instanceof PDFRef) {
      refs.add(value.toString());
      if (depth > 0) walk(context.lookup(value), depth - 1);
    } else if (value instanceof PDFArray) for (const item of value.asArray()) walk(item, depth);
    else if (value instanceof PDFDict) for (const item of value.values()) walk(item, depth);
  };
  walk(context.lookup(context.trailerInfo.Root, PDFDict).get(PDFName.of('DSS')), 4);
  return refs;
};

const onlyWhitespace = (bytes: Uint8Array) =>
  bytes.every((b) => b === 0 || b === 9 || b === 10 || b === 12 || b === 13 || b === 32);

/** Bytes after the last %%EOF that no reader takes as an update: something was glued on. */
const trailingData = (tail: Uint8Array): boolean => {
  const text = Buffer.from(tail).toString('latin1');
  const end = text.lastIndexOf('%%EOF');
  return !onlyWhitespace(end === -1 ? tail : tail.subarray(end + 5));
};

const key = (change: PdfChange) => `${change.kind}|${change.page}|${change.subtype}`;

/**
 * What the incremental updates after `revisionEnd` change: both revisions are read, and each object
 * written anew is classified. Validation data (/DSS) and document timestamps are not changes.
 */
export const changesSince = async (pdf: Uint8Array, revisionEnd: number): Promise<PdfChangeReport> => {
  const tail = pdf.subarray(revisionEnd);
  const none: PdfChangeReport = { changes: [], validationDataAdded: false, documentTimestampsAdded: 0 };
  if (onlyWhitespace(tail)) return none;
  const loaded = await Promise.all([load(pdf.subarray(0, revisionEnd)), load(pdf)]).catch(() => undefined);
  // What was glued on breaks the file for pdf-lib: the signed revision stands, the rest is unreadable.
  if (!loaded) return { ...none, changes: [{ kind: 'appended_data', page: null, subtype: null }] };
  const [before, after] = loaded;
  const revisions: Revisions = {
    before: before.context,
    after: after.context,
    pages: after.getPages().map((page) => page.ref),
    pagesBefore: before.getPageCount(),
    validationData: validationData(after.context),
  };
  const found = new Map<string, PdfChange>();
  let validationDataAdded = false;
  let documentTimestampsAdded = 0;
  for (const entry of rewritten(before.context, after.context)) {
    const outcome = classifyObject(revisions, entry);
    if (outcome === 'validation_data') validationDataAdded = true;
    else if (outcome === 'document_timestamp') documentTimestampsAdded += 1;
    else for (const change of outcome) found.set(key(change), change);
  }
  if (trailingData(tail)) found.set('appended', { kind: 'appended_data', page: null, subtype: null });
  return { changes: [...found.values()], validationDataAdded, documentTimestampsAdded };
};
