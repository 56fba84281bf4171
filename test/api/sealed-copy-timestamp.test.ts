import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from '../../src/adapters/signing/sealer.ts';
import { createTimestampClient } from '../../src/adapters/signing/timestamp-client.ts';
import { runSealJob } from '../../src/application/signing/seal-signed-document.ts';
import { aService, aTermsVersion } from '../builders/catalogue.ts';
import { aDraft, aProspect, send } from '../builders/through-api.ts';
import { type Api, apiAs } from '../support/api-client.ts';
import { flowingText } from '../support/pdf.ts';
import { pdfsig } from '../support/signing.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';
import { startTsaServer, type TsaServer } from '../support/tsa-server.ts';

/**
 * Issue 15, items 1 and 2, through the seal job: with TSA_URL the sealed copy carries the sent PDF
 * and the authority's token over it (attachments pdfdetach extracts), says the authority's time and
 * name, and its seal is timestamped; an authority that is down fails the job, which is retried and,
 * on its last attempt, recorded; without an authority the page says the times are the server's.
 */

const run = (command: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command}: ${stderr}`)) : resolve(stdout),
    ),
  );

describe(`the sealed copy with a timestamping authority (${databaseKind})`, () => {
  let ctx: TestContext;
  let tsa: TsaServer;
  let firm: FirmSession;
  let collab: Api;
  let serviceId: string;
  let dir: string;

  beforeAll(async () => {
    [ctx, tsa, dir] = await Promise.all([
      createTestContext(),
      startTsaServer(),
      mkdtemp(join(tmpdir(), 'lettrine-sealed-')),
    ]);
    firm = await aFirmWithUsers(ctx);
    collab = apiAs(ctx, firm.users.collaborateur.headers);
    serviceId = (await aService(ctx, firm.firmId, firm.users.associe.id, { priceCents: 50_000 })).id;
    await aTermsVersion(ctx, firm.firmId, { version: 1, effectiveFrom: '2025-01-01' });
  });
  afterAll(async () => {
    await Promise.all([ctx.close(), tsa.close(), rm(dir, { recursive: true, force: true })]);
  });

  const withAuthority = (on: boolean) => {
    ctx.deps.timestamps = on ? createTimestampClient({ url: tsa.url }) : undefined;
    ctx.deps.sealer = createSealer(on ? { timestamp: { url: tsa.url } } : {});
  };

  /** A proposal sent and signed on paper by the client: signed, its seal job not run yet. */
  const aSignedProposal = async (name: string) => {
    const engagement = await aProspect(collab, name);
    const draft = await aDraft(collab, engagement.id, serviceId);
    await send(collab, draft.id);
    expect((await collab.post(`/documents/${draft.id}/signatures`, { side: 'client' })).status).toBe(201);
    return { firmId: firm.firmId, documentId: draft.id };
  };
  const filesOf = async (documentId: string) => {
    const reader = ctx.deps.store.read(firm.firmId);
    return {
      frozen: await reader.documentFiles.find(documentId, 'frozen'),
      sealed: await reader.documentFiles.find(documentId, 'sealed'),
      doc: await reader.documents.find(documentId),
    };
  };

  it('carries the sent PDF and its token, says the authority’s time and name, and is timestamped', async () => {
    withAuthority(true);
    const job = await aSignedProposal('Boulangerie Horodatée');
    await runSealJob(ctx.deps, job, { final: false });
    const { frozen, sealed, doc } = await filesOf(job.documentId);
    const path = join(dir, 'sealed.pdf');
    await writeFile(path, sealed!.bytes);

    const report = await pdfsig(sealed!.bytes);
    console.log(report);
    console.log(await run('pdfdetach', ['-list', path]));
    expect(report).toContain('Signature Validation: Signature is Valid.');
    const listed = await run('pdfdetach', ['-list', path]);
    expect(listed).toMatch(/2 embedded files\n1: OS-\d{4}-\d{4}-envoye\.pdf\n2: OS-\d{4}-\d{4}-envoye\.tst/);
    await run('pdfdetach', ['-saveall', '-o', dir, path]);
    const name = /1: (\S+)/.exec(listed)![1]!;
    const sent = await readFile(join(dir, name));
    // The bytes the client read: the frozen copy's, whose SHA-256 was recorded when it was sent.
    expect(createHash('sha256').update(sent).digest('hex')).toBe(doc!.frozen!.pdfSha256);
    expect(Buffer.from(sent).equals(Buffer.from(frozen!.bytes))).toBe(true);
    const verified = await run('openssl', [
      'ts',
      '-verify',
      '-data',
      join(dir, name),
      '-in',
      join(dir, name.replace('.pdf', '.tst')),
      '-token_in',
      '-CAfile',
      join(tsa.dir, 'root.pem'),
    ]);
    expect(verified).toContain('Verification: OK');

    const text = await flowingText(sealed!.bytes);
    // The fields' labels and values come out in two columns: each is looked for on its own.
    expect(text).toContain('Exemplaire envoyé, joint au présent fichier');
    expect(text).toContain(`${name} (${sent.length.toLocaleString('fr-FR').replace(/\s/g, ' ')} octets`);
    expect(text).toContain('Horodatage de l’exemplaire envoyé');
    expect(text).toMatch(
      /\d\d\/\d\d\/\d{4} à \d\d:\d\d:\d\d \(heure de Paris\), par l’autorité d’horodatage « Horodatage de test, TSA 127\.0\.0\.1 » \(jeton RFC 3161 joint : OS-\d{4}-\d{4}-envoye\.tst\)/,
    );
    expect(text).not.toContain('horloge du serveur');
    // Two tokens: one over the sent PDF (evidence page), one over the seal's signature (PAdES-B-T).
    expect(tsa.requests).toBe(2);
  });

  it('keeps the signature when the authority is down: the job fails, is retried, and its last failure is recorded', async () => {
    withAuthority(true);
    const job = await aSignedProposal('Fromagerie Sans Horloge');
    tsa.failing = true;
    try {
      await expect(runSealJob(ctx.deps, job, { final: false })).rejects.toThrow(/horodatage/i);
      await runSealJob(ctx.deps, job, { final: true });
    } finally {
      tsa.failing = false;
    }
    const before = await filesOf(job.documentId);
    expect(before.sealed).toBeUndefined();
    expect(before.doc!.status).toBe('signed');
    const events = await ctx.deps.store.read(firm.firmId).events.listByDocument(job.documentId);
    const failed = events.find((event) => event.type === 'document.seal_failed');
    expect(failed?.data).toMatchObject({ message: 'Horodatage refusé : l’autorité répond HTTP 503.' });
    // The authority back, the firm asks again: sealed, timestamped.
    expect((await collab.post(`/documents/${job.documentId}/signing/seal`)).status).toBe(202);
    await runSealJob(ctx.deps, job, { final: false });
    const after = await filesOf(job.documentId);
    expect(await pdfsig(after.sealed!.bytes)).toContain('Signature Validation: Signature is Valid.');
  });

  it('says the times are the server’s clock without an authority, and still carries the sent PDF', async () => {
    withAuthority(false);
    const requests = tsa.requests;
    const job = await aSignedProposal('Menuiserie Sans Autorité');
    await runSealJob(ctx.deps, job, { final: false });
    const { sealed } = await filesOf(job.documentId);
    const text = await flowingText(sealed!.bytes);
    expect(text).toContain('Source de l’heure');
    expect(text).toContain('horloge du serveur Lettrine (aucune autorité d’horodatage)');
    expect(text).not.toContain('Horodatage de l’exemplaire envoyé');
    const path = join(dir, 'plain.pdf');
    await writeFile(path, sealed!.bytes);
    expect(await run('pdfdetach', ['-list', path])).toMatch(/^1 embedded files\n1: OS-/);
    expect(tsa.requests).toBe(requests);
  });
});
