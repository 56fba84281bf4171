import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService } from '../builders/catalogue.ts';
import { aDraft, expectProblem, nextSiren } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { drawnText, pdfText } from '../support/pdf.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';

const CLIENT_EMAIL = 'paul.martin@boulangerie-martin.test';

/**
 * Issue 18: « Envoyer » is deliberate. The dialog shows who receives what before confirming (the
 * send preview), and the sender's personal message reaches the client's invitation, escaped.
 */
describe('sending with a personal message', () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let collab: Api;
  let associe: Api;
  let serviceId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    associe = apiAs(ctx, firm.users.associe.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 120_000 })).id;
  });
  afterAll(() => ctx.close());

  const aProposal = async (email: string | null = CLIENT_EMAIL) => {
    const res = await collab.post('/engagements', {
      company: {
        name: 'Boulangerie Martin',
        legalForm: 'SARL',
        siren: nextSiren(),
        fiscalYearEnd: '12-31',
        addressLine1: '12 rue Paul Bert',
        postalCode: '69003',
        city: 'Lyon',
      },
      responsibleUserId: firm.users.associe.id,
      signatory: { firstName: 'Paul', lastName: 'Martin', capacity: 'Gérant', ...(email ? { email } : {}) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return aDraft(collab, res.body.id, serviceId);
  };

  it('previews the recipients and the invitation with the message, before anything is sent', async () => {
    const draft = await aProposal();
    const res = await collab.post(`/documents/${draft.id}/send-preview`, {
      message: 'À très vite <b>Paul</b>',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.recipients).toEqual([
      { side: 'client', name: 'Paul Martin', email: CLIENT_EMAIL, byEmail: true },
    ]);
    expect(res.body.mail.to).toBe(`Paul Martin <${CLIENT_EMAIL}>`);
    expect(res.body.mail.subject).toContain('à signer');
    expect(res.body.mail.text).toContain('À très vite <b>Paul</b>');
    expect(res.body.mail.text).toContain('numéro attribué à l’envoi');
    const still = await collab.get(`/documents/${draft.id}`);
    expect(still.body.document.status).toBe('draft');
  });

  it('says a signatory without an address signs on paper, and previews no mail', async () => {
    const draft = await aProposal(null);
    const res = await collab.post(`/documents/${draft.id}/send-preview`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.recipients).toEqual([
      { side: 'client', name: 'Paul Martin', email: null, byEmail: false },
    ]);
    expect(res.body.mail).toBeNull();
  });

  it('quotes the message in the client’s invitation, escaped in its HTML', async () => {
    const draft = await aProposal();
    const res = await collab.post(`/documents/${draft.id}/send`, {
      version: draft.version,
      message: 'Voici notre offre <script>alert(1)</script> & à bientôt.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // A mail carrying a signing link is read by an associé only (firm-signing readMail).
    const [mail] = (await associe.get(`/mails?documentId=${draft.id}`)).body.items;
    const opened = (await associe.get(`/mails/${mail.id}`)).body;
    expect(opened.textBody).toContain('Message de');
    expect(opened.textBody).toContain('Voici notre offre <script>alert(1)</script> & à bientôt.');
    expect(opened.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; à bientôt.');
    expect(opened.htmlBody).not.toContain('<script>');
  });

  it('shows the PDF as the sending will freeze it: no « PROJET », the number it will get, the same text', async () => {
    const draft = await aProposal();
    const asSent = await collab.download(`/documents/${draft.id}/pdf?as=sent&version=${draft.version}`);
    expect(asSent.status, Buffer.from(asSent.bytes).toString()).toBe(200);
    expect(asSent.headers['cache-control']).toBe('no-store');
    const previewed = await pdfText(asSent.bytes);
    expect((await drawnText(asSent.bytes)).replace(/\s/g, '')).not.toContain('PROJET');
    const number = /OS-2026-\d{4}/.exec(previewed)?.[0];
    expect(number, previewed).toBeDefined();
    // The plain preview keeps its watermark and no number; nothing was drawn by looking.
    const plain = (await collab.download(`/documents/${draft.id}/pdf`)).bytes;
    expect((await drawnText(plain)).replace(/\s/g, '')).toContain('PROJET');
    expect(await pdfText(plain)).not.toContain(number as string);
    const sent = await collab.post(`/documents/${draft.id}/send`, { version: draft.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.number).toBe(number);
    const frozen = await collab.download(`/documents/${draft.id}/pdf`);
    expect(await pdfText(frozen.bytes)).toBe(previewed);
    // Once sent, `as=sent` answers the frozen bytes themselves.
    const after = await collab.download(`/documents/${draft.id}/pdf?as=sent`);
    expect(Buffer.from(after.bytes).equals(Buffer.from(frozen.bytes))).toBe(true);
  });

  it('refuses a message over 2 000 characters in French, and sends nothing', async () => {
    const draft = await aProposal();
    const res = await collab.post(`/documents/${draft.id}/send`, {
      version: draft.version,
      message: 'x'.repeat(2001),
    });
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('Message personnel trop long');
    expect((await collab.get(`/documents/${draft.id}`)).body.document.status).toBe('draft');
  });
});
