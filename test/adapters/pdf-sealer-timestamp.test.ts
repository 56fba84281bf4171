import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { vriKey } from '../../src/adapters/signing/dss.ts';
import { createPdfSealer } from '../../src/adapters/signing/pdf-sealer.ts';
import { createSelfSignedIdentity, type SealIdentity } from '../../src/adapters/signing/seal-identity.ts';
import { createTimestampClient, TimestampError } from '../../src/adapters/signing/timestamp-client.ts';
import { lastSignatureContents } from '../../src/adapters/signing/validation-data.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import { pdfText } from '../support/pdf.ts';
import { startTsaServer, type TsaServer } from '../support/tsa-server.ts';

/**
 * Issue 15, items 1 and 2, at the adapter: the seal is a certification signature (DocMDP 2), carries
 * an RFC 3161 signature timestamp from an authority on 127.0.0.1 (PAdES-B-T) and, in an incremental
 * update, its validation data (DSS: B-LT); the sealed copy can carry the sent PDF (PDF/A-3 /AF).
 * Checked with pdfsig, pdfdetach and `openssl ts -verify`, as an auditor would.
 */

const FIRM = 'Cabinet Dupré & Associés';
const TOKEN_OID = '1.2.840.113549.1.9.16.2.14';

const run = (command: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(
      command,
      args,
      { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
      (error, stdout, stderr) =>
        error && !stdout ? reject(new Error(`${command}: ${stderr}`)) : resolve(stdout),
    ),
  );

const signerInfoOf = (contents: Uint8Array): pkijs.SignerInfo => {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(contents).result });
  return new pkijs.SignedData({ schema: info.content }).signerInfos[0]!;
};

describe('the seal with a timestamping authority (PAdES-B-T, B-LT, DocMDP)', () => {
  const at = new Date('2026-11-29T09:00:00Z');
  const meta = { reason: 'Lettre de mission signée', name: FIRM, location: 'Lyon', at };
  let dir: string;
  let tsa: TsaServer;
  let identity: SealIdentity;
  let original: Uint8Array;
  const file = async (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lettrine-seal-tsa-'));
    tsa = await startTsaServer();
    identity = await createSelfSignedIdentity({ commonName: FIRM, organization: 'Dupré SAS', at });
    original = (await createPdfRenderer().render(documentContent(aDocumentFacts()), { at })).bytes;
  });
  afterAll(async () => {
    await tsa.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('timestamps the signature value: pdfsig finds it valid, openssl ts verifies the token against the authority', async () => {
    const before = new Date(Date.now() - 2_000);
    const sealed = await createPdfSealer(identity, { timestamp: { url: tsa.url } }).seal(original, meta);
    const report = await run('pdfsig', [await file('bt.pdf', sealed)]);
    console.log(report);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${FIRM}`);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');

    const signerInfo = signerInfoOf(lastSignatureContents(sealed));
    const attribute = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === TOKEN_OID);
    expect(attribute, 'id-aa-signatureTimeStampToken').toBeDefined();
    const token = new Uint8Array(attribute!.values[0]!.toBER(false));
    const signedToken = new pkijs.SignedData({
      schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(token).result }).content,
    });
    const tstInfo = pkijs.TSTInfo.fromBER(signedToken.encapContentInfo.eContent!.getValue());
    expect(tstInfo.genTime.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(tstInfo.genTime.getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
    // The imprint is the SHA-256 of the signature value, as RFC 3161 appendix A says.
    const signatureValue = signerInfo.signature.valueBlock.valueHexView;
    const digest = createHash('sha256').update(signatureValue).digest('hex');
    expect(Buffer.from(tstInfo.messageImprint.hashedMessage.getValue()).toString('hex')).toBe(digest);
    const verified = await run('openssl', [
      'ts',
      '-verify',
      '-digest',
      digest,
      '-in',
      await file('token.tst', token),
      '-token_in',
      '-CAfile',
      join(tsa.dir, 'root.pem'),
    ]);
    expect(verified).toContain('Verification: OK');
    const printed = await run('openssl', [
      'ts',
      '-reply',
      '-in',
      join(dir, 'token.tst'),
      '-token_in',
      '-text',
    ]);
    expect(printed).toMatch(/Time stamp: .* GMT/);
    expect(printed).toContain('TSA 127.0.0.1');
  });

  it('is a certification signature (DocMDP, P 2) and appends its validation data as a DSS after it', async () => {
    const sealed = await createPdfSealer(identity, { timestamp: { url: tsa.url } }).seal(original, meta);
    const doc = await PDFDocument.load(sealed);
    const signature = doc.catalog.lookup(PDFName.of('Perms'), PDFDict).lookup(PDFName.of('DocMDP'), PDFDict);
    const reference = signature.lookup(PDFName.of('Reference'), PDFArray).lookup(0, PDFDict);
    expect(reference.get(PDFName.of('TransformMethod'))).toBe(PDFName.of('DocMDP'));
    const params = reference.lookup(PDFName.of('TransformParams'), PDFDict);
    expect(params.lookup(PDFName.of('P'), PDFNumber).asNumber()).toBe(2);

    const dss = doc.catalog.lookup(PDFName.of('DSS'), PDFDict);
    // The seal's certificate, the authority's and its root; the root's CRL, fetched from the address in the TSA's certificate.
    expect(dss.lookup(PDFName.of('Certs'), PDFArray).size()).toBe(3);
    expect(dss.lookup(PDFName.of('CRLs'), PDFArray).size()).toBe(1);
    const vri = dss.lookup(PDFName.of('VRI'), PDFDict);
    expect(vri.keys().map(String)).toEqual([`/${vriKey(lastSignatureContents(sealed))}`]);

    // The signed revision ends at its %%EOF; after it, only the DSS update (one more revision).
    const text = Buffer.from(sealed).toString('latin1');
    const [, , , third, fourth] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)/.exec(text)!.map(Number);
    const signedEnd = third! + fourth!;
    expect(text.slice(signedEnd - 6, signedEnd)).toMatch(/%%EOF\s?$/);
    const update = text.slice(signedEnd);
    expect(update).toContain('/Type /DSS');
    expect(update).toContain(`/Prev ${/startxref\s+(\d+)/.exec(text.slice(signedEnd - 40, signedEnd))![1]}`);
    expect(update.match(/ obj\n/g)).toHaveLength(6); // 3 certificates, 1 CRL, the DSS, the catalog
    const report = await run('pdfsig', [await file('lt.pdf', sealed)]);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Not total document signed');
    expect(await pdfText(sealed)).toBe(await pdfText(original));
  });

  it('without an authority stays PAdES-B-B: no token, no DSS, the whole file signed', async () => {
    const sealed = await createPdfSealer(identity).seal(original, meta);
    expect(signerInfoOf(lastSignatureContents(sealed)).unsignedAttrs).toBeUndefined();
    const doc = await PDFDocument.load(sealed);
    expect(doc.catalog.has(PDFName.of('DSS'))).toBe(false);
    expect(doc.catalog.has(PDFName.of('Perms'))).toBe(true);
    const report = await run('pdfsig', [await file('bb.pdf', sealed)]);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('fails the seal in French when the authority is down, so that the job tries again', async () => {
    tsa.failing = true;
    try {
      const sealing = createPdfSealer(identity, { timestamp: { url: tsa.url } }).seal(original, meta);
      await expect(sealing).rejects.toThrow(TimestampError);
      await expect(sealing).rejects.toThrow('Horodatage refusé : l’autorité répond HTTP 503.');
    } finally {
      tsa.failing = false;
    }
    const closed = createTimestampClient({ url: 'http://127.0.0.1:9/tsa', timeoutMs: 2_000 });
    await expect(closed.stamp(original)).rejects.toThrow(/^Autorité d’horodatage injoignable/);
  });

  it('refuses a replayed answer: its nonce, or its imprint, is not the one asked', async () => {
    const first = await fetch(tsa.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: await readFile(await file('q.tsq', await openSslQuery(dir, original))),
    });
    const replay = new Uint8Array(await first.arrayBuffer());
    const replayer = createServer((_, response) => response.end(replay));
    await new Promise<void>((resolve) => replayer.listen(0, '127.0.0.1', resolve));
    try {
      const client = createTimestampClient({
        url: `http://127.0.0.1:${(replayer.address() as AddressInfo).port}/`,
      });
      await expect(client.stamp(original)).rejects.toThrow(
        'Horodatage refusé : nonce différent de celui envoyé.',
      );
      await expect(client.stamp(new Uint8Array([1]))).rejects.toThrow(
        'Horodatage refusé : empreinte différente de celle demandée.',
      );
    } finally {
      await new Promise((resolve) => replayer.close(resolve));
    }
  });

  it('the bench’s in-process stand-in answers tokens that openssl ts verifies as well', async () => {
    const standIn = await startTsaServer({ engine: 'in-process' });
    try {
      const stamped = await createTimestampClient({ url: standIn.url }).stamp(original);
      const verified = await run('openssl', [
        'ts',
        '-verify',
        '-data',
        await file('original.pdf', original),
        '-in',
        await file('in-process.tst', stamped.token),
        '-token_in',
        '-CAfile',
        join(standIn.dir, 'root.pem'),
      ]);
      expect(verified).toContain('Verification: OK');
      expect(stamped.authority).toBe('Horodatage de test, TSA 127.0.0.1');
    } finally {
      await standIn.close();
    }
  });

  it('embeds the sent PDF as a PDF/A-3 associated file that pdfdetach extracts byte for byte', async () => {
    const rendered = await createPdfRenderer().render(documentContent(aDocumentFacts()), {
      at,
      attachments: [
        {
          name: 'LM-2026-0001-envoye.pdf',
          bytes: original,
          mimeType: 'application/pdf',
          description: 'Exemplaire envoyé',
          relationship: 'Source',
          createdAt: at,
        },
      ],
    });
    const sealed = await createPdfSealer(identity, { timestamp: { url: tsa.url } }).seal(
      rendered.bytes,
      meta,
    );
    const path = await file('with-source.pdf', sealed);
    expect(await run('pdfdetach', ['-list', path])).toContain('1: LM-2026-0001-envoye.pdf');
    await run('pdfdetach', ['-save', '1', '-o', join(dir, 'extracted.pdf'), path]);
    const extracted = await readFile(join(dir, 'extracted.pdf'));
    expect(createHash('sha256').update(extracted).digest('hex')).toBe(
      createHash('sha256').update(original).digest('hex'),
    );
    const doc = await PDFDocument.load(sealed);
    const associated = doc.catalog.lookup(PDFName.of('AF'), PDFArray).lookup(0, PDFDict);
    expect(associated.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Source'));
    const xmp = Buffer.from(sealed).toString('latin1');
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(await run('pdfsig', [path])).toContain('Signature Validation: Signature is Valid.');
  });
});

/** A query made by the openssl CLI (with its own nonce), for the replay test. */
const openSslQuery = async (dir: string, data: Uint8Array): Promise<Uint8Array> => {
  const input = join(dir, 'data.bin');
  await writeFile(input, data);
  await run('openssl', [
    'ts',
    '-query',
    '-data',
    input,
    '-sha256',
    '-cert',
    '-out',
    join(dir, 'openssl.tsq'),
  ]);
  return readFile(join(dir, 'openssl.tsq'));
};
