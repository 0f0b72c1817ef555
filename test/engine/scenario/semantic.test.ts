/** Unit checks of meaning-check helpers; the checks themselves are covered by the broken corpus. */
import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../../engine/scenario/semantic/network.ts';
import { findCycles } from '../../../engine/scenario/semantic/cycles.ts';
import { closest, editDistance } from '../../../engine/scenario/suggest.ts';

describe('meaning-check helpers', () => {
  it('parses IPv4 addresses strictly', () => {
    expect(parseIpv4('10.1.2.3')).toBe(0x0a010203);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('0.0.0.0')).toBe(0);
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '', '1.2.3.4.', 'a.b.c.d', '1234.1.1.1', '1.2.3.-4', ' 1.2.3.4']) {
      expect(parseIpv4(bad), bad).toBeUndefined();
    }
  });

  it('finds each precondition loop once, with the edge that closes it', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c', 'x']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', []],
    ]);
    expect(findCycles(edges)).toEqual([
      { cycle: ['a', 'b', 'c', 'a'], from: 'c', edge: 0 },
      { cycle: ['d', 'd'], from: 'd', edge: 0 },
    ]);
  });

  it('suggests the closest name within a few edits', () => {
    expect(editDistance('lateral-movment', 'lateral-movement')).toBe(1);
    expect(editDistance('teh', 'the')).toBe(1);
    expect(closest('corprate', ['internet', 'corporate', 'dmz'])).toBe('corporate');
    expect(closest('xyz', ['internet', 'corporate'])).toBeUndefined();
  });
});
