import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aService } from '../builders/catalogue.ts';
import { aDraft, expectProblem, nextSiren, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { pdfInfo, plainText } from '../support/pdf.ts';
import { aSigner, codeIn } from '../support/signing.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../support/smtp.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  refreshSessions,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

/** The text of one page, laid out as a reader sees it (pdftotext -layout -f n -l n). */
const pageText = async (pdf: Uint8Array, page: number): Promise<string> => {
  const folder = await mkdtemp(join(tmpdir(), 'lettrine-trail-'));
  const file = join(folder, 'copy.pdf');
  await writeFile(file, pdf);
  try {
    return await new Promise((resolve, reject) =>
      execFile(
        'pdftotext',
        ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'],
        (error, stdout) => (error ? reject(error) : resolve(plainText(stdout))),
      ),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

/** The evidence: every page from the one that opens « Dossier de preuve » to the last. */
const evidenceText = async (pdf: Uint8Array): Promise<{ text: string; pages: string[] }> => {
  const count = Number((await pdfInfo(pdf)).Pages);
  const pages: string[] = [];
  for (let page = count; page >= 1; page -= 1) {
    const text = await pageText(pdf, page);
    pages.unshift(text);
    if (text.includes('Dossier de preuve de signature électronique')) break;
  }
  return { text: pages.join('\n'), pages };
};

/** Where each phrase first appears after the previous one: -1 when it is missing or out of order. */
const positionsInOrder = (text: string, phrases: string[]): number[] => {
  let from = 0;
  return phrases.map((phrase) => {
    const at = text.indexOf(phrase, from);
    if (at >= 0) from = at + phrase.length;
    return at;
  });
};

/**
 * Issue 15, items 4 and 7: the evidence page lists every step of the signature in time order under
 * the transaction's id, and the signer's link keeps giving the sealed copy after signing, until the
 * firm's number of days has passed.
 */
describe(`the signature trail and the signer's access after signing (${databaseKind})`, () => {
  let ctx: TestContext;
  let smtp: SmtpReceiver;
  let firm: FirmSession;
  let collab: Api;
  let serviceId: string;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    ctx = await createTestContext({ smtpUrl: smtp.url, jobs: true, clock: '2026-11-29T09:00:00Z' });
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 90_000 })).id;
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  const aSentProposal = async (email: string, name: string, [firstName, lastName]: [string, string]) => {
    const engagement = await collab.post('/engagements', {
      company: {
        name,
        legalForm: 'SARL',
        siren: nextSiren(),
        fiscalYearEnd: '12-31',
        activity: 'Commerce',
        addressLine1: '3 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
      },
      responsibleUserId: firm.users.associe.id,
      signatory: { firstName, lastName, capacity: 'Gérant', email },
    });
    expect(engagement.status, JSON.stringify(engagement.body)).toBe(201);
    const draft = await aDraft(collab, engagement.body.id, serviceId);
    return send(collab, draft.id);
  };

  it('the evidence page: invitation, two openings, the PDF read, a wrong code, consent word for word, signature, seal', async () => {
    const signer = aSigner(ctx, smtp, 'lucie.bernard@fleurs-bernard.test');
    const sent = await aSentProposal('lucie.bernard@fleurs-bernard.test', 'Fleurs Bernard', [
      'Lucie',
      'Bernard',
    ]);
    const token = await signer.linkToken();
    ctx.clock.set('2026-11-29T09:05:00Z');
    expect((await signer.api.get(`/public/signing/${token}`)).body).toMatchObject({
      state: 'open',
      consent: { version: 1, text: 'J’ai lu le document et j’accepte de le signer électroniquement' },
    });
    ctx.clock.set('2026-11-29T09:12:00Z');
    await signer.api.get(`/public/signing/${token}`);
    expect((await signer.api.download(`/public/signing/${token}/pdf`)).status).toBe(200);
    ctx.clock.set('2026-11-29T09:14:00Z');
    const sentCode = await signer.api.post(`/public/signing/${token}/code`);
    expect(sentCode.status).toBe(200);
    const code = codeIn(await signer.nextMail(/code/i));
    const wrong = code === '000000' ? '111111' : '000000';
    ctx.clock.set('2026-11-29T09:15:00Z');
    expectProblem(
      await signer.api.post(`/public/signing/${token}/code/verify`, { code: wrong }),
      422,
      'SIGNING.CODE_INVALID',
    );
    ctx.clock.set('2026-11-29T09:16:00Z');
    expect((await signer.api.post(`/public/signing/${token}/code/verify`, { code })).status).toBe(200);
    ctx.clock.set('2026-11-29T09:17:00Z');
    expect((await signer.sign(token, 'Lucie Bernard')).status).toBe(200);

    // While the seal is being made, the link says so and the copy is not there yet.
    expect((await signer.api.get(`/public/signing/${token}`)).body).toMatchObject({
      state: 'signed',
      sealedCopy: 'preparing',
      signer: { name: 'Lucie Bernard' },
    });
    expectProblem(
      await signer.api.get(`/public/signing/${token}/signed-copy`),
      409,
      'SIGNING.COPY_NOT_READY',
    );
    await ctx.drainJobs();

    const sealed = await collab.download(`/documents/${sent.id}/signed-pdf`);
    const { text: evidence, pages } = await evidenceText(sealed.bytes);
    expect(evidence).toContain(`Identifiant de transaction : ${sent.id}`);
    // The transaction's id on every page of the evidence.
    for (const page of pages) expect(page).toContain(`Transaction ${sent.id}`);
    expect(evidence).toContain('http://lettrine.test/verifier');
    expect(evidence).toContain('Certificat de scellement Cabinet Dupré & Associés');
    const journal = evidence.slice(evidence.indexOf('Journal des événements (heure de Paris)'));
    // Each row: the event, then the second line of its date (the time), in time order.
    const order = positionsInOrder(journal, [
      'Invitation à signer envoyée',
      '10:00:00',
      'Lien de signature ouvert',
      '10:05:00',
      'Lien de signature ouvert',
      '10:12:00',
      'Document envoyé affiché ou',
      '10:12:00',
      'Code à usage unique envoyé',
      '10:14:00',
      'Code erroné saisi',
      '10:15:00',
      'Code vérifié',
      '10:16:00',
      'Consentement donné',
      '10:17:00',
      'Document signé par lien',
      '10:17:00',
      'Exemplaire signé scellé',
    ]);
    expect(
      order.every((at) => at >= 0),
      `${order.join(',')}\n${journal}`,
    ).toBe(true);
    // The consent's exact words, whatever the table's wrapping.
    for (const piece of [
      'Consentement donné : « J’ai lu le',
      'document et j’accepte de le signer',
      'électroniquement » (version 1)',
    ])
      expect(journal).toContain(piece);
    expect(evidence).not.toContain('n’a jamais ouvert le document');

    // The firm reads the same trail on the document's page.
    const trail = await collab.get(`/documents/${sent.id}/signing/trail`);
    expect(trail.status, JSON.stringify(trail.body)).toBe(200);
    expect(trail.body.transactionId).toBe(sent.id);
    expect(trail.body.events.map((e: { type: string }) => e.type)).toEqual([
      'invitation_sent',
      'link_opened',
      'link_opened',
      'document_viewed',
      'code_sent',
      'code_failed',
      'code_verified',
      'consent_given',
      'signed',
      // Opened once more after signing, while the copy was being sealed.
      'link_opened',
      'sealed',
    ]);
    expect(trail.body.events[7].data).toEqual({
      version: 1,
      wording: 'J’ai lu le document et j’accepte de le signer électroniquement',
    });
    // The certificate's fingerprint on the page is the one recorded with the seal.
    const fingerprint = String(trail.body.events[10].data.certificateSha256);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(evidence).toContain(`${fingerprint.slice(0, 16)} ${fingerprint.slice(16, 32)}`);
    expect(trail.body.events[1]).toMatchObject({
      ip: '127.0.0.1',
      userAgent: 'Navigateur de lucie.bernard@fleurs-bernard.test',
    });

    // After signing, the link gives the sealed copy: the very bytes, not cached, and traced.
    expect((await signer.api.get(`/public/signing/${token}`)).body).toMatchObject({
      state: 'signed',
      sealedCopy: 'ready',
      signedAt: '2026-11-29T09:17:00.000Z',
      accessUntil: '2027-02-27T09:17:00.000Z',
    });
    const copy = await signer.api.download(`/public/signing/${token}/signed-copy`);
    expect(copy.status).toBe(200);
    expect(Buffer.from(copy.bytes).equals(Buffer.from(sealed.bytes))).toBe(true);
    expect(String(copy.headers['cache-control'])).toContain('no-store');
    expect(String(copy.headers['content-disposition'])).toMatch(/^attachment;/);
    const after = await collab.get(`/documents/${sent.id}/signing/trail`);
    expect(after.body.events.at(-1)).toMatchObject({
      type: 'signed_copy_downloaded',
      signerName: 'Lucie Bernard',
    });

    // 90 days by default; after them, a French refusal that says whom to ask.
    ctx.clock.set('2027-02-27T09:18:00Z');
    const ended = await signer.api.get(`/public/signing/${token}`);
    expectProblem(ended, 410, 'SIGNING.ACCESS_ENDED');
    expect(ended.body.detail ?? ended.body.title).toMatch(/adressez-vous au cabinet/);
    expect(ended.body.details?.firm).toMatchObject({ name: 'Cabinet Dupré & Associés' });
    expectProblem(await signer.api.get(`/public/signing/${token}/signed-copy`), 410, 'SIGNING.ACCESS_ENDED');

    // The firm sets a longer access: the link gives the copy again.
    await refreshSessions(ctx, firm);
    const associe = apiAs(ctx, firm.users.associe.headers);
    const settings = (await associe.get('/firm')).body;
    expect(settings.signedCopyAccessDays).toBe(90);
    const patched = await associe.patch('/firm', { version: settings.version, signedCopyAccessDays: 365 });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await signer.api.get(`/public/signing/${token}`)).body).toMatchObject({ state: 'signed' });
    await associe.patch('/firm', { version: patched.body.version, signedCopyAccessDays: 90 });
    ctx.clock.set('2026-11-29T09:00:00Z');
    await refreshSessions(ctx, firm);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
  });

  it('a signer who never opened the document is flagged on the evidence page', async () => {
    const signer = aSigner(ctx, smtp, 'hugo.petit@garage-petit.test');
    const sent = await aSentProposal('hugo.petit@garage-petit.test', 'Garage Petit', ['Hugo', 'Petit']);
    const token = await signer.linkToken();
    await signer.verified(token);
    expect((await signer.sign(token, 'Hugo Petit')).status).toBe(200);
    await ctx.drainJobs();
    const sealed = await collab.download(`/documents/${sent.id}/signed-pdf`);
    const text = (await evidenceText(sealed.bytes)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Hugo Petit n’a jamais ouvert le document');
  });
});
