import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { createPdfSealer } from '../../src/adapters/signing/pdf-sealer.ts';
import { createSelfSignedIdentity } from '../../src/adapters/signing/seal-identity.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { aPng } from '../builders/images.ts';
import { aFirmSignerEvidence, aSignedFacts, aSignerEvidence } from '../builders/signed-facts.ts';
import { archivalFaults, structureText } from '../support/pdfa.ts';
import { pdfsig } from '../support/signing.ts';

/** Issue 14, item 14: every document sent or signed is an archival PDF (PDF/A-2b), tagged, in French. */

const at = new Date('2026-11-29T09:00:00Z');
const renderer = createPdfRenderer();

describe('archival PDFs (PDF/A-2b, tagged, fr-FR)', () => {
  it.each(DOCUMENT_KINDS)(
    'renders a %s as PDF/A-2b with its XMP, its language and its structure tree',
    async (kind) => {
      const { bytes } = await renderer.render(documentContent(aDocumentFacts({ kind })), { at });
      expect(await archivalFaults(bytes)).toEqual([]);
    },
  );

  it('keeps the signed copy archival once sealed, and pdfsig still finds the seal valid', async () => {
    const drawing = aPng(320, 100, [20, 20, 60], { alpha: true });
    const signed = aSignedFacts({ signers: [aSignerEvidence({ drawing }), aFirmSignerEvidence()] });
    const { bytes } = await renderer.render(documentContent(aDocumentFacts({ signed })), {
      at,
      logo: aPng(300, 120, [31, 78, 121]),
    });
    const identity = await createSelfSignedIdentity({ commonName: 'Cabinet Dupré & Associés', at });
    const sealed = await createPdfSealer(identity).seal(bytes, {
      reason: 'Lettre signée',
      name: 'Cabinet',
      at,
    });
    expect(await archivalFaults(sealed)).toEqual([]);
    expect(await pdfsig(sealed)).toContain('Signature Validation: Signature is Valid.');
  });

  it('tags the reading order: title, headings, tables with header cells, the drawn signature as a figure', async () => {
    const drawing = aPng(320, 100, [20, 20, 60], { alpha: true });
    const signed = aSignedFacts({ signers: [aSignerEvidence({ drawing }), aFirmSignerEvidence()] });
    const { bytes } = await renderer.render(documentContent(aDocumentFacts({ signed })), {
      at,
      watermark: 'PROJET',
    });
    const tree = await structureText(bytes);
    expect(tree).toMatch(/^Document\n/);
    expect(tree).toContain('H1 (block)\n    "Lettre de mission"');
    expect(tree).toContain('H2 (block)\n    "Honoraires"');
    expect(tree).toMatch(/Table \(block\)\n\s+TR\n\s+TH\n\s+"Mission"/);
    expect(tree).toContain('Figure');
    expect(tree).toContain('"Dossier de preuve de signature électronique"');
    // The running header, the footer and the watermark are artifacts, not read aloud.
    expect(tree).not.toContain('Page 1 / ');
    expect(tree).not.toContain('PROJET');
  });
});
