import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/adapters/pdf/pdf-renderer.ts';
import { createPdfVerifier } from '../../src/adapters/signing/pdf-verifier.ts';
import { createSelfSignedIdentity, type SealIdentity } from '../../src/adapters/signing/seal-identity.ts';
import { createSealer } from '../../src/adapters/signing/sealer.ts';
import { documentContent } from '../../src/domain/documents/content/document-content.ts';
import { aDocumentFacts } from '../builders/document-facts.ts';
import {
  addNoteOnFirstPage,
  addValidationData,
  appendUpdate,
  flipSignedByte,
  replaceFirstPageContent,
} from '../support/incremental-update.ts';

const FIRM = 'Cabinet Dupré & Associés';
const at = new Date('2026-11-29T09:00:00Z');

describe('the PDF verifier (the signature checked over its ByteRange, the updates read)', () => {
  const verifier = createPdfVerifier();
  let identity: SealIdentity;
  let original: Uint8Array;
  let sealed: Uint8Array;
  const fingerprint = () => createHash('sha256').update(identity.certificateDer).digest('hex');

  beforeAll(async () => {
    identity = await createSelfSignedIdentity({ commonName: FIRM, organization: FIRM, at });
    original = (await createPdfRenderer().render(documentContent(aDocumentFacts()), { at })).bytes;
    sealed = await createSealer().seal(original, identity, { reason: 'Lettre signée', name: FIRM, at });
  });

  it('finds the seal valid, names its certificate and its time, over the whole file', async () => {
    const { signatures, revisionEnds } = await verifier.inspect(sealed);
    expect(signatures).toEqual([
      {
        kind: 'signature',
        revisionEnd: sealed.length,
        outcome: 'valid',
        certificate: {
          subject: `CN=${FIRM}, O=${FIRM}`,
          commonName: FIRM,
          organization: FIRM,
          sha256Fingerprint: fingerprint(),
        },
        signedAt: at,
        timestamp: null,
      },
    ]);
    expect(revisionEnds.at(-1)).toBe(sealed.length);
    expect(await verifier.changesSince(sealed, sealed.length)).toEqual({
      changes: [],
      validationDataAdded: false,
      documentTimestampsAdded: 0,
    });
  });

  it('says the digest no longer matches when one signed byte changed', async () => {
    const tampered = flipSignedByte(sealed);
    const [signature] = (await verifier.inspect(tampered)).signatures;
    expect(signature).toMatchObject({ outcome: 'digest_mismatch', certificate: { commonName: FIRM } });
  });

  it('says the signature does not verify when the CMS itself was altered', async () => {
    const text = Buffer.from(sealed).toString('latin1');
    const contents = text.indexOf('<', text.indexOf('/Contents')) + 1;
    // The last bytes of the RSA signature, just before the zeros that pad the placeholder.
    const end = text.slice(contents).search(/(00)+>/) + contents;
    const copy = new Uint8Array(sealed);
    copy[end - 3] = copy[end - 3] === 0x30 ? 0x31 : 0x30;
    const [signature] = (await verifier.inspect(copy)).signatures;
    expect(signature?.outcome).toBe('bad_signature');
  });

  it('finds no signature in a PDF that was never sealed', async () => {
    expect((await verifier.inspect(original)).signatures).toEqual([]);
  });

  it('keeps the seal valid under an added note, and says what was added, on which page', async () => {
    const annotated = await addNoteOnFirstPage(sealed);
    const [signature] = (await verifier.inspect(annotated)).signatures;
    expect(signature).toMatchObject({ outcome: 'valid', revisionEnd: sealed.length });
    expect((await verifier.changesSince(annotated, sealed.length)).changes).toEqual([
      { kind: 'annotation_added', page: 1, subtype: 'Text' },
    ]);
  });

  it('tells a page whose content was replaced', async () => {
    const forged = await replaceFirstPageContent(sealed);
    expect((await verifier.changesSince(forged, sealed.length)).changes).toEqual([
      { kind: 'page_content', page: 1, subtype: null },
    ]);
  });

  it('takes validation data appended in a /DSS (PAdES-B-LT) for no change', async () => {
    const longTerm = await addValidationData(sealed, identity.certificateDer);
    expect(await verifier.changesSince(longTerm, sealed.length)).toEqual({
      changes: [],
      validationDataAdded: true,
      documentTimestampsAdded: 0,
    });
  });

  it('tells metadata rewritten and bytes glued after the last %%EOF', async () => {
    const number = Number(/\/Info (\d+) 0 R/.exec(Buffer.from(sealed).toString('latin1'))?.[1]);
    const retitled = await appendUpdate(sealed, [{ number, body: '<< /Title (Autre titre) >>' }]);
    expect((await verifier.changesSince(retitled, sealed.length)).changes).toEqual([
      { kind: 'metadata', page: null, subtype: null },
    ]);
    const glued = new Uint8Array(Buffer.concat([Buffer.from(sealed), Buffer.from('garbage')]));
    expect((await verifier.changesSince(glued, sealed.length)).changes).toEqual([
      { kind: 'appended_data', page: null, subtype: null },
    ]);
    const newline = new Uint8Array(Buffer.concat([Buffer.from(sealed), Buffer.from('\r\n')]));
    expect((await verifier.changesSince(newline, sealed.length)).changes).toEqual([]);
  });
});
