/**
 * Seeded fuzzing: the minimal fixture and the bundled scenarios, damaged by truncation, deleted,
 * swapped and duplicated lines, swapped values and byte noise. Whatever comes in, the validator
 * answers (it never throws) and every diagnostic is located. fast-check prints the seed and the
 * counterexample on failure; failures found are pinned below as named regression cases.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validateScenarioObject, validateScenarioText } from '../../../engine/index.ts';

const SEED = 424242;
const RUNS = 300;

const sources: { name: string; bytes: Uint8Array }[] = [
  // Copies: a Buffer's slice() is a view, and the noise mutation would otherwise write into the source.
  { name: 'minimal.yaml', bytes: new Uint8Array(readFileSync(new URL('../../fixtures/scenarios/minimal.yaml', import.meta.url))) },
];
const bundled = new URL('../../../scenarios/', import.meta.url);
if (existsSync(bundled)) {
  for (const f of readdirSync(bundled).sort()) {
    const url = new URL(f, bundled);
    // Large scenarios (the stress one) would make each run slow; the bench covers them.
    if (/\.(ya?ml|json)$/.test(f) && statSync(url).size < 100_000) sources.push({ name: f, bytes: new Uint8Array(readFileSync(url)) });
  }
}
{
  const r = validateScenarioText(sources[0]?.bytes ?? new Uint8Array(), 'minimal.yaml');
  if (r.ok) sources.push({ name: 'minimal.json', bytes: new TextEncoder().encode(JSON.stringify(r.scenario, null, 1)) });
}

type Mutation = (b: Uint8Array) => Uint8Array;
const enc = new TextEncoder();
const dec = new TextDecoder();
const lines = (b: Uint8Array) => dec.decode(b).split('\n');
const join = (l: string[]) => enc.encode(l.join('\n'));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (b: Uint8Array) => b.slice(0, n % (b.length + 1))),
  fc.nat().map((n) => (b: Uint8Array) => {
    const l = lines(b);
    l.splice(n % l.length, 1);
    return join(l);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (b: Uint8Array) => {
    const l = lines(b);
    const a = i % l.length;
    const c = j % l.length;
    [l[a], l[c]] = [l[c] ?? '', l[a] ?? ''];
    return join(l);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (b: Uint8Array) => {
    // Swap the values of two "key: value" lines.
    const l = lines(b);
    const kv = l.map((x, k) => [k, /^(\s*-?\s*[\w$]+:\s)(.*)$/.exec(x)] as const).filter(([, m]) => m);
    if (kv.length < 2) return b;
    const [a, ma] = kv[i % kv.length] ?? [0, null];
    const [c, mc] = kv[j % kv.length] ?? [0, null];
    if (!ma || !mc) return b;
    l[a] = `${ma[1]}${mc[2]}`;
    l[c] = `${mc[1]}${ma[2]}`;
    return join(l);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (b: Uint8Array) => {
    const l = lines(b);
    l.splice(i % l.length, 0, l[j % l.length] ?? '');
    return join(l);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 8 })).map(([i, n]) => (b: Uint8Array) => {
    const l = lines(b);
    const k = i % l.length;
    l[k] = ' '.repeat(n) + (l[k] ?? '').trimStart();
    return join(l);
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, noise]) => (b: Uint8Array) => {
    const out = b.slice();
    const at = i % Math.max(1, out.length);
    out.set(noise.slice(0, Math.max(0, out.length - at)), at);
    return out;
  }),
  fc
    .tuple(fc.nat(), fc.constantFrom(...['[', ']', '{', '}', '"', "'", ':', '- ', '&a ', '*a', '!!str ', '|', '>', '#', '\t', '\r', '---\n', '\u00e9', '\ufeff', '\\u0000']))
    .map(([i, s]) => (b: Uint8Array) => {
      const at = i % (b.length + 1);
      return new Uint8Array([...b.slice(0, at), ...enc.encode(s), ...b.slice(at)]);
    }),
);

function checkAnswer(bytes: Uint8Array, file: string): void {
  const r = validateScenarioText(bytes, file);
  const diagnostics = r.ok ? r.warnings : [...r.errors, ...r.warnings];
  if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  const lineCount = dec.decode(bytes).split('\n').length;
  for (const d of diagnostics) {
    expect(d.file).toBe(file);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lineCount + 1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(typeof d.path).toBe('string');
    expect(d.path.length).toBeGreaterThan(0);
    expect(d.message.length).toBeGreaterThan(0);
    expect(formatDiagnostic(d).startsWith(`${file}:${d.line}:${d.col}: `)).toBe(true);
  }
}

describe('fuzzing the validator', () => {
  it.each(sources.map((s) => [s.name, s] as const))('%s, damaged, always gets a located answer', (_name, source) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const damaged = mutations.reduce((b, m) => m(b), source.bytes);
        checkAnswer(damaged, source.name);
      }),
      // Bigger files parse slower: keep each file's share of the test time about the same.
      { seed: SEED, numRuns: Math.max(20, Math.min(RUNS, Math.floor((RUNS * 8000) / source.bytes.length))) },
    );
  });

  it('schema-valid values put in the wrong places reach the meaning checks and get answers', () => {
    const base = validateScenarioText(sources[0]?.bytes ?? new Uint8Array(), 'minimal.yaml');
    if (!base.ok) throw new Error('the minimal fixture must be valid');
    // Every leaf path of the fixture, and every string in it (ids, mostly) as replacement values.
    const leaves: (string | number)[][] = [];
    const strings = new Set<string>();
    const walk = (v: unknown, path: (string | number)[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      else {
        leaves.push(path);
        if (typeof v === 'string') strings.add(v);
      }
    };
    walk(base.scenario, []);
    const replacement = fc.oneof(fc.constantFrom(...strings), fc.constantFrom(0, 1, 0.5, 2, -1, '0', '9h', 'T1002', 'T1059.001', 'all-blue'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 4 }), (edits) => {
        const s = structuredClone(base.scenario) as unknown as Record<string, unknown>;
        for (const [i, value] of edits) {
          const path = leaves[i % leaves.length] ?? [];
          let o = s as Record<string | number, unknown>;
          for (const seg of path.slice(0, -1)) o = o[seg] as Record<string | number, unknown>;
          o[path[path.length - 1] ?? ''] = value;
        }
        const r = validateScenarioObject(s, 'edited');
        for (const d of r.ok ? r.warnings : [...r.errors, ...r.warnings]) {
          expect(d.path.length).toBeGreaterThan(0);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  });

  // Inputs fuzzing once broke; kept so that they stay fixed.
  const REGRESSIONS: Record<string, string> = {};
  it.each(Object.entries(REGRESSIONS))('regression: %s', (name, text) => {
    checkAnswer(enc.encode(text), `${name}.yaml`);
  });
});
