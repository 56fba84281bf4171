import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { ValidationData } from './validation-data.ts';

/**
 * PAdES-B-LT: the validation data written into the file as a Document Security Store (ISO 32000-2
 * §12.8.4.3, ETSI EN 319 142-1 §5.4), appended as an incremental update after the signature so the
 * signed bytes stay as they are. The update holds only: one stream per certificate and per CRL, the
 * /DSS dictionary (/Certs, /CRLs, and /VRI keyed by the signature), and the catalog rewritten with
 * its /DSS entry; its xref section points back to the signed revision (/Prev). DocMDP level 2
 * allows exactly this after a certification signature.
 */

const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

/** The offset the signed revision's trailer gives for its xref: the new section's /Prev. */
const previousXref = (pdf: Uint8Array): number => {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString('latin1');
  const matches = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
  const last = matches[matches.length - 1];
  if (!last) throw new Error('PDF sans startxref');
  return Number(last[1]);
};

/** A classic xref entry: exactly 20 bytes, ending with space and line feed. */
const xrefEntry = (offset: number): string => `${String(offset).padStart(10, '0')} 00000 n \n`;

/** The VRI key of a signature: the upper-case hex SHA-1 of its /Contents (ETSI EN 319 142-1 §5.4.2.2). */
export const vriKey = (contents: Uint8Array): string =>
  createHash('sha1').update(contents).digest('hex').toUpperCase();

const refs = (numbers: number[]): string => `[${numbers.map((n) => `${n} 0 R`).join(' ')}]`;

/**
 * `prepared` is the document the signed file was saved from, when the caller has it: the signature
 * changed only /ByteRange and /Contents, so its catalog and trailer are the file's, and reading the
 * file again (a third of the seal's time for a short letter) is spared.
 */
export const appendDss = async (
  signed: Uint8Array,
  data: ValidationData,
  prepared?: PDFDocument,
): Promise<Uint8Array> => {
  const doc = prepared ?? (await PDFDocument.load(signed, { updateMetadata: false }));
  const { Root, Info, ID } = doc.context.trailerInfo;
  if (!(Root instanceof PDFRef)) throw new Error('PDF sans catalogue');
  const parts: Uint8Array[] = [signed, latin1('\n')];
  let offset = signed.length + 1;
  const offsets = new Map<number, number>();
  let next = doc.context.largestObjectNumber + 1;
  const write = (number: number, generation: number, head: string, body?: Uint8Array) => {
    offsets.set(number, offset);
    const chunks = body
      ? [latin1(`${number} ${generation} obj\n${head}\nstream\n`), body, latin1('\nendstream\nendobj\n')]
      : [latin1(`${number} ${generation} obj\n${head}\nendobj\n`)];
    for (const chunk of chunks) {
      parts.push(chunk);
      offset += chunk.length;
    }
  };
  const streamOf = (bytes: Uint8Array): number => {
    const number = next++;
    write(number, 0, `<< /Length ${bytes.length} >>`, bytes);
    return number;
  };
  const certs = data.certificates.map(streamOf);
  const crls = data.crls.map(streamOf);
  const dss = next++;
  const vri = `<< /${vriKey(data.contents)} << /Cert ${refs(certs)}${crls.length ? ` /CRL ${refs(crls)}` : ''} >> >>`;
  write(
    dss,
    0,
    `<< /Type /DSS /Certs ${refs(certs)}${crls.length ? ` /CRLs ${refs(crls)}` : ''} /VRI ${vri} >>`,
  );
  doc.catalog.set(PDFName.of('DSS'), PDFRef.of(dss));
  write(Root.objectNumber, Root.generationNumber, doc.catalog.toString());

  const xrefAt = offset;
  const section = (first: number, count: number) =>
    `${first} ${count}\n${Array.from({ length: count }, (_, i) => xrefEntry(offsets.get(first + i)!)).join('')}`;
  const firstNew = certs[0] ?? crls[0] ?? dss;
  const trailer = [
    `/Size ${next}`,
    `/Root ${Root.toString()}`,
    Info ? `/Info ${Info.toString()}` : '',
    ID ? `/ID ${ID.toString()}` : '',
    `/Prev ${previousXref(signed)}`,
  ].filter(Boolean);
  parts.push(
    latin1(
      `xref\n${section(Root.objectNumber, 1)}${section(firstNew, next - firstNew)}` +
        `trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
};
