import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { CmsSigner, type SealKey } from './cms-signer.ts';
import { certificateFacts } from './seal-identity.ts';

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
 * Room for the CMS in /Contents, counted in hex digits (pdflibAddPlaceholder writes this many
 * zeros between < and >): 16384 digits hold 8 kB of CMS. Ours is under 2 kB with a 2048-bit key and
 * its certificate; the rest is for, later, a timestamp. A bought certificate's CA chain gets its
 * own room on top (two hex digits a byte), since a chain of 4096-bit CAs alone can pass 6 kB.
 */
const SIGNATURE_LENGTH = 16384;
const signatureLength = (identity: SealKey): number =>
  SIGNATURE_LENGTH + 2 * (identity.chainDer ?? []).reduce((sum, der) => sum + der.length, 0);

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

/**
 * Seals a PDF with the firm's identity: PAdES-B-B (SubFilter ETSI.CAdES.detached), an invisible
 * signature field on the first page, the whole file covered but the signature itself.
 * Takes any SealIdentity (only the key, the certificate and its chain are read), so an identity stored
 * without its expiry still seals; the common name and expiry shown are the certificate's own.
 */
export const createPdfSealer = (identity: SealKey): IdentitySealer => {
  const signer = new CmsSigner(identity);
  const signPdf = new SignPdf();

  const seal = async (pdf: Uint8Array, meta: SealMeta): Promise<Uint8Array> => {
    // updateMetadata: false, or pdf-lib rewrites Producer, Creator and ModDate with its own name
    // and the current time: the sealed file would no longer say Lettrine made it, nor be repeatable.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: pdfLiteralText(meta.reason),
      name: pdfLiteralText(meta.name),
      location: pdfLiteralText(meta.location ?? ''),
      contactInfo: pdfLiteralText(meta.contactInfo ?? ''),
      // /M is the signing time of PAdES-B-B (no signingTime in the CMS): the caller's clock, not now.
      signingTime: meta.at,
      signatureLength: signatureLength(identity),
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'Lettrine',
    });
    // No object streams: pdfkit writes PDF 1.3 files, and object streams only exist from PDF 1.5.
    const prepared = await doc.save({ useObjectStreams: false });
    const signed = await signPdf.sign(Buffer.from(prepared), signer);
    return new Uint8Array(signed);
  };

  return { seal, certificate: certificateOf(identity) };
};
