/**
 * Seat tokens. A token is 32 bytes from the OS CSPRNG (256 bits), sent to its seat once inside the
 * join link; the store keeps only its SHA-256.
 *
 * Why a fast hash and not bcrypt/scrypt/argon2: slow hashes protect low-entropy secrets (passwords)
 * against guessing after a leak of the hashes. A 256-bit random token cannot be guessed, whatever
 * the hash speed: inverting SHA-256 over 2^256 inputs is out of reach, so a leaked seats file reveals
 * nothing usable. A slow hash would only make every socket handshake expensive (and a denial-of-
 * service lever) for no gain.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A new random token: 43 base64url characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token: lowercase hex SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Finds the entry whose stored hash matches `token`. Compares against every entry with a
 * constant-time comparison, so the time taken does not depend on which entry (or which leading
 * bytes) matched.
 */
export function findByToken<T extends { tokenHash: string }>(entries: readonly T[], token: string): T | undefined {
  const presented = Buffer.from(hashToken(token), 'hex');
  let found: T | undefined;
  for (const entry of entries) {
    const stored = Buffer.from(entry.tokenHash, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented) && !found) found = entry;
  }
  return found;
}

/** A new random exercise id: 16 base64url characters (96 bits), safe in URLs and file names. */
export function newExerciseId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * A new exercise seed from the OS CSPRNG (0 to 2^31 - 1, the range the protocol accepts). The seed
 * decides every draw of the simulation: whoever knows it and the scenario can run the exercise ahead
 * of time, so it is a secret of the white cell (docs/PROTOCOL.md, "What each seat receives").
 */
export function newSeed(): number {
  return randomInt(0, 2 ** 31);
}
