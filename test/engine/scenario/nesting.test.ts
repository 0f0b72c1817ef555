/**
 * The nesting pre-scan must never under-estimate (it is what keeps yaml's recursive composer away
 * from the stack limit) and must not refuse ordinary scenarios.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, NESTING_SCAN_LIMIT } from '../../../engine/scenario/text/nesting.ts';
import { measureValue } from '../../../engine/scenario/text/depth.ts';

const SEED = 20250301;

const text = fc.oneof(fc.string(), fc.constantFrom('[', ']]', '{x', '#[', "it's [", 'a: [b', '"q[', '- [', '|\n[[[', 'x\n  [[['));
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('a', 'k[', 'k: v')), tie('v'), { maxKeys: 3 }),
  ),
})).v;

describe('nesting pre-scan', () => {
  it('never estimates less than the real depth, in block, flow and mixed styles', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('block', 'flow', 'any'), fc.boolean(), (v, style, indentSeq) => {
        const source = stringify(v, { collectionStyle: style as 'block' | 'flow' | 'any', indentSeq });
        let parsed: unknown;
        try {
          parsed = parse(source);
        } catch {
          return; // yaml 2.9 writes `a:\n[]` for an empty list with indentSeq off, then cannot read it back
        }
        const depth = measureValue(parsed, false).depth;
        if (depth === 0) return;
        expect(findExcessiveNesting(source, depth - 1), source).toBeGreaterThanOrEqual(0);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('catches deep structures written in every style', () => {
    const deep = (n: number) => Array.from({ length: n }).reduce<unknown>((acc) => [acc], 'x');
    for (const style of ['block', 'flow'] as const) {
      expect(findExcessiveNesting(stringify({ a: deep(150) }, { collectionStyle: style }))).toBeGreaterThanOrEqual(0);
    }
    expect(findExcessiveNesting(`a:\n${Array.from({ length: 120 }, (_, i) => `${' '.repeat(i + 1)}b:`).join('\n')}`)).toBeGreaterThanOrEqual(0);
    expect(findExcessiveNesting(`--- ${'['.repeat(300)}`)).toBeGreaterThanOrEqual(0);
    expect(findExcessiveNesting(`k: !!seq &a ${'['.repeat(300)}`)).toBeGreaterThanOrEqual(0);
  });

  it('ignores brackets in quoted strings, comments and block scalars', () => {
    const many = '['.repeat(NESTING_SCAN_LIMIT * 2);
    expect(findExcessiveNesting(`a: "${many}"\nb: '${many}'\n# ${many}\nc: |\n  ${many}\n  more ${many}\nd: plain ${many}\n`)).toBe(-1);
    expect(findExcessiveNesting(`a: [ "${many}", '${many}' ] # ${many}\n`)).toBe(-1);
  });

  it('does not refuse the minimal fixture', () => {
    const fixture = readFileSync(new URL('../../fixtures/scenarios/minimal.yaml', import.meta.url), 'utf8');
    expect(findExcessiveNesting(fixture)).toBe(-1);
    expect(findExcessiveNesting(fixture, 20)).toBe(-1);
  });
});
