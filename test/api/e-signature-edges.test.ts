import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSigningFollowUp } from '../../src/application/signing/follow-up.ts';
import { ensureSealIdentities } from '../../src/application/signing/seal-identities.ts';
import { runSealJob } from '../../src/application/signing/seal-signed-document.ts';
import { startBackgroundJobs } from '../../src/main.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect as aProspectOf, expectProblem, nextSiren, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { pdfText, plainText } from '../support/pdf.ts';
import { aSigner } from '../support/signing.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/**
 * Issue 4, what goes wrong or waits: refusal with a reason, wrong codes until the lock, an expired
 * code, a cancelled or expired document, reminders on the firm's schedule, and jobs left in the
 * outbox by a stopped process, finished by the next one.
 */
describe(`electronic signature: refusals, locks, expiry, reminders (${databaseKind})`, () => {
  let ctx: TestContext;
  let smtp: SmtpReceiver;
  let firm: FirmSession;
  let collab: Api;
  let serviceId: string;
  let mailboxes = 0;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    ctx = await createTestContext({ smtpUrl: smtp.url, jobs: true, clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    serviceId = (
      await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 120_000, recurrence: 'yearly' })
    ).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  /** A sent proposal to a new client with a mailbox of their own, and that client's link. */
  const aSentProposal = async (options: { validUntil?: string } = {}) => {
    mailboxes += 1;
    const email = `client${mailboxes}@exemple.test`;
    const engagement = await collab.post('/engagements', {
      company: {
        name: `Client ${mailboxes}`,
        legalForm: 'SAS',
        siren: nextSiren(),
        fiscalYearEnd: '12-31',
        activity: 'Commerce',
        addressLine1: '1 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
      },
      signatory: { firstName: 'Claire', lastName: 'Durand', capacity: 'Présidente', email },
    });
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
    const draft = await aDraft(collab, engagement.body.id, serviceId);
    if (options.validUntil) {
      const patched = await collab.patch(`/documents/${draft.id}`, {
        version: draft.version,
        validUntil: options.validUntil,
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    }
    const sent = await send(collab, draft.id);
    const signer = aSigner(ctx, smtp, email);
    return {
      documentId: draft.id,
      number: sent.number,
      signer,
      token: await signer.linkToken(),
      email,
      engagementId: engagement.body.id as string,
    };
  };

  it('refusal with a reason: the document is refused, the responsible is told, the link dies', async () => {
    const { documentId, signer, token, number } = await aSentProposal();
    await signer.verified(token);
    const refused = await signer.api.post(`/public/signing/${token}/refuse`, {
      reason: 'Tarif trop élevé pour nous.',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    const doc = (await collab.get(`/documents/${documentId}`)).body.document;
    expect(doc).toMatchObject({ status: 'refused', refusalReason: 'Tarif trop élevé pour nous.' });
    expect(doc.createdLetterId ?? null).toBeNull();
    const told = await smtp.waitForMail(
      (mail) => /refus/i.test(mail.subject ?? '') && (mail.text ?? '').includes(number),
    );
    expect(told.text).toContain('Tarif trop élevé pour nous.');
    expectProblem(await signer.api.get(`/public/signing/${token}`), 404, 'SIGNING.LINK_INVALID');
  });

  it('a signature past the deadline is refused before the sweep has run, through the link and on paper', async () => {
    const byLink = await aSentProposal({ validUntil: '2026-12-05' });
    const onPaper = await aSentProposal({ validUntil: '2026-12-05' });
    try {
      // 6 December in Paris: past the end of the proposals' last day, and no sweep has run.
      ctx.clock.set('2026-12-05T23:30:00Z');
      await byLink.signer.verified(byLink.token);
      expectProblem(
        await byLink.signer.sign(byLink.token, 'Claire Durand'),
        422,
        'DOCUMENT.SIGNING_DEADLINE_PASSED',
      );
      const paper = await collab.post(`/documents/${onPaper.documentId}/signatures`, {
        side: 'client',
        method: 'paper',
      });
      expectProblem(paper, 422, 'DOCUMENT.SIGNING_DEADLINE_PASSED');
      for (const id of [byLink.documentId, onPaper.documentId])
        expect((await collab.get(`/documents/${id}`)).body.document.status).toBe('sent');
      // The sweep then records what the refusals already said.
      await runSigningFollowUp(ctx.deps);
      for (const id of [byLink.documentId, onPaper.documentId])
        expect((await collab.get(`/documents/${id}`)).body.document.status).toBe('expired');
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
    }
  });

  it('five wrong codes lock the link; the firm sends a new link that works', async () => {
    const { documentId, signer, token } = await aSentProposal();
    await signer.api.get(`/public/signing/${token}`);
    const code = await signer.requestCode(token);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const res = await signer.api.post(`/public/signing/${token}/code/verify`, { code: wrong });
      expectProblem(res, 422, 'SIGNING.CODE_INVALID');
      expect(res.body.details.attemptsLeft).toBe(5 - attempt);
    }
    expectProblem(
      await signer.api.post(`/public/signing/${token}/code/verify`, { code: wrong }),
      423,
      'SIGNING.LOCKED',
    );
    // Locked for good: even the right code now meets the neutral answer.
    expectProblem(
      await signer.api.post(`/public/signing/${token}/code/verify`, { code }),
      404,
      'SIGNING.LINK_INVALID',
    );
    const signing = (await collab.get(`/documents/${documentId}/signing`)).body;
    expect(signing.requests[0]).toMatchObject({ side: 'client', status: 'locked' });
    const resent = await collab.post(`/documents/${documentId}/signing/client/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    const fresh = await signer.linkToken();
    await signer.verified(fresh);
    expect((await signer.sign(fresh, 'Claire Durand')).body.documentStatus).toBe('signed');
  });

  it('a link resent to a corrected address revokes the one sent to the wrong person, page and PDF', async () => {
    const wrong = await aSentProposal();
    const engagement = (await collab.get(`/engagements/${wrong.engagementId}`)).body.engagement;
    const contact = (await collab.get(`/companies/${engagement.companyId}`)).body.contacts[0];
    mailboxes += 1;
    const corrected = `client${mailboxes}@exemple.test`;
    const patched = await collab.patch(`/contacts/${contact.id}`, {
      version: contact.version,
      email: corrected,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const resent = await collab.post(`/documents/${wrong.documentId}/signing/client/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ signerEmail: corrected });
    expectProblem(await wrong.signer.api.get(`/public/signing/${wrong.token}`), 404, 'SIGNING.LINK_INVALID');
    expectProblem(
      await wrong.signer.api.get(`/public/signing/${wrong.token}/pdf`),
      404,
      'SIGNING.LINK_INVALID',
    );
    const rightSigner = aSigner(ctx, smtp, corrected);
    const fresh = await rightSigner.linkToken();
    await rightSigner.verified(fresh);
    expect((await rightSigner.sign(fresh, 'Claire Durand')).body.documentStatus).toBe('signed');
  });

  it('a link resent to the same address leaves the first one working: the mail was lost, not misdirected', async () => {
    const { documentId, signer, token } = await aSentProposal();
    const resent = await collab.post(`/documents/${documentId}/signing/client/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    await signer.linkToken();
    expect((await signer.api.get(`/public/signing/${token}`)).status).toBe(200);
  });

  it('a code expires after ten minutes, and a new one is not sent twice within a minute', async () => {
    const { signer, token } = await aSentProposal();
    const code = await signer.requestCode(token);
    expectProblem(await signer.api.post(`/public/signing/${token}/code`), 429, 'SIGNING.TOO_MANY_REQUESTS');
    ctx.clock.set('2026-11-29T09:11:00Z');
    try {
      expectProblem(
        await signer.api.post(`/public/signing/${token}/code/verify`, { code }),
        422,
        'SIGNING.CODE_EXPIRED',
      );
      // Signing without a verified code is refused whatever the body says.
      expectProblem(await signer.sign(token, 'Claire Durand'), 422, 'SIGNING.CODE_REQUIRED');
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
    }
  });

  it('a cancelled document: its link gets the neutral answer, like an unknown one', async () => {
    const { documentId, signer, token } = await aSentProposal();
    const cancelled = await collab.post(`/documents/${documentId}/cancel`, { reason: 'Erreur de tarif' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const dead = await signer.api.get(`/public/signing/${token}`);
    const unknown = await signer.api.get(`/public/signing/${'x'.repeat(43)}`);
    expectProblem(dead, 404, 'SIGNING.LINK_INVALID');
    expect(unknown.body).toEqual({ ...dead.body, instance: unknown.body.instance });
  });

  it('reminders on the firm’s schedule (3 and 7 days), each once, with a new link beside the first; expiry stops them', async () => {
    const { documentId, signer, token, number } = await aSentProposal({ validUntil: '2026-12-10' });
    const reminder = new RegExp(`Rappel.*${number}`);
    try {
      ctx.clock.set('2026-12-01T09:00:00Z');
      expect(await runSigningFollowUp(ctx.deps)).toMatchObject({ reminded: 0 });
      ctx.clock.set('2026-12-02T09:05:00Z');
      expect((await runSigningFollowUp(ctx.deps)).reminded).toBeGreaterThanOrEqual(1);
      expect((await runSigningFollowUp(ctx.deps)).reminded).toBe(0);
      const second = await signer.linkToken(reminder);
      expect(second).not.toBe(token);
      for (const link of [token, second])
        expect((await signer.api.get(`/public/signing/${link}`)).status).toBe(200);
      ctx.clock.set('2026-12-06T10:00:00Z');
      await runSigningFollowUp(ctx.deps);
      await signer.linkToken(/Rappel n°\s2/);
      expect((await collab.get(`/documents/${documentId}/signing`)).body.requests[0].remindersSent).toBe(2);
      // The validity date has passed: the proposal expires, its links die, no third reminder.
      ctx.clock.set('2026-12-11T09:00:00Z');
      const { expired } = await runSigningFollowUp(ctx.deps);
      expect(expired).toBeGreaterThanOrEqual(1);
      expect((await collab.get(`/documents/${documentId}`)).body.document.status).toBe('expired');
      expectProblem(await signer.api.get(`/public/signing/${second}`), 404, 'SIGNING.LINK_INVALID');
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
    }
  });

  it('a letter unsigned after the last day of the firm’s signing period expires, that day included', async () => {
    const associe = apiAs(ctx, firm.users.associe.headers);
    const settings = (await associe.get('/firm')).body;
    expect(settings).toMatchObject({ signatureReminderDays: [3, 7], signingPeriodDays: 30 });
    const patched = await associe.patch('/firm', { version: settings.version, signingPeriodDays: 10 });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const { engagementId } = await aSentProposal();
    const letter = await aDraft(collab, engagementId, serviceId, 'engagement_letter');
    await send(collab, letter.id);
    try {
      // Sent on 29/11 at 10:00 (Paris): the mail names 09/12 as the last day, the whole of it.
      ctx.clock.set('2026-12-09T22:30:00Z');
      await runSigningFollowUp(ctx.deps);
      expect((await collab.get(`/documents/${letter.id}`)).body.document.status).toBe('sent');
      ctx.clock.set('2026-12-09T23:00:01Z');
      await runSigningFollowUp(ctx.deps);
      expect((await collab.get(`/documents/${letter.id}`)).body.document.status).toBe('expired');
    } finally {
      ctx.clock.set('2026-11-29T09:00:00Z');
      const now = (await associe.get('/firm')).body;
      await associe.patch('/firm', { version: now.version, signingPeriodDays: 30 });
    }
  });
});

describe(`the firm's side of signature (${databaseKind})`, () => {
  it('the associé signs from the product: the firm’s link is used up, the evidence keeps their address and browser', async () => {
    const smtp = await startSmtpReceiver();
    const ctx = await createTestContext({ smtpUrl: smtp.url, jobs: true });
    try {
      const firm = await aFirmWithUsers(ctx);
      const collab = apiAs(ctx, firm.users.collaborateur.headers);
      const associe = apiAs(ctx, { ...firm.users.associe.headers, 'user-agent': 'Poste du cabinet' });
      const service = await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 90_000 });
      await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
      expect(await ensureSealIdentities(ctx.deps)).toBe(1);
      expect(await ensureSealIdentities(ctx.deps)).toBe(0);
      const engagement = await collab.post('/engagements', {
        company: {
          name: 'Pharmacie Lenoir',
          legalForm: 'SELARL',
          siren: nextSiren(),
          fiscalYearEnd: '06-30',
          activity: 'Officine',
          addressLine1: '8 cours Lafayette',
          postalCode: '69003',
          city: 'Lyon',
        },
        responsibleUserId: firm.users.associe.id,
        signatory: {
          firstName: 'Anne',
          lastName: 'Lenoir',
          capacity: 'Gérante',
          email: 'anne@pharmacie-lenoir.test',
        },
      });
      const letter = await aDraft(collab, engagement.body.id, service.id, 'engagement_letter');
      await send(collab, letter.id);
      const requests = (await collab.get(`/documents/${letter.id}/signing`)).body.requests;
      expect(requests.map((r: { side: string; status: string }) => [r.side, r.status])).toEqual([
        ['client', 'pending'],
        ['firm', 'pending'],
      ]);
      // In the product, an electronic signature is the associé's own: never the client's, never for another.
      const misuse = [
        { side: 'client', method: 'electronic' },
        { side: 'firm', method: 'electronic', signatoryName: 'Autre Associé' },
      ];
      for (const body of misuse)
        expectProblem(
          await associe.post(`/documents/${letter.id}/signatures`, body),
          400,
          'REQUEST.VALIDATION_FAILED',
        );
      // The associé's own link: the firm does not refuse its own document through it.
      const associeSigner = aSigner(ctx, smtp, firm.users.associe.email);
      const token = await associeSigner.linkToken();
      await associeSigner.verified(token);
      expectProblem(
        await associeSigner.api.post(`/public/signing/${token}/refuse`, { reason: 'Non' }),
        422,
        'SIGNING.FIRM_CANNOT_REFUSE',
      );
      const signed = await associe.post(`/documents/${letter.id}/signatures`, {
        side: 'firm',
        method: 'electronic',
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(201);
      // Their link now says the document is signed on their side, the client's signature awaited.
      expect((await associe.get(`/public/signing/${token}`)).body).toMatchObject({
        state: 'signed',
        sealedCopy: 'awaiting_signatures',
      });
      expectProblem(await associe.post(`/public/signing/${token}/code`), 404, 'SIGNING.LINK_INVALID');
      const client = aSigner(ctx, smtp, 'anne@pharmacie-lenoir.test');
      const clientToken = await client.linkToken();
      await client.verified(clientToken);
      expect((await client.sign(clientToken, 'Anne Lenoir')).body.documentStatus).toBe('signed');
      await ctx.drainJobs();
      const sealed = await collab.download(`/documents/${letter.id}/signed-pdf`);
      expect(sealed.status).toBe(200);
      const text = plainText(await pdfText(sealed.bytes));
      expect(text).toContain('Poste du cabinet');
      expect(text).toContain('Navigateur de anne@pharmacie-lenoir.test');
    } finally {
      await ctx.close();
      await smtp.close();
    }
  });
});

describe(`the outbox, with no mail server (${databaseKind})`, () => {
  it('a signer’s link or code is withheld from all but an associé, and each reading is in the history', async () => {
    const ctx = await createTestContext();
    try {
      const firm = await aFirmWithUsers(ctx);
      const collab = apiAs(ctx, firm.users.collaborateur.headers);
      const reader = apiAs(ctx, firm.users.lecture.headers);
      const associe = apiAs(ctx, firm.users.associe.headers);
      const service = await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 50_000 });
      await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
      const engagement = await collab.post('/engagements', {
        company: {
          name: 'Garage Petit',
          legalForm: 'SARL',
          siren: nextSiren(),
          fiscalYearEnd: '12-31',
          activity: 'Garage',
          addressLine1: '5 rue Royale',
          postalCode: '69001',
          city: 'Lyon',
        },
        signatory: {
          firstName: 'Jean',
          lastName: 'Petit',
          capacity: 'Gérant',
          email: 'jean@garage-petit.test',
        },
      });
      const draft = await aDraft(collab, engagement.body.id, service.id);
      await send(collab, draft.id);
      const [mail] = (await collab.get(`/mails?documentId=${draft.id}`)).body.items;
      expect(mail).toMatchObject({ kind: 'signature_request', status: 'outbox' });
      for (const api of [collab, reader]) {
        expect((await api.get(`/mails/${mail.id}`)).body).toMatchObject({
          bodyWithheld: true,
          textBody: null,
          htmlBody: null,
        });
      }
      const opened = (await associe.get(`/mails/${mail.id}`)).body;
      expect(opened.bodyWithheld).toBe(false);
      expect(opened.textBody).toContain('/signer/');
      const history = await ctx.deps.store.read(firm.firmId).events.listByDocument(draft.id);
      expect(history.filter((event) => event.type === 'document.signing_mail_read')).toHaveLength(1);
    } finally {
      await ctx.close();
    }
  });
});

describe(`a seal that fails (${databaseKind})`, () => {
  it('is recorded on its last attempt, shown to the firm, and sealed again on request', async () => {
    const ctx = await createTestContext();
    try {
      const firm = await aFirmWithUsers(ctx);
      const collab = apiAs(ctx, firm.users.collaborateur.headers);
      const service = await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 50_000 });
      await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
      const engagement = await aProspectOf(collab, 'Fromagerie Blanc');
      const draft = await aDraft(collab, engagement.id, service.id);
      await send(collab, draft.id);
      expect((await collab.post(`/documents/${draft.id}/signatures`, { side: 'client' })).status).toBe(201);
      const job = { firmId: firm.firmId, documentId: draft.id };
      // A damaged certificate: the real sealer fails on it.
      ctx.deps.settings.sealIdentity = {
        privateKeyPkcs8: new Uint8Array([1, 2, 3]),
        certificateDer: new Uint8Array([4, 5, 6]),
        commonName: 'Certificat abîmé',
      };
      await expect(runSealJob(ctx.deps, job, { final: false })).rejects.toThrow();
      await runSealJob(ctx.deps, job, { final: true });
      const failed = (await collab.get(`/documents/${draft.id}/signing`)).body;
      expect(failed.sealedCopy).toBeNull();
      expect(failed.sealFailure?.message).toBeTruthy();
      // The certificate mended, the firm asks again: the job is queued and seals.
      ctx.deps.settings.sealIdentity = undefined;
      expect((await collab.post(`/documents/${draft.id}/signing/seal`)).status).toBe(202);
      const queued = await ctx.database.executeSql(
        `SELECT name, data FROM job_outbox WHERE data->>'documentId' = $1`,
        [draft.id],
      );
      expect(queued.rows.map((row) => row.name)).toContain('document.seal');
      await runSealJob(ctx.deps, job, { final: false });
      const sealed = (await collab.get(`/documents/${draft.id}/signing`)).body;
      expect(sealed.sealedCopy).not.toBeNull();
      expect(sealed.sealFailure).toBeNull();
    } finally {
      await ctx.close();
    }
  });
});

describe(`background jobs survive a stopped process (${databaseKind})`, () => {
  it('a signature committed while no worker runs is sealed and mailed by the next process', async () => {
    const smtp = await startSmtpReceiver();
    const ctx = await createTestContext({ smtpUrl: smtp.url, jobs: false, database: 'fresh' });
    try {
      const firm = await aFirmWithUsers(ctx);
      const collab = apiAs(ctx, firm.users.collaborateur.headers);
      const service = await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 50_000 });
      await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
      const engagement = await collab.post('/engagements', {
        company: {
          name: 'Atelier Roux',
          legalForm: 'SARL',
          siren: nextSiren(),
          fiscalYearEnd: '12-31',
          activity: 'Menuiserie',
          addressLine1: '3 rue Garibaldi',
          postalCode: '69006',
          city: 'Lyon',
        },
        signatory: { firstName: 'Luc', lastName: 'Roux', capacity: 'Gérant', email: 'luc@atelier-roux.test' },
      });
      const draft = await aDraft(collab, engagement.body.id, service.id);
      await send(collab, draft.id);
      // No worker: the mail waits in the outbox table, nothing reached the SMTP server.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.mails).toHaveLength(0);
      const queue = await startBackgroundJobs(
        { deps: ctx.deps, jobsEnqueued: { notify: () => {} } },
        ctx.database,
        {
          pollingIntervalSeconds: 0.5,
          retryDelaySeconds: 1,
        },
      );
      try {
        const signer = aSigner(ctx, smtp, 'luc@atelier-roux.test');
        const token = await signer.linkToken();
        await signer.verified(token);
        // The mail server refuses the next mail once (the signed copy): the job retries it.
        smtp.failNext(1);
        expect((await signer.sign(token, 'Luc Roux')).status).toBe(200);
        const copy = await signer.nextMail(/exemplaire signé/);
        expect(copy.attachments).toHaveLength(1);
        await queue.drain();
        expect((await collab.get(`/documents/${draft.id}/signing`)).body.sealedCopy).not.toBeNull();
        const mails = (await collab.get(`/mails?documentId=${draft.id}`)).body.items as {
          kind: string;
          status: string;
          attempts: number;
        }[];
        expect(mails.find((mail) => mail.kind === 'signed_copy')).toMatchObject({
          status: 'sent',
          attempts: 2,
        });
        // Delivered mails that carried a link or a code keep no body: the link works only from the mailbox.
        const request = mails.find((mail) => mail.kind === 'signature_request') as unknown as { id: string };
        expect((await collab.get(`/mails/${request.id}`)).body).toMatchObject({
          status: 'sent',
          textBody: null,
          htmlBody: null,
        });
      } finally {
        await queue.stop();
      }
    } finally {
      await ctx.close();
      await smtp.close();
    }
  });
});
