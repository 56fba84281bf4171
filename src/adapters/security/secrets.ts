import { createHash, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Secrets } from '../../application/ports/index.ts';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

/** scrypt with OWASP's parameters (N=2^15, r=8, p=1); the parameters are stored with the hash. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 64;

export const createSecrets = (options: { cost?: number } = {}): Secrets => {
  const N = options.cost ?? PARAMS.N;
  return {
    async hashPassword(password) {
      const salt = randomBytes(16);
      const key = await scryptAsync(password, salt, KEY_LENGTH, { ...PARAMS, N });
      return `scrypt$${N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verifyPassword(password, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64');
      const key = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: PARAMS.maxmem,
      });
      return timingSafeEqual(key, expected);
    },
    newToken: () => randomBytes(32).toString('base64url'),
    hashToken: (token) => createHash('sha256').update(token).digest('hex'),
    newNumericCode: (digits) => String(randomInt(0, 10 ** digits)).padStart(digits, '0'),
    hmacSha256: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    safeEqual: (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b)),
  };
};
