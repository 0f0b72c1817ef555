/**
 * The Node side of what the engine leaves pluggable. The engine is pure and runs in browsers too, so
 * it hashes with a pure-JS SHA-256 by default; the programs that run on Node (the server and the
 * command line) give `stateHash(state, sha256)` this one instead. It lives here, beside both rather
 * than inside either, so that the command line need not reach into the server for it.
 *
 * SHA-256 of a string's UTF-8 bytes with node:crypto: the same digest as the engine's default
 * (test/native/hash.test.ts checks it), several times faster on the megabytes of a large state.
 */
import { createHash } from 'node:crypto';

export function nativeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
