import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractSignature } from '@signpdf/utils';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { createPdfSealer } from '../../src/adapters/signing/pdf-sealer.ts';
import {
  createSelfSignedIdentity,
  readPkcs12,
  type SealIdentity,
} from '../../src/adapters/signing/seal-identity.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { pdfInfo, pdfText } from '../support/pdf.ts';

/** Checked with the real tools a reader or an auditor would use: poppler's pdfsig and the openssl CLI. */

const FIRM = 'Cabinet Dupré & Associés';
const P12_UNREADABLE =
  'Fichier PKCS#12 illisible ou mot de passe incorrect : vérifiez SEAL_P12_PATH et SEAL_P12_PASSWORD.';
const OID = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const run = (command: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    // TZ=UTC: pdfsig prints the signing time in local time.
    execFile(
      command,
      args,
      { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
      (error, stdout, stderr) =>
        // pdfsig exits non-zero when a signature does not verify: its report is what the tests read.
        error && !stdout ? reject(new Error(`${command}: ${stderr}`)) : resolve(stdout),
    ),
  );

/**
 * A command line: the literal text split on spaces, each interpolated value one argument as it is
 * (`sh\`openssl req -subj ${subject}\`` keeps "Cabinet Dupré & Associés" whole, with no shell).
 */
const sh = (parts: TemplateStringsArray, ...values: string[]): Promise<string> => {
  const args = parts.flatMap((part, i) => [...part.split(/\s+/).filter(Boolean), ...values.slice(i, i + 1)]);
  return run(args[0]!, args.slice(1));
};

describe('the PDF seal (PAdES-B-B with pkijs, checked by pdfsig and openssl)', () => {
  const at = new Date('2026-11-29T09:00:00Z');
  const meta = { reason: 'Lettre de mission signée – l’œuvre (2026)', name: FIRM, location: 'Lyon', at };
  let dir: string;
  let identity: SealIdentity;
  let original: Uint8Array;

  const pdfFile = async (pdf: Uint8Array): Promise<string> => {
    const file = join(dir, `${createHash('sha256').update(pdf).digest('hex')}.pdf`);
    await writeFile(file, pdf);
    return file;
  };
  const pdfsig = async (pdf: Uint8Array): Promise<string> => run('pdfsig', [await pdfFile(pdf)]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lettrine-seal-'));
    identity = await createSelfSignedIdentity({ commonName: FIRM, organization: 'Dupré SAS', at });
    original = (await createPdfRenderer().render(documentContent(aDocumentFacts()), { at })).bytes;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('seals a letter that pdfsig finds valid, signed by the firm, as ETSI.CAdES.detached, text untouched', async () => {
    const sealer = createPdfSealer(identity);
    const sealed = await sealer.seal(original, meta);
    const report = await pdfsig(sealed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${FIRM}`);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Time: Nov 29 2026 09:00:00');
    expect(report).toContain('Total document signed');
    expect(await pdfText(sealed)).toBe(await pdfText(original));
    // pdf-lib keeps the producer and dates pdfkit wrote (updateMetadata: false).
    expect(await pdfInfo(sealed)).toMatchObject({
      Producer: 'Lettrine',
      Creator: 'Lettrine',
      Pages: (await pdfInfo(original)).Pages,
    });
    expect(sealer.certificate).toEqual({
      commonName: FIRM,
      sha256Fingerprint: createHash('sha256').update(identity.certificateDer).digest('hex'),
      notAfter: new Date('2036-11-29T09:00:00Z'),
    });
    // Same document, clock and key: the same bytes (RSA PKCS#1 v1.5 is deterministic), so a retried job is harmless.
    expect(Buffer.from(await sealer.seal(original, meta)).equals(Buffer.from(sealed))).toBe(true);
  });

  it('writes the reason and the name so that accents, ’ and œ read back as they were given', async () => {
    const sealed = await createPdfSealer(identity).seal(original, meta);
    const doc = await PDFDocument.load(sealed);
    const signature = doc.getForm().getFields()[0]!.acroField.dict.lookup(PDFName.of('V'), PDFDict);
    const text = (key: string) => signature.lookup(PDFName.of(key), PDFString, PDFHexString).decodeText();
    expect(text('Reason')).toBe(meta.reason);
    expect(text('Name')).toBe(FIRM);
    expect(text('Location')).toBe('Lyon');
    expect(text('M')).toBe('D:20261129090000Z');
  });

  it('reports a digest mismatch when one signed byte is changed', async () => {
    const sealed = Buffer.from(await createPdfSealer(identity).seal(original, meta));
    const { ByteRange } = extractSignature(sealed);
    // The first date in the file is the creation date of the Info dictionary, before /Contents.
    const position = sealed.indexOf('D:20261129090000Z') + 'D:2026112909000'.length;
    expect(position).toBeLessThan(ByteRange[1]);
    sealed[position] = '1'.charCodeAt(0);
    expect(await pdfsig(sealed)).toContain('Signature Validation: Digest Mismatch.');
  });

  it('reads a .p12 exported by the openssl CLI and seals with it; a wrong password is refused in French', async () => {
    const [key, cert, p12, legacy] = ['key.pem', 'cert.pem', 'seal.p12', 'legacy.p12'].map((f) =>
      join(dir, f),
    );
    await sh`openssl req -x509 -newkey rsa:2048 -nodes -utf8 -subj ${`/CN=${FIRM}`} -days 365
      -keyout ${key!} -out ${cert!}`;
    await sh`openssl pkcs12 -export -inkey ${key!} -in ${cert!} -passout pass:mot-de-passé -out ${p12!}`;
    const fromP12 = await readPkcs12(await readFile(p12!), 'mot-de-passé');
    expect(fromP12.commonName).toBe(FIRM);
    expect(fromP12.chainDer).toEqual([]);
    const report = await pdfsig(await createPdfSealer(fromP12).seal(original, meta));
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${FIRM}`);

    await expect(readPkcs12(await readFile(p12!), 'mauvais')).rejects.toThrow(P12_UNREADABLE);
    await expect(readPkcs12(original, 'mot-de-passé')).rejects.toThrow(P12_UNREADABLE);
    // -legacy encrypts the certificate with RC2, which neither WebCrypto nor Node's OpenSSL 3 offers.
    await sh`openssl pkcs12 -export -legacy -inkey ${key!} -in ${cert!} -passout pass:x -out ${legacy!}`;
    await expect(readPkcs12(await readFile(legacy!), 'x')).rejects.toThrow(
      /réexportez-le avec OpenSSL 3 sans -legacy/,
    );
  });

  it('seals with the CA chain of a bought .p12: pdfsig, trusting only the root, finds the seal trusted', async () => {
    const file = (name: string) => join(dir, `chain-${name}`);
    await writeFile(
      file('ext.cnf'),
      '[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' +
        'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' +
        '[seal]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' +
        'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
    );
    const key = (name: string) => file(`${name}.key`);
    const csr = (name: string) => file(`${name}.csr`);
    const crt = (name: string) => file(`${name}.crt`);
    const request = (name: string, subject: string) =>
      sh`openssl req -new -newkey rsa:2048 -nodes -utf8 -subj ${subject} -keyout ${key(name)} -out ${csr(name)}`;
    const issue = (name: string, issuer: string, section: string, serial: string) =>
      sh`openssl x509 -req -in ${csr(name)} -CA ${crt(issuer)} -CAkey ${key(issuer)} -set_serial ${serial}
        -days 365 -extfile ${file('ext.cnf')} -extensions ${section} -out ${crt(name)}`;
    await sh`openssl req -x509 -newkey rsa:2048 -nodes -utf8 -days 3650 -subj ${'/O=Autorité de test/CN=Racine de test'}
      -addext basicConstraints=critical,CA:TRUE -keyout ${key('root')} -out ${crt('root')}`;
    await request('intermediate', '/O=Autorité de test/CN=Autorité intermédiaire de test');
    await issue('intermediate', 'root', 'ca', '2');
    await request('leaf', `/O=${FIRM}/CN=${FIRM}`);
    await issue('leaf', 'intermediate', 'seal', '3');
    // The root first on purpose: the order of the .p12 is not the order of the path.
    const [rootPem, intermediatePem] = await Promise.all([
      readFile(crt('root')),
      readFile(crt('intermediate')),
    ]);
    await writeFile(file('chain.pem'), Buffer.concat([rootPem, intermediatePem]));
    await sh`openssl pkcs12 -export -inkey ${key('leaf')} -in ${crt('leaf')} -certfile ${file('chain.pem')}
      -passout pass:mot-de-passé -out ${file('seal.p12')}`;

    const der = (pem: Buffer) => new Uint8Array(new X509Certificate(pem).raw);
    const bought = await readPkcs12(await readFile(file('seal.p12')), 'mot-de-passé');
    expect(bought.commonName).toBe(FIRM);
    expect(bought.certificateDer).toEqual(der(await readFile(crt('leaf'))));
    expect(bought.chainDer).toEqual([der(intermediatePem), der(rootPem)]);

    const sealed = Buffer.from(await createPdfSealer(bought).seal(original, meta));
    const { signature, signedData: signedBytes } = extractSignature(sealed);
    const signedData = new pkijs.SignedData({
      schema: pkijs.ContentInfo.fromBER(Buffer.from(signature, 'binary')).content,
    });
    expect(signedData.certificates?.map((c) => new Uint8Array(c.toSchema().toBER(false)))).toEqual([
      bought.certificateDer,
      ...bought.chainDer!,
    ]);

    // A fresh NSS database that trusts the root alone, as a reader's would. pdfsig checks the signer
    // for S/MIME signing, so the root is a trusted CA in the second (S/MIME) field: "C,," is SSL only.
    const nss = `sql:${file('nss')}`;
    await mkdir(file('nss'));
    await sh`certutil -N -d ${nss} --empty-password`;
    await sh`certutil -A -d ${nss} -n root -t C,C, -i ${crt('root')}`;
    const pdfsigTrustingRoot = async (pdf: Uint8Array) => sh`pdfsig -nssdir ${nss} ${await pdfFile(pdf)}`;
    const report = await pdfsigTrustingRoot(sealed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${FIRM}`);
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    // The chain is what makes it so: the same seal without it leaves the reader short of a path.
    const chainless = await createPdfSealer({ ...bought, chainDer: undefined }).seal(original, meta);
    expect(await pdfsigTrustingRoot(chainless)).toContain(
      'Certificate Validation: Certificate issuer is unknown.',
    );

    // openssl agrees, with only the root as its trust anchor: the rest of the path comes from the CMS.
    await writeFile(file('seal.p7s'), Buffer.from(signature, 'binary'));
    await writeFile(file('signed-ranges.bin'), signedBytes);
    await sh`openssl cms -verify -binary -inform DER -in ${file('seal.p7s')} -content ${file('signed-ranges.bin')}
      -CAfile ${crt('root')} -purpose any -out ${file('verified.bin')}`;
  });

  it('signs contentType, messageDigest and signingCertificateV2 only: no signingTime (PAdES-B-B)', async () => {
    const sealed = Buffer.from(await createPdfSealer(identity).seal(original, meta));
    const { signature, signedData: signedBytes } = extractSignature(sealed);
    const cms = Buffer.from(signature, 'binary');
    const contentInfo = pkijs.ContentInfo.fromBER(cms);
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    expect(signedData.certificates).toHaveLength(1);
    const attributes = signedData.signerInfos[0]!.signedAttrs!.attributes;
    expect(attributes.map((a) => a.type).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(attributes.map((a) => a.type)).not.toContain(OID.signingTime);
    const digest = attributes.find((a) => a.type === OID.messageDigest)!.values[0].valueBlock.valueHexView;
    expect(Buffer.from(digest).toString('hex')).toBe(createHash('sha256').update(signedBytes).digest('hex'));
    // SigningCertificateV2 → certs → ESSCertIDv2 → certHash: the SHA-256 of the sealing certificate.
    const ess = attributes.find((a) => a.type === OID.signingCertificateV2)!.values[0];
    const certHash = ess.valueBlock.value[0].valueBlock.value[0].valueBlock.value[0].valueBlock.valueHexView;
    expect(Buffer.from(certHash).toString('hex')).toBe(
      createHash('sha256').update(identity.certificateDer).digest('hex'),
    );
    expect(
      await signedData.verify({ signer: 0, data: new Uint8Array(signedBytes).buffer, checkChain: false }),
    ).toBe(true);

    // And openssl reads the same: its dump names the attribute, and cms -verify accepts the signature.
    const cmsFile = join(dir, 'seal.p7s');
    const contentFile = join(dir, 'signed-ranges.bin');
    await writeFile(cmsFile, cms);
    await writeFile(contentFile, signedBytes);
    const dump = await run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsFile]);
    expect(dump).toContain('id-smime-aa-signingCertificateV2');
    expect(dump).not.toMatch(/signingTime/);
    await run('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-noverify',
      '-inform',
      'DER',
      '-in',
      cmsFile,
      '-content',
      contentFile,
      '-out',
      join(dir, 'verified.bin'),
    ]);
  });
});
