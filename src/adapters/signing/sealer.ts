import type { PdfSealer } from '../../application/ports/index.ts';
import { createPdfSealer } from './pdf-sealer.ts';
import { createSelfSignedIdentity } from './seal-identity.ts';

/** The PdfSealer port: the identity comes with each seal (one per firm, or the install's own). */
export const createSealer = (): PdfSealer => ({
  createIdentity: (input) => createSelfSignedIdentity(input),
  seal: (pdf, identity, meta) => createPdfSealer(identity).seal(pdf, meta),
});
