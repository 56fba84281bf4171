import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { A_JPEG_BASE64, aPng } from '../builders/images.ts';
import { pdfInfo } from '../support/pdf.ts';

describe('the PDF renderer (pdfkit and the DejaVu fonts)', () => {
  const content = documentContent(aDocumentFacts());
  const at = new Date('2026-11-29T09:00:00Z');

  it('is deterministic: the same content and instant give the same bytes, whatever was rendered before', async () => {
    const first = await createPdfRenderer().render(content, { at });
    await createPdfRenderer().render(
      documentContent(aDocumentFacts({ kind: 'proposal', validUntil: '2026-12-31' })),
      {
        at,
      },
    );
    const again = await createPdfRenderer().render(content, { at });
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(again.sha256).toBe(first.sha256);
    const later = await createPdfRenderer().render(content, { at: new Date('2026-11-30T09:00:00Z') });
    expect(later.sha256).not.toBe(first.sha256);
  });

  it('writes a PDF that says who made it and when, in French, with its fonts embedded', async () => {
    const { bytes } = await createPdfRenderer().render(content, { at });
    const info = await pdfInfo(bytes);
    expect(info).toMatchObject({
      Title: 'Lettre de mission LM-2026-0001',
      Author: 'Cabinet Dupré & Associés',
      Creator: 'Lettrine',
      Producer: 'Lettrine',
    });
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Lang (fr-FR)');
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
  });

  it('reads the size a PNG or a JPEG announces, and nothing else (cleanImage decodes: image-cleaning.test.ts)', () => {
    const renderer = createPdfRenderer();
    expect(renderer.readImage(aPng(300, 120, [200, 30, 30], { alpha: true }))).toEqual({
      width: 300,
      height: 120,
    });
    expect(renderer.readImage(new Uint8Array(Buffer.from(A_JPEG_BASE64, 'base64')))).toEqual({
      width: 1,
      height: 1,
    });
    expect(renderer.readImage(new Uint8Array(Buffer.from('pas une image')))).toBeUndefined();
    expect(renderer.readImage(aPng(40, 20).subarray(0, 20))).toBeUndefined();
  });

  it('cleans nothing it cannot decode: a damaged or truncated PNG', async () => {
    const renderer = createPdfRenderer();
    expect(
      await renderer.cleanImage(aPng(40, 20, [0, 0, 0], { alpha: true, damaged: true })),
    ).toBeUndefined();
    expect(await renderer.cleanImage(aPng(40, 20).subarray(0, 60))).toBeUndefined();
  });

  it('draws a transparent logo of any proportions in its box', async () => {
    const logo = aPng(600, 40, [31, 78, 121], { alpha: true });
    const { bytes } = await createPdfRenderer().render(content, { at, logo, accentColor: '#1F4E79' });
    expect(Number((await pdfInfo(bytes)).Pages)).toBeGreaterThan(0);
    // fit: [150, 58] keeps the proportions: 600 × 40 becomes 150 × 10.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Width 600\s+\/Height 40/);
  });
});
