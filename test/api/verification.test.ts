import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealSignedDocument } from '../../src/application/signing/seal-signed-document.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect, expectProblem, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { addNoteOnFirstPage, addValidationData, flipSignedByte } from '../support/incremental-update.ts';
import { pdfsig } from '../support/signing.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 15, item 6: the public verification checks the seal over the bytes it covers. A sealed
 * copy is intact, signed by the firm's seal and when; an annotated copy is changed afterwards, and
 * says what; a byte changed under the seal is damaged; a PDF Lettrine never made is unknown; the
 * copy sent for signature is still known as such.
 */
describe(`the verification of a PDF, cryptographic (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let sealed: Uint8Array;
  let sent: Uint8Array;
  let number: string;

  const verify = (bytes: Uint8Array, contentType = 'application/pdf') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/verification',
      headers: { 'content-type': contentType },
      payload: Buffer.from(bytes),
    });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    const service = await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 120_000 });
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    const engagement = await aProspect(collab, 'Pharmacie Vérifiée');
    const draft = await aDraft(collab, engagement.id, service.id);
    number = (await send(collab, draft.id)).number;
    sent = (await collab.download(`/documents/${draft.id}/pdf`)).bytes;
    const signed = await collab.post(`/documents/${draft.id}/signatures`, {
      side: 'client',
      method: 'paper',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    await sealSignedDocument(ctx.deps, { firmId: firm.firmId, documentId: draft.id });
    sealed = (await collab.download(`/documents/${draft.id}/signed-pdf`)).bytes;
  });
  afterAll(() => ctx.close());

  it('a sealed copy: intact, sealed by the firm, signed when and by whom', async () => {
    const res = await verify(sealed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      verdict: 'intact',
      known: true,
      copy: 'signed',
      firm: { name: 'Cabinet Dupré & Associés' },
      document: { number, status: 'signed' },
      signatures: [expect.objectContaining({ side: 'client', method: 'paper' })],
      seal: {
        commonName: 'Cabinet Dupré & Associés',
        isFirmSeal: true,
        signedAt: expect.stringMatching(/^2026-11-29T/),
        sha256Fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      damage: null,
      changes: [],
    });
  });

  it('a byte changed under the seal: damaged, pdfsig agreeing', async () => {
    const tampered = flipSignedByte(sealed);
    expect(await pdfsig(tampered)).toContain('Digest Mismatch');
    expect((await verify(tampered)).json()).toMatchObject({
      verdict: 'damaged',
      known: false,
      damage: 'content_changed',
      firm: { name: 'Cabinet Dupré & Associés' },
      seal: { isFirmSeal: true },
    });
  });

  it('a note added in an incremental update: signed version intact, changed afterwards, and what', async () => {
    const annotated = await addNoteOnFirstPage(sealed);
    expect(await pdfsig(annotated)).toContain('Signature is Valid');
    expect((await verify(annotated)).json()).toMatchObject({
      verdict: 'changed',
      known: true,
      copy: 'signed',
      document: { number },
      changes: [
        {
          kind: 'annotation_added',
          page: 1,
          subtype: 'Text',
          description: 'Annotation ajoutée : une note (page 1).',
        },
      ],
    });
  });

  it('validation data appended after the seal (PAdES-B-LT): still intact', async () => {
    const longTerm = await addValidationData(sealed, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]));
    expect((await verify(longTerm)).json()).toMatchObject({
      verdict: 'intact',
      known: true,
      seal: { validationData: true },
      changes: [],
    });
  });

  it('a PDF Lettrine never made: unknown', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Un autre document', { font: await doc.embedFont(StandardFonts.Helvetica) });
    expect((await verify(await doc.save())).json()).toMatchObject({
      verdict: 'unknown',
      known: false,
      firm: null,
      document: null,
      seal: null,
    });
  });

  it('the copy sent for signature: known as the sent copy, by its bytes or its SHA-256', async () => {
    expect((await verify(sent)).json()).toMatchObject({
      verdict: 'intact',
      copy: 'sent',
      document: { number, status: 'sent', signedAt: null },
      signatures: [],
      seal: null,
    });
    const sha256 = (await verify(sent)).json().sha256 as string;
    const byHash = await apiAs(ctx, {}).post('/public/verification', { sha256: sha256.toUpperCase() });
    expect(byHash.body).toMatchObject({ verdict: 'intact', copy: 'sent', document: { number } });
    const unknownHash = await apiAs(ctx, {}).post('/public/verification', { sha256: 'a'.repeat(64) });
    expect(unknownHash.body).toMatchObject({ verdict: 'unknown', known: false });
  });

  it('refuses in French what is not a PDF, and a PDF too large', async () => {
    const notPdf = await verify(new TextEncoder().encode('Bonjour, ceci n’est pas un PDF'));
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.headers['content-type']).toContain('application/problem+json');
    expect(notPdf.json()).toMatchObject({ code: 'VERIFICATION.FILE_INVALID' });
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    const tooLarge = await verify(huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'REQUEST.PAYLOAD_TOO_LARGE' });
    expect(tooLarge.json().detail).toMatch(/volumineux/);
    expectProblem(
      await apiAs(ctx, {}).post('/public/verification', { sha256: 'pas une empreinte' }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
  });
});
