import { hasImageSignature } from '../firm/logo.ts';
import { ok, type Result, refuse } from '../shared/result.ts';

/** R-F1 evidence uploads: a PDF or a photo of the document, at most 5 MiB. */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * R-F1: the file must be what it says (its first bytes, and for an image a header the decoder
 * reads: `imageReadable`), and small enough to keep for five years (R-F7).
 */
export const checkEvidenceFile = (input: {
  contentType: EvidenceContentType;
  bytes: Uint8Array;
  imageReadable: boolean;
}): Result<true> => {
  const { contentType, bytes } = input;
  if (bytes.byteLength === 0 || bytes.byteLength > EVIDENCE_MAX_BYTES) {
    return refuse('VIGILANCE.EVIDENCE_INVALID', { byteSize: bytes.byteLength, maxBytes: EVIDENCE_MAX_BYTES });
  }
  const looksRight =
    contentType === 'application/pdf'
      ? PDF_MAGIC.every((byte, i) => bytes[i] === byte)
      : hasImageSignature(contentType, bytes) && input.imageReadable;
  return looksRight ? ok(true) : refuse('VIGILANCE.EVIDENCE_INVALID', { contentType });
};
