import type { PdfSealer } from '../../application/ports/index.ts';
import { describeCertificate } from './certificate-facts.ts';
import { createPdfSealer, type SealOptions } from './pdf-sealer.ts';
import { createSelfSignedIdentity, openFirmPkcs12 } from './seal-identity.ts';

/** The PdfSealer port: the identity comes with each seal (one per firm, or the install's own). */
export const createSealer = (options: SealOptions = {}): PdfSealer => ({
  createIdentity: (input) => createSelfSignedIdentity(input),
  openPkcs12: openFirmPkcs12,
  describe: describeCertificate,
  seal: (pdf, identity, meta) => createPdfSealer(identity, options).seal(pdf, meta),
});
