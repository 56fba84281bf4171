import { PDFContext, PDFDict, PDFHexString, PDFName, PDFObjectParser, PDFString } from 'pdf-lib';

/** A signature dictionary as the file holds it: where its signed bytes are, and its CMS. */
export type SignatureField = {
  kind: 'signature' | 'document_timestamp';
  /** [start, length, start, length]: the two signed ranges around /Contents. */
  byteRange: [number, number, number, number];
  /** The CMS (DER, padding left in), or undefined when /Contents is not where the range says. */
  cms: Uint8Array | undefined;
  signedAt: Date | null;
};

const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
const OBJECT_HEADER = /(\d+)\s+(\d+)\s+obj\b/g;

const bufferOf = (pdf: Uint8Array) => Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);

/** Every offset of `needle`, found by Buffer.indexOf: a 20 MB file is never turned into a string. */
const offsetsOf = (pdf: Uint8Array, needle: string): number[] => {
  const buffer = bufferOf(pdf);
  const offsets: number[] = [];
  for (let at = buffer.indexOf(needle, 0, 'latin1'); at !== -1; at = buffer.indexOf(needle, at + 1, 'latin1'))
    offsets.push(at);
  return offsets;
};

const isHex = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);

/**
 * The CMS between the < > the signed ranges leave out. The gap must be exactly the hex string, or
 * a crafted range could leave other bytes unsigned (the « shadow attack »): then it is undefined.
 */
const contentsOf = (pdf: Uint8Array, [start, end, resume, tail]: SignatureField['byteRange']) => {
  if (start !== 0 || end <= 0 || resume <= end + 1 || resume + tail > pdf.length) return undefined;
  if (pdf[end] !== 0x3c || pdf[resume - 1] !== 0x3e) return undefined;
  const hex = pdf.subarray(end + 1, resume - 1);
  if (hex.length % 2 !== 0 || !hex.every(isHex)) return undefined;
  return new Uint8Array(Buffer.from(bufferOf(hex).toString('latin1'), 'hex'));
};

/** D:YYYYMMDDHHmmSS+HH'mm' (PDF 32000 7.9.4); pdf-lib's own reader ignores the offset's minutes. */
export const readPdfDate = (text: string): Date | null => {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(
    text,
  );
  if (!match) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000;
  const at = new Date(sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc);
  return Number.isNaN(at.getTime()) ? null : at;
};

/** The dictionary of the object the /ByteRange at `at` sits in, read by pdf-lib's own parser. */
const dictionaryAround = (pdf: Uint8Array, at: number): PDFDict | undefined => {
  // Room for a /Contents written before /ByteRange: a CMS with its chain and timestamp, in hex.
  const from = Math.max(0, at - 256 * 1024);
  const window = bufferOf(pdf).toString('latin1', from, at);
  let header: RegExpExecArray | null = null;
  for (const match of window.matchAll(OBJECT_HEADER)) header = match;
  if (!header) return undefined;
  const start = from + header.index + header[0].length;
  try {
    const parsed = PDFObjectParser.forBytes(pdf.subarray(start), PDFContext.create()).parseObject();
    return parsed instanceof PDFDict ? parsed : undefined;
  } catch {
    return undefined;
  }
};

const dateOf = (dict: PDFDict | undefined): Date | null => {
  const value = dict?.get(PDFName.of('M'));
  return value instanceof PDFString || value instanceof PDFHexString ? readPdfDate(value.decodeText()) : null;
};

/**
 * Every signature dictionary of the file, found by its /ByteRange as validators do: an incremental
 * update cannot hide one, since older revisions stay in the file byte for byte.
 */
export const findSignatureFields = (pdf: Uint8Array): SignatureField[] =>
  offsetsOf(pdf, '/ByteRange').flatMap((at) => {
    const match = BYTE_RANGE.exec(bufferOf(pdf).toString('latin1', at, at + 120));
    if (!match) return [];
    const byteRange = match.slice(1, 5).map(Number) as SignatureField['byteRange'];
    const dict = dictionaryAround(pdf, at);
    const type = dict?.get(PDFName.of('Type'));
    const subFilter = dict?.get(PDFName.of('SubFilter'));
    const timestamp = type === PDFName.of('DocTimeStamp') || subFilter === PDFName.of('ETSI.RFC3161');
    return [
      {
        kind: timestamp ? ('document_timestamp' as const) : ('signature' as const),
        byteRange,
        cms: contentsOf(pdf, byteRange),
        signedAt: dateOf(dict),
      },
    ];
  });

/** The end of each revision: just after each %%EOF and its end of line. */
export const revisionEnds = (pdf: Uint8Array): number[] =>
  offsetsOf(pdf, '%%EOF').map((at) => {
    const end = at + 5;
    if (pdf[end] === 0x0d && pdf[end + 1] === 0x0a) return end + 2;
    return pdf[end] === 0x0a || pdf[end] === 0x0d ? end + 1 : end;
  });
