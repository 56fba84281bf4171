import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedIdentity } from '../../src/adapters/signing/seal-identity.ts';
import { sealSignedDocument } from '../../src/application/signing/seal-signed-document.ts';
import { expectProblem } from '../builders/through-api.ts';
import { apiAs } from '../support/api-client.ts';
import { aSentProposalInOutbox } from '../support/outbox-signing.ts';
import { pdfsig } from '../support/signing.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';

/** Issue 15, item 3: a firm seals with the certificate issued for it, imported by an associé. */

const openssl = (args: string[], cwd: string): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile('openssl', args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`openssl ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    ),
  );

const IMPORTED = 'Cabinet Importé';

/** A CA, the firm's certificate it issued (valid `days` from now), exported with its chain. */
const issueFirmCertificate = async (dir: string, name: string, days: number) => {
  await writeFile(join(dir, `${name}.ext`), 'keyUsage=critical,digitalSignature,nonRepudiation\n');
  await openssl(
    [
      'req',
      '-new',
      '-utf8',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
    ].concat(['-subj', `/C=FR/O=${IMPORTED}/organizationIdentifier=NTRFR-812345676/CN=${IMPORTED}`]),
    dir,
  );
  await openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-days',
      String(days),
      '-out',
      `${name}.crt`,
      '-extfile',
      `${name}.ext`,
    ]),
    dir,
  );
  await openssl(
    ['pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.crt`, '-certfile', 'ca.crt'].concat([
      '-passout',
      'pass:mot-de-passe',
      '-out',
      `${name}.p12`,
    ]),
    dir,
  );
};

const base64Of = async (file: string) => (await readFile(file)).toString('base64');

describe('the firm imports its own seal certificate (PKCS#12)', () => {
  let ctx: TestContext;
  let firm: FirmSession;
  let dir: string;
  const p12 = (name: string) => base64Of(join(dir, name));

  beforeAll(async () => {
    // The certificates are made by openssl at the real time: the test's clock is the real time too.
    ctx = await createTestContext({ clock: new Date().toISOString() });
    firm = await aFirmWithUsers(ctx, 'Cabinet Sceau Importé');
    dir = await mkdtemp(join(tmpdir(), 'lettrine-p12-'));
    await openssl(
      [
        'req',
        '-x509',
        '-utf8',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
      ].concat(['-days', '3650', '-subj', '/C=FR/O=Autorité de test/CN=AC de test']),
      dir,
    );
    await issueFirmCertificate(dir, 'firm', 730);
    await issueFirmCertificate(dir, 'short', 1);
    await openssl(['genrsa', '-out', 'other.key', '2048'], dir);
    // A minute after openssl made them: « not before » is the second they were made.
    ctx.clock.set(new Date(Date.now() + 60_000).toISOString());
    // Another key, with the firm's certificate beside it: nothing in the file matches.
    await openssl(
      ['pkcs12', '-export', '-inkey', 'other.key', '-nocerts', '-certfile', 'firm.crt'].concat([
        '-passout',
        'pass:mot-de-passe',
        '-out',
        'mismatch.p12',
      ]),
      dir,
    );
    await openssl(
      [
        'pkcs12',
        '-export',
        '-nokeys',
        '-in',
        'firm.crt',
        '-passout',
        'pass:mot-de-passe',
        '-out',
        'nokey.p12',
      ],
      dir,
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await ctx.close();
  });

  it('the self-signed default names the firm, FR and its SIREN as organizationIdentifier (2.5.4.97)', async () => {
    const read = await apiAs(ctx, firm.users.lecture.headers).get('/firm/seal-identity');
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({
      source: 'self_signed',
      country: 'FR',
      organizationIdentifier: 'NTRFR-812345676',
      selfSigned: true,
      chainLength: 0,
    });
    const stored = await ctx.deps.store.read(firm.firmId).sealIdentity.find();
    await writeFile(join(dir, 'self.der'), stored!.certificateDer);
    const text = await openssl(
      ['x509', '-inform', 'DER', '-in', 'self.der', '-noout', '-text', '-nameopt', 'oneline,-esc_msb'],
      dir,
    );
    expect(text).toMatch(
      /Subject: C ?= ?FR, O ?= ?Cabinet Sceau Importé, organizationIdentifier ?= ?NTRFR-812345676, CN ?= ?Cabinet Sceau Importé/,
    );
  });

  it('a self-signed seal made before it carried FR and the SIREN is made again, once', async () => {
    const scope = ctx.deps.store.read(firm.firmId);
    const old = await createSelfSignedIdentity({ commonName: 'Cabinet Sceau Importé', at: ctx.clock.now() });
    await scope.sealIdentity.replace(old, { source: 'self_signed', issuer: 'CN=x', at: ctx.clock.now() });
    const first = await apiAs(ctx, firm.users.lecture.headers).get('/firm/seal-identity');
    expect(first.body.country).toBe('FR');
    const second = await apiAs(ctx, firm.users.lecture.headers).get('/firm/seal-identity');
    expect(second.body.fingerprintSha256).toBe(first.body.fingerprintSha256);
  });

  it('refuses a collaborateur, a wrong password, a file that is not PKCS#12, no key, a key of another certificate', async () => {
    const associe = apiAs(ctx, firm.users.associe.headers);
    const body = { base64: await p12('firm.p12'), password: 'mot-de-passe' };
    expectProblem(
      await apiAs(ctx, firm.users.collaborateur.headers).put('/firm/seal-identity', body),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await associe.put('/firm/seal-identity', { ...body, password: 'faux' }),
      422,
      'SEAL.WRONG_PASSWORD',
    );
    const garbage = Buffer.from('pas un certificat').toString('base64');
    expectProblem(
      await associe.put('/firm/seal-identity', { ...body, base64: garbage }),
      422,
      'SEAL.FILE_UNREADABLE',
    );
    expectProblem(
      await associe.put('/firm/seal-identity', { ...body, base64: await p12('nokey.p12') }),
      422,
      'SEAL.NO_PRIVATE_KEY',
    );
    const mismatch = await associe.put('/firm/seal-identity', { ...body, base64: await p12('mismatch.p12') });
    expectProblem(mismatch, 422, 'SEAL.KEY_MISMATCH');
    expect(mismatch.body.detail).toMatch(/clé privée/);
    expect((await associe.get('/firm/seal-identity')).body.source).toBe('self_signed');
  });

  it('refuses a certificate not yet valid or expired on the day of the import', async () => {
    const associe = apiAs(ctx, firm.users.associe.headers);
    const body = { base64: await p12('short.p12'), password: 'mot-de-passe' };
    const today = ctx.clock.now().toISOString();
    ctx.clock.advanceDays(-2);
    expectProblem(await associe.put('/firm/seal-identity', body), 422, 'SEAL.CERTIFICATE_NOT_YET_VALID');
    ctx.clock.set(today);
    ctx.clock.advanceDays(3);
    expectProblem(await associe.put('/firm/seal-identity', body), 422, 'SEAL.CERTIFICATE_EXPIRED');
    ctx.clock.set(today);
  });

  it('imports the firm certificate with its chain; it seals the next signed copy, ahead of the install’s', async () => {
    const associe = apiAs(ctx, firm.users.associe.headers);
    const imported = await associe.put('/firm/seal-identity', {
      base64: await p12('firm.p12'),
      password: 'mot-de-passe',
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const fingerprint = await openssl(['x509', '-in', 'firm.crt', '-noout', '-fingerprint', '-sha256'], dir);
    expect(imported.body).toMatchObject({
      source: 'imported',
      commonName: IMPORTED,
      issuer: 'CN=AC de test, O=Autorité de test, C=FR',
      subject: `CN=${IMPORTED}, organizationIdentifier=NTRFR-812345676, O=${IMPORTED}, C=FR`,
      organizationIdentifier: 'NTRFR-812345676',
      fingerprintSha256: fingerprint.trim().split('=')[1],
      chainLength: 1,
      selfSigned: false,
      warnings: [],
    });
    // The install's PKCS#12 seals the firms that imported nothing, not this one.
    ctx.deps.settings.sealIdentity = await createSelfSignedIdentity({
      commonName: 'Installation',
      at: ctx.clock.now(),
    });
    try {
      expect((await associe.get('/firm/seal-identity')).body).toMatchObject({
        source: 'imported',
        chainLength: 1,
      });
      const stored = await ctx.deps.store.read(firm.firmId).sealIdentity.find();
      const caDer = await openssl(['x509', '-in', 'ca.crt', '-outform', 'DER', '-out', 'ca.der'], dir).then(
        () => readFile(join(dir, 'ca.der')),
      );
      expect(stored?.chainDer?.map((der) => Buffer.from(der).toString('hex'))).toEqual([
        caDer.toString('hex'),
      ]);
      const { documentId, token } = await aSentProposalInOutbox(ctx, firm);
      const signer = apiAs(ctx);
      await signer.get(`/public/signing/${token}`);
      expect((await signer.post(`/public/signing/${token}/code`)).status).toBe(200);
      const mails = await ctx.deps.store.read(firm.firmId).mails.list({ documentId, page: 1, pageSize: 20 });
      const code = /\b(\d{6})\b/.exec(
        mails.items.find((m) => m.kind === 'signature_code')?.textBody ?? '',
      )?.[1];
      expect((await signer.post(`/public/signing/${token}/code/verify`, { code })).status).toBe(200);
      const signed = await signer.post(`/public/signing/${token}/sign`, {
        consent: true,
        typedName: 'Claire Durand',
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      await sealSignedDocument(ctx.deps, { firmId: firm.firmId, documentId });
      const sealed = await ctx.deps.store.read(firm.firmId).documentFiles.find(documentId, 'sealed');
      const report = await pdfsig(sealed!.bytes);
      expect(report).toContain(`Signer Certificate Common Name: ${IMPORTED}`);
      expect(report).toContain('Signature Validation: Signature is Valid.');
    } finally {
      ctx.deps.settings.sealIdentity = undefined;
    }
  });

  it('goes back to a self-signed seal made anew, in the firm’s name', async () => {
    const associe = apiAs(ctx, firm.users.associe.headers);
    const back = await associe.delete('/firm/seal-identity');
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({
      source: 'self_signed',
      commonName: 'Cabinet Sceau Importé',
      country: 'FR',
    });
    const stored = await ctx.deps.store.read(firm.firmId).sealIdentity.find();
    expect(stored?.source).toBe('self_signed');
  });
});
