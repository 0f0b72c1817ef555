/** The native SHA-256 the server and command line give `stateHash` must be the engine's digest, bit for bit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, stateHash } from '../../engine/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { baseScenario, HOUR } from '../engine/fixtures.ts';
import { busyScript, runScript } from '../engine/script.ts';

describe('native SHA-256', () => {
  it('equals the pure-JS digest on any text, lone surrogates included', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '\ud800', 'a\udfffb', 'تمرين', '🛡️'));
    fc.assert(
      fc.property(text, (t) => nativeSha256Hex(t) === sha256Hex(t)),
      { seed: 20261122, numRuns: 2000 },
    );
  });

  it('gives a state the same stateHash as the engine alone', () => {
    const run = runScript(baseScenario(), 5, busyScript(), 6 * HOUR);
    expect(stateHash(run.state, nativeSha256Hex)).toBe(stateHash(run.state));
  });
});
