import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSealJob } from '../../src/application/signing/seal-signed-document.ts';
import { CRAFTED_PNGS, truncatedPng } from '../adapters/crafted-pngs.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aPng } from '../builders/images.ts';
import { aDraft, expectProblem, nextSiren, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { pdfText } from '../support/pdf.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const CRAFTED = Object.entries({ ...CRAFTED_PNGS, truncated: truncatedPng() });

/**
 * Issue 20, item 1: a crafted PNG uploaded as the firm's logo, or drawn by a public signer (no
 * account needed), passed the header checks and killed the server at the next render; the seal job
 * then retried it after the restart and killed it again. Each is refused now with a French
 * problem+json, what is stored is the image decoded and written anew, and an image stored before
 * the fix fails its render, never the process.
 */
describe(`crafted images (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let associe: Api;
  let collab: Api;
  let serviceId: string;
  let signers = 0;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx, 'Cabinet Visé');
    associe = apiAs(ctx, firm.users.associe.headers);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 90_000 })).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  });
  afterAll(() => ctx.close());

  /** The server still answers, and still renders a PDF. */
  const expectServing = async () => {
    expect((await collab.get('/firm')).status).toBe(200);
    const engagement = await collab.post('/engagements', {
      company: { name: 'Toujours là', siren: nextSiren(), fiscalYearEnd: '12-31', legalForm: 'SAS' },
    });
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
    const draft = await aDraft(collab, engagement.body.id, serviceId);
    return collab.download(`/documents/${draft.id}/pdf`);
  };

  /** A proposal sent to a new signer, the link opened and its code entered (mails in the outbox). */
  const aLinkReadyToSign = async () => {
    signers += 1;
    const email = `signataire-${signers}@exemple.test`;
    const engagement = await collab.post('/engagements', {
      company: {
        name: `Client ${signers}`,
        legalForm: 'SAS',
        siren: nextSiren(),
        fiscalYearEnd: '12-31',
        addressLine1: '1 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
      },
      signatory: { firstName: 'Claire', lastName: 'Durand', capacity: 'Présidente', email },
    });
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
    const draft = await aDraft(collab, engagement.body.id, serviceId);
    await send(collab, draft.id);
    const mailTo = async (kind: string) =>
      (
        await ctx.deps.store.read(firm.firmId).mails.list({ documentId: draft.id, page: 1, pageSize: 50 })
      ).items
        .filter((mail) => mail.kind === kind && mail.toAddress === email)
        .at(-1)?.textBody ?? '';
    const token = /\/signer\/([A-Za-z0-9_-]{20,})/.exec(await mailTo('signature_request'))?.[1] ?? '';
    const stranger = apiAs(ctx, { 'user-agent': 'Navigateur du signataire' });
    expect((await stranger.get(`/public/signing/${token}`)).status).toBe(200);
    expect((await stranger.post(`/public/signing/${token}/code`)).status).toBe(200);
    const code = /\b(\d{6})\b/.exec(await mailTo('signature_code'))?.[1];
    expect((await stranger.post(`/public/signing/${token}/code/verify`, { code })).status).toBe(200);
    const sign = (drawing: Buffer) =>
      stranger.post(`/public/signing/${token}/sign`, {
        consent: true,
        typedName: 'Claire Durand',
        drawingPngBase64: drawing.toString('base64'),
      });
    return { documentId: draft.id, sign };
  };

  it.each(CRAFTED)(
    'a logo « %s » is refused with a problem+json, and the server keeps serving',
    async (_name, bytes) => {
      const uploaded = await associe.put('/firm/logo', {
        contentType: 'image/png',
        base64: bytes.toString('base64'),
      });
      expect(uploaded.status).toBeGreaterThanOrEqual(400);
      expect(uploaded.status).toBeLessThan(500);
      expect(['FIRM.LOGO_INVALID', 'FIRM.LOGO_TOO_LARGE']).toContain(uploaded.body.code);
      expect(String(uploaded.headers['content-type'])).toContain('application/problem+json');
      expect(uploaded.body.detail).toMatch(/logo/);
      expect((await expectServing()).status).toBe(200);
    },
  );

  it('a good logo is stored decoded and written anew, with the same pixels', async () => {
    const original = aPng(90, 30, [31, 78, 121], { alpha: true });
    const uploaded = await associe.put('/firm/logo', {
      contentType: 'image/png',
      base64: original.toString('base64'),
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    expect(uploaded.body).toMatchObject({ width: 90, height: 30 });
    const stored = Buffer.from((await collab.download('/firm/logo')).bytes);
    expect(stored.equals(original)).toBe(false);
    expect(PNG.sync.read(stored).data.equals(PNG.sync.read(original).data)).toBe(true);
    expect((await expectServing()).status).toBe(200);
    expect((await associe.delete('/firm/logo')).status).toBe(204);
  });

  it.each(CRAFTED)(
    'a public signer drawing « %s » is refused, the link still signs, the server serves',
    async (_name, bytes) => {
      const link = await aLinkReadyToSign();
      expectProblem(await link.sign(bytes), 422, 'SIGNING.DRAWING_INVALID');
      const signed = await link.sign(aPng(300, 100, [20, 20, 60], { alpha: true }));
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      // The signed copy renders and seals with the drawing as it was kept.
      await runSealJob(ctx.deps, { firmId: firm.firmId, documentId: link.documentId }, { final: true });
      const copy = await collab.download(`/documents/${link.documentId}/signed-pdf`);
      expect(copy.status).toBe(200);
      expect(await pdfText(copy.bytes)).not.toContain('illisible');
      expect((await expectServing()).status).toBe(200);
    },
  );

  it('a crafted logo stored before the fix: the PDF answers 422, the seal job parks with its error, the server serves', async () => {
    const link = await aLinkReadyToSign();
    expect((await link.sign(aPng(300, 100, [20, 20, 60], { alpha: true }))).status).toBe(200);
    // Written as the old upload would have kept it, past today's checks.
    await ctx.deps.store.transaction(firm.firmId, (scope) =>
      scope.firm.setLogo({
        contentType: 'image/png',
        bytes: CRAFTED_PNGS.badRowFilter,
        width: 40,
        height: 20,
        uploadedAt: ctx.clock.now(),
      }),
    );
    try {
      const draft = await aDraft(
        collab,
        (await collab.get(`/documents/${link.documentId}`)).body.document.engagementId,
        serviceId,
      );
      expectProblem(await collab.get(`/documents/${draft.id}/pdf`), 422, 'FIRM.LOGO_UNREADABLE');
      expect((await collab.get('/firm')).status).toBe(200);
      // Not its last attempt: the job fails (pg-boss retries it later); the process is unharmed.
      await expect(
        runSealJob(ctx.deps, { firmId: firm.firmId, documentId: link.documentId }, { final: false }),
      ).rejects.toMatchObject({ code: 'FIRM.LOGO_UNREADABLE' });
      // Its last attempt: the failure is kept in the document's history, for the firm to see.
      await runSealJob(ctx.deps, { firmId: firm.firmId, documentId: link.documentId }, { final: true });
      const history = await collab.get(`/documents/${link.documentId}/history`);
      expect(JSON.stringify(history.body)).toContain('document.seal_failed');
      expect((await collab.get(`/documents/${link.documentId}/signing`)).status).toBe(200);
    } finally {
      await ctx.deps.store.transaction(firm.firmId, (scope) => scope.firm.deleteLogo());
    }
    expect((await expectServing()).status).toBe(200);
  });
});
