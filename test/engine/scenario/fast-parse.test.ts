/**
 * The fast walk through the scenario schema against zod: whatever it accepts, zod accepts with the
 * same output (same values, same key order); whatever zod refuses, it refuses, so that zod's issues
 * are the ones reported. Compared on the bundled scenarios and on thousands of damaged values:
 * fields deleted, replaced by values of every type or by other fields' values, unknown keys added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../../engine/scenario/fast-parse.ts';
import { Scenario } from '../../../engine/scenario/schema/index.ts';
import { parseScenarioText } from '../../../engine/scenario/text/index.ts';
import { upgradeScenario } from '../../../engine/scenario/upgrade.ts';

const SEED = 16016;

function load(url: URL): unknown {
  const parsed = parseScenarioText(new Uint8Array(readFileSync(url)), url.pathname);
  if (!parsed.ok) throw new Error(`${url.pathname} does not parse`);
  return upgradeScenario(parsed.value).value;
}

const bundled = new URL('../../../scenarios/', import.meta.url);
const sources = [
  { name: 'minimal.yaml', value: load(new URL('../../fixtures/scenarios/minimal.yaml', import.meta.url)) },
  ...readdirSync(bundled)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f, value: load(new URL(f, bundled)) })),
];

/** Fails unless the fast walk and zod agree on `value`. Returns whether zod accepted it. */
function agree(value: unknown): boolean {
  const ref = Scenario.safeParse(value, { reportInput: true });
  const fast = fastParse(Scenario, value);
  expect(fast.ok, ref.success ? 'the fast walk refused what zod accepts' : 'the fast walk accepted what zod refuses').toBe(ref.success);
  if (fast.ok && ref.success) {
    expect(fast.value).toStrictEqual(ref.data);
    expect(JSON.stringify(fast.value)).toBe(JSON.stringify(ref.data));
  }
  return ref.success;
}

type Path = (string | number)[];

/** Every path to a value inside `v` (the root excluded). */
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      pathsOf(x, p, out);
    }
  }
  return out;
}

function getAt(v: unknown, p: Path): unknown {
  return p.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v);
}

const ODD_VALUES: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'x',
  'X-1',
  0,
  -1,
  0.5,
  1,
  2,
  5,
  6,
  10,
  1e9,
  1.5,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  [''],
  {},
  { en: '' },
  { en: 'x' },
  { kind: 'edr' },
  'edr',
  '5m',
  '0',
  '400d',
  'T1059',
  'T1059.001',
  'all-blue',
  'blue',
  'server',
  'compromised',
  '2026-01-01T00:00:00Z',
  'a'.repeat(81),
];

type Edit = (v: unknown, paths: Path[]) => void;

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // Delete a field or an item.
  fc.nat().map((n) => (v: unknown, paths: Path[]) => {
    const p = paths[n % paths.length] as Path;
    const parent = getAt(v, p.slice(0, -1)) as Record<string | number, unknown>;
    const k = p[p.length - 1] as string | number;
    if (Array.isArray(parent)) parent.splice(k as number, 1);
    else delete parent[k];
  }),
  // Replace a value by an odd one.
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]) => (v: unknown, paths: Path[]) => {
    const p = paths[n % paths.length] as Path;
    (getAt(v, p.slice(0, -1)) as Record<string | number, unknown>)[p[p.length - 1] as string | number] = structuredClone(ODD_VALUES[m % ODD_VALUES.length]);
  }),
  // Replace a value by a copy of another field's value (often of the right type, sometimes not).
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]) => (v: unknown, paths: Path[]) => {
    const p = paths[n % paths.length] as Path;
    const from = structuredClone(getAt(v, paths[m % paths.length] as Path));
    (getAt(v, p.slice(0, -1)) as Record<string | number, unknown>)[p[p.length - 1] as string | number] = from;
  }),
  // Add a key to an object.
  fc.tuple(fc.nat(), fc.constantFrom('extra', 'name', 'id', 'optional', '__proto__', 'constructor', 'toString')).map(([n, key]) => (v: unknown, paths: Path[]) => {
    const target = getAt(v, paths[n % paths.length] as Path);
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, key, { value: 'x', enumerable: true, configurable: true, writable: true });
  }),
);

describe('fastParse against zod on the scenario schema', () => {
  for (const s of sources) {
    it(`accepts ${s.name} with zod's output`, () => {
      expect(agree(s.value)).toBe(true);
    });
  }

  it('agrees with zod on damaged scenarios', () => {
    const small = sources.filter((s) => s.name !== 'stress.yaml');
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        const value = structuredClone((small[which % small.length] as { value: unknown }).value);
        for (const e of edits) e(value, pathsOf(value));
        runs++;
        if (agree(value)) accepted++;
      }),
      { seed: SEED, numRuns: 500 },
    );
    // Both answers must have been exercised.
    expect(accepted).toBeGreaterThan(50);
    expect(runs - accepted).toBeGreaterThan(50);
  });

  it('leaves a value that holds one object twice to zod, which shares its output', () => {
    const value = structuredClone((sources[0] as { value: unknown }).value) as { teams: unknown[] };
    value.teams.push(value.teams[0]);
    expect(fastParse(Scenario, value).ok).toBe(false);
  });

  it('refuses what is not a scenario at all', () => {
    for (const v of [null, undefined, 0, 'ramparts: 2', [], {}, { ramparts: 2 }]) agree(v);
  });
});
