import { PDFArray, type PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/** One object an update writes: its number and its body as PDF text (a stream included). */
export type UpdateObject = { number: number; body: string };

/**
 * Appends an incremental update by hand, as a PDF editor does: the objects, a cross-reference
 * section for them alone, and a trailer whose /Prev points at the previous one. The bytes before
 * are left exactly as they were, so a signature over them still verifies.
 */
export const appendUpdate = async (pdf: Uint8Array, objects: UpdateObject[]): Promise<Uint8Array> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const text = Buffer.from(pdf).toString('latin1');
  const prev = [...text.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1];
  if (!prev) throw new Error('no startxref');
  const largest = Math.max(doc.context.largestObjectNumber, ...objects.map((o) => o.number));
  const parts: string[] = [text.endsWith('\n') ? '' : '\n'];
  let offset = pdf.length + parts[0]!.length;
  const xref: string[] = ['xref', '0 1', '0000000000 65535 f '];
  for (const object of objects) {
    const chunk = `${object.number} 0 obj\n${object.body}\nendobj\n`;
    xref.push(`${object.number} 1`, `${String(offset).padStart(10, '0')} 00000 n `);
    parts.push(chunk);
    offset += Buffer.byteLength(chunk, 'latin1');
  }
  const info = doc.context.trailerInfo.Info ? ` /Info ${doc.context.trailerInfo.Info}` : '';
  parts.push(
    `${xref.join('\n')}\ntrailer\n<< /Size ${largest + 1} /Root ${doc.context.trailerInfo.Root}${info} /Prev ${prev} >>\nstartxref\n${offset}\n%%EOF\n`,
  );
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(parts.join(''), 'latin1')]));
};

/** A sticky note added on the first page: the note object and the page rewritten to list it. */
export const addNoteOnFirstPage = async (pdf: Uint8Array, note = 'Bon pour accord'): Promise<Uint8Array> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPages()[0]!;
  const number = doc.context.largestObjectNumber + 1;
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
  const rewritten = page.node.clone(doc.context) as PDFDict;
  rewritten.set(PDFName.of('Annots'), doc.context.obj([...annots, PDFRef.of(number)]));
  return appendUpdate(pdf, [
    {
      number,
      body: `<< /Type /Annot /Subtype /Text /Rect [100 700 120 720] /Contents (${note}) /P ${page.ref} >>`,
    },
    { number: page.ref.objectNumber, body: rewritten.toString() },
  ]);
};

/** What PAdES-B-LT appends: a /DSS with a certificate, the catalog rewritten to name it. Not a change. */
export const addValidationData = async (pdf: Uint8Array, certificateDer: Uint8Array): Promise<Uint8Array> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const first = doc.context.largestObjectNumber + 1;
  const catalog = doc.catalog.clone(doc.context) as PDFDict;
  catalog.set(PDFName.of('DSS'), PDFRef.of(first + 1));
  const hex = Buffer.from(certificateDer).toString('hex');
  return appendUpdate(pdf, [
    {
      number: first,
      body: `<< /Length ${hex.length + 2} /Filter /ASCIIHexDecode >>\nstream\n${hex}>\nendstream`,
    },
    { number: first + 1, body: `<< /Type /DSS /Certs [${first} 0 R] >>` },
    { number: (doc.context.trailerInfo.Root as PDFRef).objectNumber, body: catalog.toString() },
  ]);
};

/** The first page's content replaced by other text: what a forger would do. */
export const replaceFirstPageContent = async (pdf: Uint8Array): Promise<Uint8Array> => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPages()[0]!;
  const number = doc.context.largestObjectNumber + 1;
  const rewritten = page.node.clone(doc.context) as PDFDict;
  rewritten.set(PDFName.of('Contents'), PDFRef.of(number));
  const content = 'BT /F1 12 Tf 72 720 Td (Honoraires : 1 euro) Tj ET';
  return appendUpdate(pdf, [
    { number, body: `<< /Length ${content.length} >>\nstream\n${content}\nendstream` },
    { number: page.ref.objectNumber, body: rewritten.toString() },
  ]);
};

/** A byte of the signed range changed: in the document information (/Producer), far from /Contents. */
export const flipSignedByte = (sealed: Uint8Array): Uint8Array => {
  const copy = new Uint8Array(sealed);
  const text = Buffer.from(sealed).toString('latin1');
  const index = text.indexOf('/Producer');
  copy[index + 2] = copy[index + 2]! ^ 0x01;
  return copy;
};
