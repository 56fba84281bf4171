import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrevoSmsSender } from '../../src/adapters/sms/brevo-sms.ts';
import { sealSignedDocument } from '../../src/application/signing/seal-signed-document.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, expectProblem, nextSiren } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { flowingText } from '../support/pdf.ts';
import { type RecordedSms, startSmsProvider } from '../support/sms-provider.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';

/** Issue 15, item 5: the signing code by SMS (Brevo's API, a stand-in on 127.0.0.1), the link by mail. */

describe('the signing code by SMS', () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let provider: Awaited<ReturnType<typeof startSmsProvider>>;
  let serviceId: string;
  let clients = 0;

  /** A proposal sent to a client signatory (with `phone` on the contact, `signerMobile` at sending). */
  const aSentProposal = async (options: { phone?: string; signerMobile?: string } = {}) => {
    clients += 1;
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const email = `sms-${clients}-${firm.firmId.slice(0, 8)}@exemple.test`;
    const engagement = await collab.post('/engagements', {
      company: {
        name: `Client SMS ${clients}`,
        legalForm: 'SAS',
        siren: nextSiren(),
        fiscalYearEnd: '12-31',
        activity: 'Commerce',
        addressLine1: '1 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
      },
      signatory: {
        firstName: 'Claire',
        lastName: 'Durand',
        capacity: 'Présidente',
        email,
        phone: options.phone,
      },
    });
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
    const draft = await aDraft(collab, engagement.body.id, serviceId);
    const sent = await collab.post(
      `/documents/${draft.id}/send`,
      options.signerMobile ? { signerMobile: options.signerMobile } : undefined,
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const mails = async () =>
      (await ctx.deps.store.read(firm.firmId).mails.list({ documentId: draft.id, page: 1, pageSize: 20 }))
        .items;
    const request = (await mails()).find((mail) => mail.kind === 'signature_request');
    const token = /\/signer\/([A-Za-z0-9_-]{20,})/.exec(request?.textBody ?? '')?.[1] as string;
    return { documentId: draft.id, token, mails };
  };

  const codeOf = (sms: RecordedSms | undefined) => /\b(\d{6})\b/.exec(String(sms?.body.content))?.[1];

  beforeAll(async () => {
    ctx = await createTestContext();
    provider = await startSmsProvider();
    ctx.deps.sms = createBrevoSmsSender({
      apiKey: 'cle-brevo-de-test',
      sender: 'Lettrine',
      baseUrl: provider.baseUrl,
    });
    firm = await aFirmWithUsers(ctx, 'Cabinet Code SMS');
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 90_000 })).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  });
  afterAll(async () => {
    await provider.close();
    await ctx.close();
  });

  it('sends the code to the mobile given at sending, never in a mail; once per minute; the evidence says SMS', async () => {
    const { documentId, token, mails } = await aSentProposal({ signerMobile: '06 12 34 56 42' });
    const signer = apiAs(ctx);
    const view = await signer.get(`/public/signing/${token}`);
    expect(view.body.signer.maskedMobile).toBe('06 •• •• •• 42');
    const before = provider.received.length;
    const sent = await signer.post(`/public/signing/${token}/code`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ channel: 'sms', sentTo: '06 •• •• •• 42' });
    expectProblem(await signer.post(`/public/signing/${token}/code`), 429, 'SIGNING.TOO_MANY_REQUESTS');
    expect(provider.received.length).toBe(before + 1);
    const sms = provider.received.at(-1);
    expect(sms?.path).toBe('/v3/transactionalSMS/sms');
    expect(sms?.headers['api-key']).toBe('cle-brevo-de-test');
    expect(sms?.body).toMatchObject({ sender: 'Lettrine', recipient: '33612345642', type: 'transactional' });
    expect((await mails()).some((mail) => mail.kind === 'signature_code')).toBe(false);
    const verified = await signer.post(`/public/signing/${token}/code/verify`, { code: codeOf(sms) });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const signed = await signer.post(`/public/signing/${token}/sign`, {
      consent: true,
      typedName: 'Claire Durand',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    await sealSignedDocument(ctx.deps, { firmId: firm.firmId, documentId });
    const sealed = await ctx.deps.store.read(firm.firmId).documentFiles.find(documentId, 'sealed');
    expect(await flowingText(sealed!.bytes)).toContain(
      'Code de vérification envoyé par SMS au 06 •• •• •• 42',
    );
  });

  it('takes the contact’s mobile by default, and refuses a number that is not a mobile at sending', async () => {
    const { token } = await aSentProposal({ phone: '+33 7 00 00 00 01' });
    const sent = await apiAs(ctx).post(`/public/signing/${token}/code`);
    expect(sent.body).toMatchObject({ channel: 'sms', sentTo: '07 •• •• •• 01' });
    expect(provider.received.at(-1)?.body.recipient).toBe('33700000001');
    const collab = apiAs(ctx, firm.users.collaborateur.headers);
    const engagement = (await collab.get('/engagements')).body.items[0];
    const draft = await aDraft(collab, engagement.id, serviceId);
    const landline = await collab.post(`/documents/${draft.id}/send`, { signerMobile: '04 78 42 17 30' });
    expectProblem(landline, 400, 'REQUEST.VALIDATION_FAILED');
  });

  it('an SMS that fails says so in French, and the signer gets the code by e-mail at once', async () => {
    const { token, mails } = await aSentProposal({ signerMobile: '+33612345699' });
    const signer = apiAs(ctx);
    provider.answerWith(402);
    try {
      const failed = await signer.post(`/public/signing/${token}/code`);
      expectProblem(failed, 503, 'SIGNING.SMS_FAILED');
      expect(failed.body.detail).toMatch(/par e-mail/);
    } finally {
      provider.answerWith(201);
    }
    const byMail = await signer.post(`/public/signing/${token}/code`, { channel: 'email' });
    expect(byMail.status, JSON.stringify(byMail.body)).toBe(200);
    expect(byMail.body.channel).toBe('email');
    const mail = (await mails()).find((m) => m.kind === 'signature_code');
    const code = /\b(\d{6})\b/.exec(mail?.textBody ?? '')?.[1];
    expect((await signer.post(`/public/signing/${token}/code/verify`, { code })).status).toBe(200);
  });

  it('without an SMS provider the code goes by mail, as before', async () => {
    const sms = ctx.deps.sms;
    ctx.deps.sms = undefined;
    try {
      const { token, mails } = await aSentProposal({ signerMobile: '06 12 34 56 42' });
      const count = provider.received.length;
      const sent = await apiAs(ctx).post(`/public/signing/${token}/code`);
      expect(sent.body.channel).toBe('email');
      expect(provider.received.length).toBe(count);
      expect((await mails()).some((mail) => mail.kind === 'signature_code')).toBe(true);
    } finally {
      ctx.deps.sms = sms;
    }
  });
});
