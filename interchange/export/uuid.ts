/**
 * Deterministic identifiers for exports: RFC 9562 UUIDv5 (SHA-1 of a namespace and a name). The engine
 * has no randomness outside its seeded streams, and an export must be byte-identical for the same log,
 * so every STIX id is a v5 UUID of stable inputs (the exercise key and the object's own key).
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Namespace of every Ramparts export id (a fixed v4 UUID chosen once for this purpose). */
export const RAMPARTS_NAMESPACE = '5f0c7e7a-3b52-4a4e-9d57-2b8f3c1a6e90';

/** UUIDv5 of `name` in `namespace` (both as RFC 9562 specifies: namespace bytes then UTF-8 name). */
export function uuidV5(name: string, namespace: string = RAMPARTS_NAMESPACE): string {
  const ns = hexToBytes(namespace.replace(/-/g, ''));
  const h = sha1(concatBytes(ns, utf8ToBytes(name))).slice(0, 16);
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = bytesToHex(h);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A STIX identifier `type--uuid` for an object of an exercise. */
export function stixId(type: string, exerciseKey: string, key: string): string {
  return `${type}--${uuidV5(`${exerciseKey}|${type}|${key}`)}`;
}
