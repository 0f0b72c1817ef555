/**
 * The compiled scenario's hash text (engine/compile/scenario-text.ts) is canonicalJson's, on the
 * bundled scenarios, on damaged values the schema still accepts, and on values that are not plain
 * data (which it hands to canonicalJson, errors included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioText } from '../../engine/compile/scenario-text.ts';
import { compileScenario } from '../../engine/compile/compile.ts';
import { hashValue } from '../../engine/lib/hash.ts';
import { canonicalJson } from '../../engine/lib/canonical.ts';
import { validateScenarioText } from '../../engine/scenario/validate.ts';

const bundled = new URL('../../scenarios/', import.meta.url);
const scenarios = readdirSync(bundled)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => {
    const r = validateScenarioText(new Uint8Array(readFileSync(new URL(f, bundled))), f);
    if (!r.ok) throw new Error(`${f} is not valid`);
    return { name: f, scenario: r.scenario };
  });

const same = (v: unknown) => {
  let expected: string | Error;
  try {
    expected = canonicalJson(v);
  } catch (e) {
    expected = e as Error;
  }
  if (expected instanceof Error) expect(() => scenarioText(v)).toThrow(expected.message);
  else expect(scenarioText(v)).toBe(expected);
};

describe('scenarioText', () => {
  for (const { name, scenario } of scenarios) {
    it(`is canonicalJson's text for ${name}, and the compiled hash hashValue's`, () => {
      same(scenario);
      expect(compileScenario(scenario).hash).toBe(hashValue(scenario));
    });
  }

  it('is canonicalJson on any JSON-like value', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '01', '__proto__', 'a', 'b', 'B', ''));
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(key, tie('v'), { maxKeys: 5 }),
      ),
    })).v;
    fc.assert(fc.property(value, same), { seed: 1616, numRuns: 2000 });
  });

  it('hands what is not plain data to canonicalJson', () => {
    for (const v of [
      { a: Number.NaN },
      [Number.POSITIVE_INFINITY],
      { '2': 1, '10': 2 },
      JSON.parse('{"__proto__": 1, "a": 2}'),
      { d: new Date(0) },
      Object.create({ x: 1 }),
      undefined,
      { a: undefined, b: [undefined] },
    ])
      same(v);
  });
});
