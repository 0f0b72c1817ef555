/**
 * Password hashing with node:crypto scrypt (memory-hard): a 16-byte random salt per password,
 * N = 2^15, r = 8, p = 1 (32 MiB and some tens of milliseconds per guess), a 32-byte key. The stored
 * form carries its parameters, so that they can be raised later without invalidating old hashes:
 * `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<key base64url>`.
 *
 * Unlike seat tokens (server/auth/tokens.ts: 256 random bits, a fast hash is enough), passwords are
 * chosen by people and must be expensive to guess after a leak of the hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_BYTES = 32;
const DEFAULT = { logN: 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128 * N * r bytes; allow twice that so the default 32 MiB limit does not refuse it.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The stored form of `password` (a fresh salt each call). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT.logN, DEFAULT.r, DEFAULT.p);
  return ['scrypt', DEFAULT.logN, DEFAULT.r, DEFAULT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const STORED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{16,128})$/;

/**
 * Whether `password` matches `stored`, compared in constant time. A malformed or absent hash (an
 * account that signs in by single sign-on only) still costs one derivation and answers false, so
 * that the time taken does not tell which accounts exist or have a password.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const match = stored ? STORED.exec(stored) : null;
  if (!match) {
    await derive(password, DUMMY_SALT, DEFAULT.logN, DEFAULT.r, DEFAULT.p);
    return false;
  }
  const [, logN, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const DUMMY_SALT = randomBytes(16);
