import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { AppError } from '../../src/application/app-error.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { A_JPEG_BASE64, aPng } from '../builders/images.ts';
import { aFirmSignerEvidence, aSignedFacts, aSignerEvidence } from '../builders/signed-facts.ts';
import { flowingText } from '../support/pdf.ts';
import { CRAFTED_PNGS, truncatedPng } from './crafted-pngs.ts';

const at = new Date('2026-11-29T09:00:00Z');
const content = documentContent(aDocumentFacts());
const renderer = createPdfRenderer();

/**
 * Issue 20: a crafted PNG passed the header checks and crashed the server at the next render. Every
 * image is now decoded and written anew by pngjs before pdfkit sees it: at upload (cleanImage) and
 * at render, for what was stored before.
 */
describe('crafted images and the PDF renderer', () => {
  it.each(Object.entries({ ...CRAFTED_PNGS, truncated: truncatedPng() }))(
    'refuses to clean the crafted PNG « %s »',
    async (_name, bytes) => {
      expect(await renderer.cleanImage(bytes)).toBeUndefined();
    },
  );

  it('reads only the header for the size: cheap, before anything is decoded', () => {
    expect(renderer.readImage(CRAFTED_PNGS.hugeDimensions)).toEqual({ width: 60_000, height: 60_000 });
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

  it('writes a good PNG anew with the same pixels: RGB when opaque, RGBA when it has transparency', async () => {
    const opaque = aPng(30, 10, [31, 78, 121]);
    const cleanOpaque = await renderer.cleanImage(opaque);
    expect(cleanOpaque).toMatchObject({ width: 30, height: 10 });
    const decoded = PNG.sync.read(Buffer.from(cleanOpaque?.bytes ?? []));
    expect([...decoded.data.subarray(0, 4)]).toEqual([31, 78, 121, 255]);
    expect(Buffer.from(cleanOpaque?.bytes ?? []).readUInt8(25)).toBe(2);

    const transparent = await renderer.cleanImage(aPng(30, 10, [1, 2, 3], { alpha: true }));
    expect(Buffer.from(transparent?.bytes ?? []).readUInt8(25)).toBe(6);
    expect([...PNG.sync.read(Buffer.from(transparent?.bytes ?? [])).data.subarray(0, 4)]).toEqual([
      1, 2, 3, 128,
    ]);
  });

  it('keeps a JPEG as it is: pdfkit copies it into the PDF without decoding it', async () => {
    const jpeg = new Uint8Array(Buffer.from(A_JPEG_BASE64, 'base64'));
    expect(await renderer.cleanImage(jpeg)).toEqual({ bytes: jpeg, width: 1, height: 1 });
  });

  it('a crafted logo stored before the fix rejects the render (a promise rejection, not a crash)', async () => {
    for (const logo of [CRAFTED_PNGS.badRowFilter, CRAFTED_PNGS.badRowFilterInterlaced, truncatedPng()]) {
      const rendering = renderer.render(content, { at, logo });
      await expect(rendering).rejects.toBeInstanceOf(AppError);
      await expect(rendering).rejects.toMatchObject({ code: 'FIRM.LOGO_UNREADABLE' });
    }
    // The process is alive and renders the next document.
    const next = await renderer.render(content, { at, logo: aPng(60, 20, [1, 2, 3], { alpha: true }) });
    expect(next.bytes.byteLength).toBeGreaterThan(1000);
  });

  it('a crafted drawing stored before the fix: the signed copy renders and says it is unreadable', async () => {
    const signed = aSignedFacts({
      signers: [
        aSignerEvidence({ drawing: CRAFTED_PNGS.badRowFilter }),
        aFirmSignerEvidence({ drawing: CRAFTED_PNGS.badRowFilterInterlaced }),
      ],
    });
    const { bytes } = await renderer.render(documentContent(aDocumentFacts({ signed })), { at });
    expect((await flowingText(bytes)).match(/\(signature dessinée illisible\)/g)).toHaveLength(2);
  });
});
