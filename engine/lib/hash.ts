/**
 * SHA-256 over text, from @noble/hashes: the engine must stay pure and browser-safe, so it cannot
 * use node:crypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical.ts';

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of the canonical JSON of a value (with `sha256`, a host's native one, if given). */
export function hashValue(value: unknown, sha256: (text: string) => string = sha256Hex): string {
  return sha256(canonicalJson(value));
}

/** Raw SHA-256 bytes of a string (indicator generation draws shapes from them). */
export function sha256Bytes(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}
