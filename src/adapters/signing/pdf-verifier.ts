import type { PdfSignatureCheck, PdfVerifier } from '../../application/ports/index.ts';
import { checkDocumentTimestamp, checkSignature } from './cms-check.ts';
import { changesSince } from './pdf-changes.ts';
import { findSignatureFields, revisionEnds, type SignatureField } from './pdf-signature-fields.ts';

const MALFORMED = { outcome: 'malformed', certificate: null, timestamp: null } as const;

const checkField = async (pdf: Uint8Array, field: SignatureField): Promise<PdfSignatureCheck> => {
  const [, , resume, tail] = field.byteRange;
  const base = { kind: field.kind, revisionEnd: resume + tail, signedAt: field.signedAt };
  if (!field.cms) return { ...base, ...MALFORMED };
  try {
    const check =
      field.kind === 'document_timestamp'
        ? await checkDocumentTimestamp(pdf, field.byteRange, field.cms)
        : await checkSignature(pdf, field.byteRange, field.cms);
    return { ...base, ...check };
  } catch {
    // A CMS that pkijs cannot read at all: the signature proves nothing.
    return { ...base, ...MALFORMED };
  }
};

/**
 * The PdfVerifier port: every signature dictionary of the file checked against the bytes its
 * /ByteRange covers (pkijs on WebCrypto, the digest with node:crypto), and the updates appended
 * after a revision read with pdf-lib. No trust chain is built: what is proved is that the bytes are
 * the ones the certificate's key signed; which certificate that is, the caller compares.
 */
export const createPdfVerifier = (): PdfVerifier => ({
  async inspect(pdf) {
    const fields = findSignatureFields(pdf);
    const signatures = await Promise.all(fields.map((field) => checkField(pdf, field)));
    return { signatures, revisionEnds: revisionEnds(pdf) };
  },
  changesSince: (pdf, revisionEnd) => changesSince(pdf, revisionEnd),
});
