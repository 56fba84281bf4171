import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import type { SignedFacts } from '../../src/domain/documents/content/facts.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { aPng } from '../builders/images.ts';
import { aFirmSignerEvidence, aSignedFacts, aSignerEvidence } from '../builders/signed-facts.ts';
import { flowingText, pdfInfo, pdfText, plainText, renderPages } from '../support/pdf.ts';

const at = new Date('2026-11-29T10:10:00Z');

const render = (signed: SignedFacts | null) =>
  createPdfRenderer().render(documentContent(aDocumentFacts({ signed })), { at });

const pagesOf = async (bytes: Uint8Array): Promise<number> => Number((await pdfInfo(bytes)).Pages);

/**
 * The evidence pages, which end the copy (pdftotext separates pages with a form feed): from the
 * page titled « Dossier de preuve » to the end, the events table may take a second page.
 */
const evidencePages = async (bytes: Uint8Array): Promise<string[]> => {
  const pages = (await pdfText(bytes)).split('\f').filter((page) => page.trim() !== '');
  const first = pages.findIndex((page) => page.includes('Dossier de preuve de signature'));
  return first === -1 ? [] : pages.slice(first).map(plainText);
};
const evidenceText = async (bytes: Uint8Array): Promise<string> => (await evidencePages(bytes)).join('\n');

describe('the signed copy of a letter, rendered (pdfkit)', () => {
  it('fills the boxes, embeds the drawn signature and ends with the evidence page', async () => {
    const drawing = aPng(320, 100, [20, 20, 60], { alpha: true });
    const signed = aSignedFacts({ signers: [aSignerEvidence({ drawing }), aFirmSignerEvidence()] });
    const unsigned = await render(null);
    const { bytes } = await render(signed);

    const evidenceCount = (await evidencePages(bytes)).length;
    expect(evidenceCount).toBeGreaterThanOrEqual(1);
    expect(await pagesOf(bytes)).toBe((await pagesOf(unsigned.bytes)) + evidenceCount);
    expect((await renderPages(bytes)).length).toBe(await pagesOf(bytes));

    const text = await flowingText(bytes);
    expect(text).toContain('N° LM-2026-0001 du 29/11/2026 — exemplaire signé');
    expect(text).toContain('Fait à Lyon, signé électroniquement');
    expect(text).toContain('Mention : « Lu et approuvé, bon pour accord » (acceptée électroniquement)');
    expect(text).toContain('Signé électroniquement le 29/11/2026 à 10:42 (heure de Paris)');
    expect(text).toContain('par Marie Martin, gérante');
    expect(text).toContain('Code de vérification envoyé à m…@exemple.fr');
    expect(text).toContain('Signé électroniquement le 29/11/2026 à 11:05 (heure de Paris)');
    expect(text).not.toContain('Date :');
    expect(text).not.toContain('Mention manuscrite');
    expect(text).not.toContain('illisible');

    // The title, the place and both filled boxes, drawing included, stay on one page.
    const pages = plainText(await pdfText(bytes)).split('\f');
    const signing = pages.find((page) => page.includes('Fait à Lyon, signé électroniquement')) ?? '';
    expect(signing).toMatch(/^\s*Signatures$/m);
    expect(signing).toContain('Code de vérification envoyé à m…@exemple.fr');
    expect(signing).toContain('Code de vérification envoyé à j…@cabinet-dupre.fr');

    const evidence = await evidenceText(bytes);
    expect(evidence).toContain('Dossier de preuve de signature électronique');
    expect(evidence).toContain('Client : Marie Martin');
    expect(evidence).toContain('Cabinet : Jean Dupré');
    expect(evidence).toContain('0123456789abcdef');
    expect(evidence).toContain('fedcba9876543210');
    expect(evidence).toContain('29/11/2026 à 10:42:13 (heure de Paris)');
    expect(evidence).toContain('203.0.113.7');
    expect(evidence).toMatch(/Signature dessinée\s+Oui/);
    expect(evidence).toMatch(/Signature dessinée\s+Non/);

    // The drawing is an image XObject at its own size; pdfkit fits it in 160 × 50 pt.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect(raw).toMatch(/\/Width 320\s+\/Height 100/);
    expect(Buffer.from(unsigned.bytes).toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('a drawing pdfkit cannot read does not stop the render: the box says it is unreadable', async () => {
    const signed = aSignedFacts({
      signers: [
        aSignerEvidence({ drawing: aPng(40, 20, [0, 0, 0], { alpha: true, damaged: true }) }),
        aFirmSignerEvidence({ drawing: new Uint8Array(Buffer.from('pas une image')) }),
      ],
    });
    const { bytes } = await render(signed);
    const text = await flowingText(bytes);
    expect(text.match(/\(signature dessinée illisible\)/g)).toHaveLength(2);
    expect(text).toContain('Signé électroniquement le 29/11/2026 à 10:42 (heure de Paris)');
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    expect((await renderPages(bytes)).length).toBe(await pagesOf(bytes));
  });

  it('a letter signed on paper: the handwritten mention stays, the box says who recorded it', async () => {
    const paper = {
      method: 'paper' as const,
      email: null,
      typedName: null,
      viewedAt: null,
      viewedIp: null,
      viewedUserAgent: null,
      codeSentAt: null,
      codeVerifiedAt: null,
      consentAt: null,
      signedIp: null,
      signedUserAgent: null,
      recordedBy: 'Claire Dupré',
    };
    const { bytes } = await render(
      aSignedFacts({ signers: [aSignerEvidence(paper), aFirmSignerEvidence(paper)] }),
    );
    const text = await flowingText(bytes);
    expect(text).toContain('Fait à Lyon, en deux exemplaires');
    expect(text).toContain('Mention manuscrite : « Lu et approuvé, bon pour accord »');
    expect(text).toContain('Signé sur papier le 29/11/2026, enregistré par Claire Dupré');
    expect(await evidenceText(bytes)).toMatch(/Mode de signature\s+Sur papier/);
  });
});
