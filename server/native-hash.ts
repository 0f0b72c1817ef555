/**
 * SHA-256 of a string's UTF-8 bytes with node:crypto, for the engine's `stateHash(state, sha256)`:
 * the same digest as the engine's pure-JS default (test/engine/native-hash.test.ts checks it), several
 * times faster on the megabytes of a large state.
 */
import { createHash } from 'node:crypto';

export function nativeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
