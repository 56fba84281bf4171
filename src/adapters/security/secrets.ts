import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../../application/ports/index.ts';
import { createKeyring } from './envelope.ts';
import { passwordHashing } from './password-hashing.ts';

/**
 * Passwords: scrypt at OWASP's cost (password-hashing.ts; `cost` lowers it for the tests).
 * `serverKey`: the server's HMAC key (Keyring.derive, from SECRETS_KEY); by default one derived
 * from the public development key, as the store's keyring does.
 */
export const createSecrets = (options: { cost?: number; serverKey?: Uint8Array } = {}): Secrets => {
  const serverKey = options.serverKey ?? createKeyring().derive('server-hmac');
  return {
    ...passwordHashing({ cost: options.cost }),
    newToken: () => randomBytes(32).toString('base64url'),
    hashToken: (token) => createHash('sha256').update(token).digest('hex'),
    newNumericCode: (digits) => String(randomInt(0, 10 ** digits)).padStart(digits, '0'),
    hmacSha256: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
    serverHmac: (message) => createHmac('sha256', serverKey).update(message).digest('hex'),
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    safeEqual: (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
  };
};
