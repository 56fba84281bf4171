import { createHash } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { CmsSigner, type SealKey } from './cms-signer.ts';
import { appendDss } from './dss.ts';
import { addCertificationPlaceholder } from './pdf-placeholder.ts';
import { certificateFacts } from './seal-identity.ts';
import { createTimestampClient, type TimestampSettings } from './timestamp-client.ts';
import { collectValidationData } from './validation-data.ts';

export type SealMeta = {
  reason: string;
  name: string;
  location?: string;
  contactInfo?: string;
  at: Date;
};

export type SealCertificate = { commonName: string; sha256Fingerprint: string; notAfter: Date };

export type IdentitySealer = {
  seal(pdf: Uint8Array, meta: SealMeta): Promise<Uint8Array>;
  certificate: SealCertificate;
};

/**
 * Room for the CMS in /Contents, counted in hex digits (the placeholder holds this many zeros
 * between < and >): 16384 digits hold 8 kB of CMS. Ours is under 2 kB with a 2048-bit key and its
 * certificate, and a timestamp token with its authority's chain adds 2 to 5 kB. A bought
 * certificate's CA chain gets its own room on top (two hex digits a byte), since a chain of
 * 4096-bit CAs alone can pass 6 kB; a timestamp gets 16 kB more, for an authority's long chain.
 */
const SIGNATURE_LENGTH = 16384;
const TIMESTAMP_LENGTH = 32768;
const signatureLength = (identity: SealKey, timestamped: boolean): number =>
  SIGNATURE_LENGTH +
  (timestamped ? TIMESTAMP_LENGTH : 0) +
  2 * (identity.chainDer ?? []).reduce((sum, der) => sum + der.length, 0);

/**
 * pdflibAddPlaceholder writes Reason, Name… as `(${value})` with no escaping and one byte per
 * UTF-16 code unit: "’", "œ" or "€" would be cut to their low byte, and a lone "(" would break the
 * file. So the text goes in already encoded as a PDF text string (UTF-16BE with its BOM when it is
 * not plain ASCII) and escaped into printable ASCII, which pdf-lib then copies byte for byte.
 */
export const pdfLiteralText = (text: string): string => {
  const ascii = /^[\x20-\x7e]*$/.test(text);
  const bytes: number[] = ascii ? [...text].map((c) => c.charCodeAt(0)) : [0xfe, 0xff];
  if (!ascii)
    for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
  return bytes
    .map((b) => {
      if (b === 0x28 || b === 0x29 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
      if (b < 0x20 || b > 0x7e) return `\\${b.toString(8).padStart(3, '0')}`;
      return String.fromCharCode(b);
    })
    .join('');
};

const certificateOf = (identity: SealKey): SealCertificate => ({
  ...certificateFacts(identity.certificateDer),
  sha256Fingerprint: createHash('sha256').update(identity.certificateDer).digest('hex'),
});

/** What the seal adds beyond PAdES-B-B: an authority's timestamp, then the validation data. */
export type SealOptions = { timestamp?: TimestampSettings };

/**
 * Seals a PDF with the firm's identity, as a certification signature (DocMDP, pdf-placeholder.ts):
 * PAdES-B-B (SubFilter ETSI.CAdES.detached), an invisible signature field on the first page, the
 * whole file covered but the signature itself. With a timestamping authority: PAdES-B-T (its token
 * in the CMS), then B-LT (the certificates and CRLs in a DSS, an incremental update: dss.ts).
 * Takes any SealIdentity (only the key, the certificate and its chain are read), so an identity stored
 * without its expiry still seals; the common name and expiry shown are the certificate's own.
 */
export const createPdfSealer = (identity: SealKey, options: SealOptions = {}): IdentitySealer => {
  const timestamps = options.timestamp ? createTimestampClient(options.timestamp) : undefined;
  const signer = new CmsSigner(identity, timestamps);
  const signPdf = new SignPdf();

  const seal = async (pdf: Uint8Array, meta: SealMeta): Promise<Uint8Array> => {
    // updateMetadata: false, or pdf-lib rewrites Producer, Creator and ModDate with its own name
    // and the current time: the sealed file would no longer say Lettrine made it, nor be repeatable.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    addCertificationPlaceholder(doc, {
      reason: pdfLiteralText(meta.reason),
      name: pdfLiteralText(meta.name),
      location: pdfLiteralText(meta.location ?? ''),
      contactInfo: pdfLiteralText(meta.contactInfo ?? ''),
      // /M is the signing time of PAdES-B-B (no signingTime in the CMS): the caller's clock, not now.
      signingTime: meta.at,
      signatureLength: signatureLength(identity, timestamps !== undefined),
    });
    // No object streams, and so a classic xref table, which the DSS update (dss.ts) extends.
    const prepared = await doc.save({ useObjectStreams: false });
    const signed = new Uint8Array(await signPdf.sign(Buffer.from(prepared), signer));
    if (!timestamps) return signed;
    return appendDss(signed, await collectValidationData(signed), doc);
  };

  return { seal, certificate: certificateOf(identity) };
};
