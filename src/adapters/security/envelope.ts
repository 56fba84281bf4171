import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of the secrets kept in the database (the firms' seal keys): each secret has a
 * data key of its own (AES-256-GCM), and that data key is kept wrapped by the master key from the
 * configuration (SECRETS_KEY, AES-256-GCM too). A rotation re-wraps the small data keys only; the
 * database alone (a dump, a backup) opens nothing.
 *
 * Stored form, ASCII: `enc:v1:<master key id>:<iv>.<wrapped data key + tag>:<iv>.<ciphertext + tag>`
 * (base64url). A PKCS#8 key stored before encryption starts with the DER byte 0x30, never with `e`:
 * the two never mistake each other, and the older form is still read until it is re-written.
 */

const PREFIX = 'enc:v1:';
const ALGORITHM = 'aes-256-gcm';

/**
 * The key used when SECRETS_KEY is unset (development, tests): it is public (written here), so it
 * protects nothing; production refuses to start without SECRETS_KEY (src/config.ts).
 */
const DEVELOPMENT_KEY = createHash('sha256')
  .update('Lettrine : clé de développement, publique, jamais en production')
  .digest();

export type Keyring = {
  /** True when no SECRETS_KEY is configured: the public development key is in use. */
  readonly isDevelopmentKey: boolean;
  /** The current master key's id (a hash prefix): written in each envelope, it names the key. */
  readonly currentKeyId: string;
  /** Encrypts a secret; `context` (a firm id, say) binds it to its row: copied elsewhere, it fails. */
  seal(plain: Uint8Array, context: string): Uint8Array;
  /** Decrypts a stored secret; the form kept before encryption is returned as it is. */
  open(stored: Uint8Array, context: string): Uint8Array;
  /** Whether a stored secret is in clear, or wrapped by another key than the current one. */
  needsRewrap(stored: Uint8Array): boolean;
  /** The same secret wrapped by the current key (encrypted first when it was in clear). */
  rewrap(stored: Uint8Array, context: string): Uint8Array;
  /** A key of the server's own for one purpose, derived from the current master key (HKDF-SHA256). */
  derive(purpose: string): Buffer;
};

const keyIdOf = (key: Buffer): string =>
  createHash('sha256').update('lettrine-key-id').update(key).digest('hex').slice(0, 16);

const b64 = (bytes: Buffer) => bytes.toString('base64url');

const encrypt = (key: Buffer, plain: Uint8Array, context: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return `${b64(iv)}.${b64(body)}`;
};

const decrypt = (key: Buffer, part: string, context: string): Buffer => {
  const [iv = '', body = ''] = part.split('.');
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
};

/** Whether a stored secret is encrypted (an envelope), rather than kept in clear from before. */
export const isEnvelope = (stored: Uint8Array): boolean =>
  Buffer.from(stored.subarray(0, PREFIX.length)).toString('latin1') === PREFIX;

type Envelope = { keyId: string; wrappedKey: string; data: string };

const parse = (stored: Uint8Array): Envelope => {
  const [keyId = '', wrappedKey = '', data = ''] = Buffer.from(stored)
    .toString('latin1')
    .slice(PREFIX.length)
    .split(':');
  return { keyId, wrappedKey, data };
};

const format = (envelope: Envelope): Uint8Array =>
  new Uint8Array(Buffer.from(`${PREFIX}${envelope.keyId}:${envelope.wrappedKey}:${envelope.data}`, 'latin1'));

/** Why a secret cannot be opened, in words an operator acts on. */
export class UnknownSecretsKeyError extends Error {
  constructor(keyId: string) {
    super(
      `Un secret chiffré par la clé ${keyId} ne peut être lu : cette clé n'est ni SECRETS_KEY ni l'une de SECRETS_KEY_PREVIOUS. Remettez l'ancienne clé dans SECRETS_KEY_PREVIOUS.`,
    );
    this.name = 'UnknownSecretsKeyError';
  }
}

/**
 * The master keys: the current one (`SECRETS_KEY`, base64 of 32 bytes) wraps every new secret; the
 * previous ones (`SECRETS_KEY_PREVIOUS`) are only read, until a rotation has re-wrapped everything.
 */
export const createKeyring = (input: { current?: string; previous?: readonly string[] } = {}): Keyring => {
  const current = input.current ? Buffer.from(input.current, 'base64') : DEVELOPMENT_KEY;
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...(input.previous ?? []).map((text) => Buffer.from(text, 'base64'))]) {
    if (key.length !== 32) throw new Error('Une clé de chiffrement fait 32 octets (base64).');
    if (!keys.has(keyIdOf(key))) keys.set(keyIdOf(key), key);
  }
  // The development key still opens what it wrapped: a first SECRETS_KEY re-wraps it at start.
  if (!keys.has(keyIdOf(DEVELOPMENT_KEY))) keys.set(keyIdOf(DEVELOPMENT_KEY), DEVELOPMENT_KEY);
  const currentKeyId = keyIdOf(current);
  const masterOf = (keyId: string): Buffer => {
    const key = keys.get(keyId);
    if (!key) throw new UnknownSecretsKeyError(keyId);
    return key;
  };
  const dataKeyOf = (envelope: Envelope, context: string) =>
    decrypt(masterOf(envelope.keyId), envelope.wrappedKey, `data-key|${context}`);
  const keyring: Keyring = {
    isDevelopmentKey: !input.current,
    currentKeyId,
    seal(plain, context) {
      const dataKey = randomBytes(32);
      return format({
        keyId: currentKeyId,
        wrappedKey: encrypt(current, dataKey, `data-key|${context}`),
        data: encrypt(dataKey, plain, context),
      });
    },
    open(stored, context) {
      // pg hands back a Buffer, PGlite a Uint8Array: the same type either way.
      if (!isEnvelope(stored)) return new Uint8Array(stored);
      const envelope = parse(stored);
      return new Uint8Array(decrypt(dataKeyOf(envelope, context), envelope.data, context));
    },
    needsRewrap: (stored) => !isEnvelope(stored) || parse(stored).keyId !== currentKeyId,
    rewrap(stored, context) {
      if (!isEnvelope(stored)) return keyring.seal(stored, context);
      const envelope = parse(stored);
      if (envelope.keyId === currentKeyId) return stored;
      const dataKey = dataKeyOf(envelope, context);
      return format({
        keyId: currentKeyId,
        wrappedKey: encrypt(current, dataKey, `data-key|${context}`),
        data: envelope.data,
      });
    },
    derive: (purpose) => Buffer.from(hkdfSync('sha256', current, Buffer.alloc(0), `lettrine|${purpose}`, 32)),
  };
  return keyring;
};
