import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Secrets } from '../../application/ports/index.ts';
import { isCommonPassword } from './password-blocklist.ts';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

/**
 * OWASP's scrypt cost (Password Storage Cheat Sheet: N=2^17, r=8, p=1, 128 MiB a hash). Each hash
 * stores its own parameters (`scrypt$N$r$p$salt$key`), so a cheaper one made before still verifies,
 * and is made again at this cost at the next successful login (needsRehash).
 */
export const PASSWORD_HASH_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
/** A stored hash asking more than this is not one of ours: verifying it would exhaust the memory. */
const MAX_N = 2 ** 20;

type Params = { N: number; r: number; p: number };

/** Node refuses scrypt above `maxmem` (32 MiB by default); it needs 128·N·r bytes, and some room. */
const maxmemFor = ({ N, r }: Params): number => 2 * 128 * N * r;

/** Passwords are compared as Unicode NFC: « é » typed as one character or as e + accent is one password. */
const derive = (password: string, salt: Buffer, keyLength: number, params: Params) =>
  scryptAsync(password.normalize('NFC'), salt, keyLength, { ...params, maxmem: maxmemFor(params) });

const parse = (stored: string) => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    scheme === 'scrypt' &&
    salt &&
    hash &&
    Object.values(params).every((value) => Number.isSafeInteger(value) && value > 0) &&
    params.N <= MAX_N;
  return valid ? { params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') } : undefined;
};

type PasswordPart = Pick<
  Secrets,
  'hashPassword' | 'verifyPassword' | 'needsRehash' | 'dummyPasswordHash' | 'isCommonPassword'
>;

/**
 * `cost` lowers N for the tests only (a hash at 2^17 takes a fraction of a second and 128 MiB);
 * production keeps OWASP's.
 */
export const passwordHashing = (options: { cost?: number } = {}): PasswordPart => {
  const params: Params = { ...PASSWORD_HASH_PARAMS, N: options.cost ?? PASSWORD_HASH_PARAMS.N };
  const hashPassword = async (password: string) => {
    const salt = randomBytes(16);
    const key = await derive(password, salt, KEY_LENGTH, params);
    return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
  };
  let dummy: Promise<string> | undefined;
  return {
    hashPassword,
    async verifyPassword(password, stored) {
      const parsed = parse(stored);
      if (!parsed) return false;
      const key = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
      return timingSafeEqual(key, parsed.hash);
    },
    needsRehash(stored) {
      const parsed = parse(stored)?.params;
      return !parsed || parsed.N !== params.N || parsed.r !== params.r || parsed.p !== params.p;
    },
    // Made once per process at the current cost, of a random password nobody knows.
    dummyPasswordHash: () => {
      dummy ??= hashPassword(randomBytes(32).toString('base64'));
      return dummy;
    },
    isCommonPassword,
  };
};
