import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealIdentities } from '../../src/adapters/db/schema/index.ts';
import { protectSealKeys } from '../../src/adapters/db/seal-identity-store.ts';
import { createStore } from '../../src/adapters/db/store.ts';
import { createKeyring, UnknownSecretsKeyError } from '../../src/adapters/security/envelope.ts';
import { createSecrets } from '../../src/adapters/security/secrets.ts';
import { createFirm } from '../../src/application/firms/create-firm.ts';
import {
  SCRUBBED,
  scrubDeadSecretMails,
  scrubSecrets,
} from '../../src/application/signing/scrub-secret-mails.ts';
import { signatureCodeMail, signatureRequestMail } from '../../src/domain/signing/mail-content.ts';
import { aSentProposalInOutbox } from '../support/outbox-signing.ts';
import {
  aFirmWithUsers,
  createTestContext,
  type FirmSession,
  type TestContext,
} from '../support/test-app.ts';
import { databaseKind } from '../support/test-database.ts';

const aKey = () => randomBytes(32).toString('base64');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('envelope encryption (the keyring)', () => {
  it('seals with a data key of its own, wrapped by the master key, bound to its context', () => {
    const keyring = createKeyring({ current: aKey() });
    const secret = new Uint8Array(randomBytes(64));
    const sealed = keyring.seal(secret, 'seal-identity|a');
    expect(text(sealed)).toMatch(new RegExp(`^enc:v1:${keyring.currentKeyId}:`));
    expect(text(sealed)).not.toContain(text(secret));
    expect(keyring.open(sealed, 'seal-identity|a')).toEqual(secret);
    // Copied into another row, it does not open.
    expect(() => keyring.open(sealed, 'seal-identity|b')).toThrow();
    // Another master key opens nothing of it.
    expect(() => createKeyring({ current: aKey() }).open(sealed, 'seal-identity|a')).toThrow(
      UnknownSecretsKeyError,
    );
  });

  it('a rotation re-wraps the data key under the new key, the previous one read meanwhile', () => {
    const [oldKey, newKey] = [aKey(), aKey()];
    const secret = new Uint8Array(randomBytes(48));
    const sealed = createKeyring({ current: oldKey }).seal(secret, 'ctx');
    const rotated = createKeyring({ current: newKey, previous: [oldKey] });
    expect(rotated.open(sealed, 'ctx')).toEqual(secret);
    expect(rotated.needsRewrap(sealed)).toBe(true);
    const rewrapped = rotated.rewrap(sealed, 'ctx');
    expect(rotated.needsRewrap(rewrapped)).toBe(false);
    // The secret's own ciphertext is unchanged: only its data key was wrapped anew.
    expect(text(rewrapped).split(':').at(-1)).toBe(text(sealed).split(':').at(-1));
    expect(createKeyring({ current: newKey }).open(rewrapped, 'ctx')).toEqual(secret);
  });

  it('derives the server keys from the master key: another SECRETS_KEY, another HMAC', () => {
    const key = aKey();
    expect(createKeyring({ current: key }).derive('server-hmac')).toEqual(
      createKeyring({ current: key }).derive('server-hmac'),
    );
    expect(createKeyring({ current: key }).derive('server-hmac')).not.toEqual(
      createKeyring({ current: aKey() }).derive('server-hmac'),
    );
  });
});

describe('what the outbox keeps of a link or a code', () => {
  const firm = { name: 'Cabinet Dupré', addressLine: null, phone: null, email: null, accentColor: null };
  const document = { kindLabel: 'offre de service', number: 'OS-2026-0001', title: '' };

  it('scrubs the link token and the code from both bodies, and nothing else', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd';
    const link = signatureRequestMail({
      firm,
      document,
      signerName: 'Claire Durand',
      link: `https://lettrine.cabinet.fr/signer/${token}`,
      deadline: null,
      side: 'client',
    });
    const code = signatureCodeMail({
      firm,
      document,
      signerName: 'Claire Durand',
      code: '482913',
      validMinutes: 10,
    });
    for (const body of [link.text, link.html]) {
      expect(body).toContain(token);
      const scrubbed = scrubSecrets(body);
      expect(scrubbed).not.toContain(token);
      expect(scrubbed).toContain(`/signer/${SCRUBBED}`);
      expect(scrubbed).toContain('OS-2026-0001');
    }
    for (const body of [code.text, code.html]) {
      expect(body).toContain('482913');
      const scrubbed = scrubSecrets(body);
      expect(scrubbed).not.toContain('482913');
      expect(scrubbed).toContain(SCRUBBED);
      expect(scrubbed).toContain('OS-2026-0001');
    }
  });
});

/**
 * Issue 20, item 16: seal private keys were stored in clear, the signing code's hash was keyed by
 * the request's id (in the same row), and the outbox kept working links and codes for ever.
 */
describe(`secrets at rest (${databaseKind})`, () => {
  let ctx: TestContext;
  let firm: FirmSession;
  beforeAll(async () => {
    // protectSealKeys and the scrub read every firm: a database of this suite's own.
    ctx = await createTestContext({ database: 'fresh' });
    firm = await aFirmWithUsers(ctx);
  });
  afterAll(() => ctx.close());

  const storedKeyOf = async (firmId: string) => {
    const [row] = await ctx.database.db
      .select({ key: sealIdentities.privateKeyPkcs8 })
      .from(sealIdentities)
      .where(eq(sealIdentities.firmId, firmId));
    if (!row) throw new Error('no seal identity');
    return row.key;
  };

  const aFirm = async () =>
    (
      await createFirm(ctx.deps, {
        slug: `cle-${randomUUID().slice(0, 8)}`,
        clientCodePrefix: 'CLI',
        identity: { name: 'Cabinet Martel' },
        users: [],
      })
    ).firm.id;

  it('a seal key is stored encrypted, and read back as it was', async () => {
    const firmId = await aFirm();
    const identity = await ctx.deps.sealer.createIdentity({
      commonName: 'Cabinet Martel',
      at: ctx.clock.now(),
    });
    const kept = await ctx.deps.store.read(firmId).sealIdentity.insertIfAbsent(identity, ctx.clock.now());
    expect(kept.privateKeyPkcs8).toEqual(identity.privateKeyPkcs8);
    const stored = await storedKeyOf(firmId);
    expect(text(stored)).toMatch(/^enc:v1:/);
    expect(text(stored)).not.toContain(text(identity.privateKeyPkcs8.subarray(0, 64)));
  });

  it('a key stored in clear before still loads, and is encrypted at the next start; a rotation re-wraps it', async () => {
    const firmId = await aFirm();
    const plain = new Uint8Array([0x30, ...randomBytes(120)]);
    await ctx.database.db.insert(sealIdentities).values({
      firmId,
      privateKeyPkcs8: plain,
      certificateDer: new Uint8Array([0x30, 1, 2, 3]),
      commonName: 'Cabinet Martel',
      createdAt: ctx.clock.now(),
    });
    expect((await ctx.deps.store.read(firmId).sealIdentity.find())?.privateKeyPkcs8).toEqual(plain);

    // The next start, SECRETS_KEY set for the first time.
    const [first, second] = [aKey(), aKey()];
    const started = await protectSealKeys(ctx.database.db, createKeyring({ current: first }));
    expect(started.encrypted).toBeGreaterThanOrEqual(1);
    expect(text(await storedKeyOf(firmId))).toMatch(/^enc:v1:/);
    const firstStore = createStore(ctx.database, { keyring: createKeyring({ current: first }) });
    expect((await firstStore.read(firmId).sealIdentity.find())?.privateKeyPkcs8).toEqual(plain);
    // Run again, nothing left to do.
    expect(await protectSealKeys(ctx.database.db, createKeyring({ current: first }))).toMatchObject({
      encrypted: 0,
      rewrapped: 0,
    });

    // Rotation: the new key current, the old one previous, then `lettrine secrets rotate`.
    const during = createKeyring({ current: second, previous: [first] });
    expect(
      (await createStore(ctx.database, { keyring: during }).read(firmId).sealIdentity.find())
        ?.privateKeyPkcs8,
    ).toEqual(plain);
    const rotated = await protectSealKeys(ctx.database.db, during);
    expect(rotated.rewrapped).toBeGreaterThanOrEqual(1);
    const after = createStore(ctx.database, { keyring: createKeyring({ current: second }) });
    expect((await after.read(firmId).sealIdentity.find())?.privateKeyPkcs8).toEqual(plain);
    // The old key alone opens nothing any more.
    const stale = createStore(ctx.database, { keyring: createKeyring({ current: first }) });
    await expect(stale.read(firmId).sealIdentity.find()).rejects.toThrow(UnknownSecretsKeyError);
  });

  it('the signing code is kept as an HMAC under the server key, not one anybody can recompute', async () => {
    const sent = await aSentProposalInOutbox(ctx, firm);
    const codeSent = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/signing/${sent.token}/code`,
    });
    expect(codeSent.statusCode, codeSent.body).toBe(200);
    const scope = ctx.deps.store.read(firm.firmId);
    const codeMail = (
      await scope.mails.list({ documentId: sent.documentId, page: 1, pageSize: 20 })
    ).items.find((mail) => mail.kind === 'signature_code');
    const code = /^ {4}(\d{6})$/m.exec(codeMail?.textBody ?? '')?.[1] ?? '';
    const [request] = await scope.signingRequests.listByDocument(sent.documentId);
    if (!request?.codeHash) throw new Error('no code hash');
    // Before: HMAC keyed by the request's id, which sits in the same row.
    expect(request.codeHash).not.toBe(createHmac('sha256', request.id).update(code).digest('hex'));
    // Another server key gives another hash: the key is what protects the code.
    const elsewhere = createSecrets({ serverKey: randomBytes(32) });
    expect(elsewhere.serverHmac(`signing-code|${request.id}|${code}`)).not.toBe(request.codeHash);
    const verified = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/signing/${sent.token}/code/verify`,
      payload: { code },
    });
    expect(verified.statusCode, verified.body).toBe(200);
  });

  it('the outbox scrubs a code once it has expired, a link once decided or after seven days', async () => {
    const scope = ctx.deps.store.read(firm.firmId);
    const bodiesOf = async (documentId: string) =>
      (await scope.mails.list({ documentId, page: 1, pageSize: 20 })).items;
    const open = await aSentProposalInOutbox(ctx, firm);
    const refused = await aSentProposalInOutbox(ctx, firm);
    const post = (url: string, payload?: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/public/signing/${url}`,
        ...(payload ? { payload } : {}),
      });
    expect((await post(`${open.token}/code`)).statusCode).toBe(200);
    // The refused one: its signer asks a code, enters it and refuses.
    expect((await post(`${refused.token}/code`)).statusCode).toBe(200);
    const refusedCode = /^ {4}(\d{6})$/m.exec(
      (await bodiesOf(refused.documentId)).find((mail) => mail.kind === 'signature_code')?.textBody ?? '',
    )?.[1];
    expect((await post(`${refused.token}/code/verify`, { code: refusedCode ?? '' })).statusCode).toBe(200);
    expect((await post(`${refused.token}/refuse`, { reason: 'Trop cher pour nous.' })).statusCode).toBe(200);

    // At once: the refused document's link and code are dead; the open one's are not.
    await scrubDeadSecretMails(ctx.deps);
    const refusedMails = await bodiesOf(refused.documentId);
    for (const mail of refusedMails.filter((m) => m.kind !== 'document_refused')) {
      expect(mail.textBody).toContain(SCRUBBED);
      expect(mail.htmlBody).toContain(SCRUBBED);
    }
    expect(JSON.stringify(refusedMails)).not.toContain(refused.token);
    const openMails = await bodiesOf(open.documentId);
    expect(openMails.find((mail) => mail.kind === 'signature_request')?.textBody).toContain(open.token);
    expect(openMails.find((mail) => mail.kind === 'signature_code')?.textBody).not.toContain(SCRUBBED);

    // Eleven minutes later the code has expired; the link still works.
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 11 * 60_000).toISOString());
    await scrubDeadSecretMails(ctx.deps);
    const later = await bodiesOf(open.documentId);
    expect(later.find((mail) => mail.kind === 'signature_code')?.textBody).toContain(SCRUBBED);
    expect(later.find((mail) => mail.kind === 'signature_request')?.textBody).toContain(open.token);

    // Eight days after sending, the outbox keeps no working link, even to a request still open.
    ctx.clock.advanceDays(8);
    await scrubDeadSecretMails(ctx.deps);
    const week = await bodiesOf(open.documentId);
    expect(JSON.stringify(week)).not.toContain(open.token);
    expect(week.find((mail) => mail.kind === 'signature_request')?.textBody).toContain(`/signer/${SCRUBBED}`);
    // Scrubbing again changes nothing.
    expect(await scrubDeadSecretMails(ctx.deps)).toBe(0);
  });
});
