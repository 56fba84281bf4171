import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aPng } from '../builders/images.ts';
import { aDraft, expectProblem, nextSiren, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { pdfText, plainText } from '../support/pdf.ts';
import { archivalFaults } from '../support/pdfa.ts';
import { aSigner, pdfsig } from '../support/signing.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';
import {
  startWebhookReceiver,
  verifyLettrineSignature,
  type WebhookReceiver,
} from '../support/webhook-receiver.ts';

const CLIENT_EMAIL = 'paul.martin@boulangerie-martin.test';

/**
 * Issue 4, the whole flow through HTTP, with mail received by a real SMTP server and the real job
 * queue: a proposal signed by link and code creates the letter (R-B2); the letter signed by the
 * client through their link and by the associé through theirs makes a client (R-A4); the sealed copy
 * passes pdfsig, a tampered one does not, and the verification endpoint tells them apart.
 */
describe(`electronic signature, end to end (${databaseKind})`, () => {
  let ctx: TestContext;
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  let serviceId: string;
  let secret: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver();
    ctx = await createTestContext({ smtpUrl: smtp.url, jobs: true, clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    serviceId = (
      await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 120_000, recurrence: 'yearly' })
    ).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
    const endpoint = await associe.post('/webhooks', {
      url: hooks.url,
      events: ['document.sent', 'document.signed', 'engagement.converted'],
    });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
    secret = endpoint.body.secret;
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
    await hooks.close();
  });

  const aProspectWithEmail = async (name: string) => {
    const res = await collab.post('/engagements', {
      company: {
        name,
        legalForm: 'SARL',
        siren: nextSiren(),
        fiscalYearEnd: '12-31',
        activity: 'Boulangerie-pâtisserie',
        addressLine1: '12 rue Paul Bert',
        postalCode: '69003',
        city: 'Lyon',
      },
      responsibleUserId: firm.users.associe.id,
      signatory: { firstName: 'Paul', lastName: 'Martin', capacity: 'Gérant', email: CLIENT_EMAIL },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };

  it('R-B3 proposal signed by link and code → letter → signed by client and associé → client; sealed copy verified', async () => {
    const client = aSigner(ctx, smtp, CLIENT_EMAIL);
    const associeSigner = aSigner(ctx, smtp, firm.users.associe.email);
    const engagement = await aProspectWithEmail('Boulangerie Martin');

    // The receiver fails the first delivery (document.sent): the queue retries it with backoff.
    hooks.failNext(1);
    // The proposal: one link by mail to the client's signatory.
    const proposal = await aDraft(collab, engagement.id, serviceId);
    const sent = await send(collab, proposal.id);
    const proposalToken = await client.linkToken();
    const view = await client.verified(proposalToken);
    expect(view).toMatchObject({
      document: { kind: 'proposal', number: sent.number, kindLabel: 'Offre de service' },
      signer: { name: 'Paul Martin', side: 'client', maskedEmail: 'p…@boulangerie-martin.test' },
      signatories: [{ side: 'client', hasSigned: false }],
    });
    // Issue 18: the signer reads the services and their prices, not only the totals.
    const sentProposal = (await collab.get(`/documents/${proposal.id}`)).body.document;
    expect(view.document.lines).toEqual(
      sentProposal.lines.map((line: { label: string; recurrence: string; unitPriceCents: number }) =>
        expect.objectContaining({
          operation: 'line',
          label: line.label,
          recurrence: line.recurrence,
          amountHtCents: line.unitPriceCents,
        }),
      ),
    );
    expect(view.document).toHaveProperty('terms');
    const pdf = await client.api.download(`/public/signing/${proposalToken}/pdf`);
    expect(pdf.headers['x-content-sha256']).toBe(
      (await collab.download(`/documents/${proposal.id}/pdf`)).headers['x-content-sha256'],
    );

    // Consent and the signer's own name are required; a drawn signature is kept.
    expectProblem(
      await client.api.post(`/public/signing/${proposalToken}/sign`, {
        consent: false,
        typedName: 'Paul Martin',
      }),
      422,
      'SIGNING.CONSENT_REQUIRED',
    );
    expectProblem(await client.sign(proposalToken, 'Pierre Durand'), 422, 'SIGNING.NAME_MISMATCH');
    const signed = await client.sign(proposalToken, 'paul martin', {
      drawingPngBase64: aPng(320, 100, [20, 20, 60], { alpha: true }).toString('base64'),
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toEqual({ documentStatus: 'signed', signedSides: ['client'] });
    // The link, once signed, says so (issue 15, item 7): no second signature through it.
    expect((await client.api.get(`/public/signing/${proposalToken}`)).body).toMatchObject({
      state: 'signed',
    });
    expectProblem(await client.sign(proposalToken, 'Paul Martin'), 404, 'SIGNING.LINK_INVALID');

    // R-B2: the letter was created; R-A5: the engagement is still a prospect.
    const proposalView = (await collab.get(`/documents/${proposal.id}`)).body;
    expect(proposalView.document.status).toBe('signed');
    const letterId = proposalView.createdLetterId as string;
    expect(letterId).toBeTruthy();
    expect(
      (await collab.get(`/engagements/${engagement.id}`)).body.engagement?.state ??
        (await collab.get(`/engagements/${engagement.id}`)).body.state,
    ).toBe('prospect');

    // The letter: both the client and the associé get their own link.
    const letter = await send(collab, letterId);
    const clientToken = await client.linkToken();
    const associeToken = await associeSigner.linkToken();
    await client.verified(clientToken);
    await associeSigner.verified(associeToken);
    // The last two signatures at the same time: one completes the letter, the automations run once.
    const [a, b] = await Promise.all([
      client.sign(clientToken, 'Paul Martin'),
      associeSigner.sign(associeToken, `associe Cabinet Dupré & Associés`),
    ]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200]);
    const engagementAfter = (await collab.get(`/engagements/${engagement.id}`)).body;
    const state = engagementAfter.engagement?.state ?? engagementAfter.state;
    expect(state).toBe('client');
    const history = await ctx.deps.store.read(firm.firmId).events.listByEngagement(engagement.id);
    expect(history.filter((event) => event.type === 'engagement.converted')).toHaveLength(1);
    expect(history.filter((event) => event.type === 'document.signed')).toHaveLength(2);

    // The sealed copy, by mail to each signer, passes pdfsig; one byte changed does not.
    await ctx.drainJobs();
    await client.nextMail(new RegExp(`exemplaire signé .*${sent.number}`));
    const copy = await client.nextMail(new RegExp(`exemplaire signé .*${letter.number}`));
    const attachment = copy.attachments[0];
    expect(attachment?.filename).toBe(`${letter.number}-signé.pdf`);
    const sealed = new Uint8Array(attachment?.content ?? []);
    const report = await pdfsig(sealed);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Cabinet Dupré & Associés');
    const text = plainText(await pdfText(sealed));
    expect(text).toContain('Dossier de preuve de signature électronique');
    expect(text).toContain('Paul Martin');
    const tampered = new Uint8Array(sealed);
    // One digit of the creation date, inside the signed range: the year 2026 becomes 2027.
    const at = Buffer.from(tampered).indexOf('/CreationDate (D:2026') + '/CreationDate (D:202'.length;
    tampered[at] = '7'.charCodeAt(0);
    expect(await pdfsig(tampered)).toContain('Digest Mismatch');
    await associeSigner.nextMail(new RegExp(`exemplaire signé .*${letter.number}`));

    // The firm downloads the same bytes; the verification endpoint knows them, and not the tampered copy.
    const download = await collab.download(`/documents/${letterId}/signed-pdf`);
    expect(Buffer.from(download.bytes).equals(Buffer.from(sealed))).toBe(true);
    // RFC 6266: the accent of « signé » survives in filename*, an ASCII name stands beside it.
    expect(download.headers['content-disposition']).toBe(
      `inline; filename="${letter.number}-signe.pdf"; filename*=UTF-8''${letter.number}-sign%C3%A9.pdf`,
    );
    // The sent copy and the sealed signed copy are both archival PDFs (issue 14, item 14).
    expect(await archivalFaults(download.bytes)).toEqual([]);
    expect(await archivalFaults((await collab.download(`/documents/${letterId}/pdf`)).bytes)).toEqual([]);
    const verified = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/verification',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from(sealed),
    });
    expect(verified.json()).toMatchObject({
      known: true,
      copy: 'signed',
      firm: { name: 'Cabinet Dupré & Associés' },
      document: { number: letter.number, status: 'signed' },
      signatures: expect.arrayContaining([
        expect.objectContaining({ side: 'client', name: 'Paul Martin', method: 'electronic' }),
        expect.objectContaining({ side: 'firm', method: 'electronic' }),
      ]),
    });
    // The copy that was sent, known by its SHA-256: it proves its sending, not what came after.
    const sentSha = String((await collab.download(`/documents/${letterId}/pdf`)).headers['x-content-sha256']);
    const sentCopy = await client.api.post('/public/verification', { sha256: sentSha.toUpperCase() });
    expect(sentCopy.body).toMatchObject({
      known: true,
      copy: 'sent',
      document: { number: letter.number, status: 'sent', signedAt: null },
      signatures: [],
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/verification',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from(tampered),
    });
    expect(unknown.json()).toMatchObject({ known: false });

    // Every signing step is in the document's history.
    const steps = (await ctx.deps.store.read(firm.firmId).events.listByDocument(letterId)).map((e) => e.type);
    for (const type of [
      'document.sent',
      'document.signing_link_opened',
      'document.signing_code_sent',
      'document.signature_recorded',
      'document.signed',
      'document.sealed',
    ])
      expect(steps).toContain(type);

    // Webhooks: each event received once, signed with the endpoint's secret.
    const received = hooks.requests.map(
      (request) => JSON.parse(request.rawBody) as { type: string; data: { documentId: string } },
    );
    expect(received.filter((event) => event.type === 'engagement.converted')).toHaveLength(1);
    expect(
      received
        .filter((event) => event.type === 'document.signed')
        .map((e) => e.data.documentId)
        .sort(),
    ).toEqual([proposal.id, letterId].sort());
    await expect
      .poll(
        async () => {
          const log = (await associe.get('/webhook-deliveries?pageSize=50')).body.items as {
            eventType: string;
            status: string;
            attempts: number;
          }[];
          return log.filter((d) => d.eventType === 'document.sent').map((d) => [d.status, d.attempts]);
        },
        { timeout: 10_000 },
      )
      .toEqual(expect.arrayContaining([['delivered', 2]]));
    // The retry carries the very same body (the same event id), so a receiver can deduplicate.
    const failed = hooks.requests[0]?.rawBody;
    expect(hooks.requests.filter((request) => request.rawBody === failed)).toHaveLength(2);
    for (const request of hooks.requests)
      expect(
        verifyLettrineSignature(request.rawBody, request.headers['lettrine-signature'] as string, secret, {
          now: ctx.clock.now(),
        }),
      ).toBe(true);
  });
});
