import type { PdfChange, SignatureOutcome } from '../../domain/signing/verification.ts';

/** The certificate a signature names: its subject as written, and what identifies it exactly. */
export type SignerCertificate = {
  /** The subject's distinguished name, readable: « CN=Cabinet Dupré, O=Cabinet Dupré, C=FR ». */
  subject: string;
  commonName: string | null;
  organization: string | null;
  /** SHA-256 of the certificate's DER, in lowercase hex: compared with the firm's seal identity. */
  sha256Fingerprint: string;
};

/** One signature dictionary of a PDF, checked against the bytes its /ByteRange covers. */
export type PdfSignatureCheck = {
  /** A signature (/Type /Sig) or a document timestamp (/DocTimeStamp, RFC 3161 over the file). */
  kind: 'signature' | 'document_timestamp';
  /** Where the signed revision ends: the bytes 0 … revisionEnd are what the signature covers. */
  revisionEnd: number;
  outcome: SignatureOutcome;
  certificate: SignerCertificate | null;
  /** The signing time the signature dictionary states (/M). */
  signedAt: Date | null;
  /** An RFC 3161 signature timestamp carried by the CMS (PAdES-B-T): its time and authority. */
  timestamp: { at: Date; authority: string | null; valid: boolean } | null;
};

export type PdfInspection = {
  signatures: PdfSignatureCheck[];
  /** The end of each revision (just after each %%EOF), in file order: where a stored copy may end. */
  revisionEnds: number[];
};

export type PdfChangeReport = {
  /** What a reader sees differently; empty when only validation data or timestamps were added. */
  changes: PdfChange[];
  /** Validation data (/DSS: certificates, revocation data) appended, as PAdES-B-LT does. */
  validationDataAdded: boolean;
  documentTimestampsAdded: number;
};

/** Checks a PDF's signatures cryptographically, and reads what its incremental updates change. */
export type PdfVerifier = {
  inspect(pdf: Uint8Array): Promise<PdfInspection>;
  /** What the updates appended after `revisionEnd` change, compared with the revision ending there. */
  changesSince(pdf: Uint8Array, revisionEnd: number): Promise<PdfChangeReport>;
};
