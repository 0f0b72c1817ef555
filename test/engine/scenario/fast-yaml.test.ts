/**
 * The fast YAML reader against the `yaml` package: whatever the fast reader accepts must read
 * exactly as `yaml` reads it, and it must never accept what `yaml` rejects. Compared on edge
 * cases, on random documents written in every style `yaml` can write, and on damaged scenarios.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument, stringify, type ToStringOptions } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastYaml } from '../../../engine/scenario/text/fast-yaml.ts';

const SEED = 31337;

/** `yaml`'s reading: the value, or undefined when it reports an error. */
function reference(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}

/** Fails when the fast reader accepts `text` and reads it differently from `yaml`. */
function agree(text: string): boolean {
  const fast = fastYaml(text);
  if (fast === undefined) return false;
  const ref = reference(text);
  expect(ref, `yaml rejects what the fast reader accepted:\n${text}`).toBeDefined();
  expect(fast.value, text).toEqual(ref?.value);
  return true;
}

describe('fast YAML reader', () => {
  it('reads scalars as the core schema does', () => {
    const scalars = [
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'FALSE',
      'yes',
      'no',
      'on',
      'off',
      'y',
      'n',
      '0',
      '007',
      '-0',
      '+5',
      '-12',
      '0o17',
      '0o8',
      '0x1F',
      '0X1F',
      '0xg',
      '1.0',
      '1.',
      '.5',
      '-.5',
      '+.5',
      '1e3',
      '1E-3',
      '.1e+2',
      '1_000',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      '.NAN',
      '-.nan',
      'NaN',
      'Infinity',
      '12:30',
      '2025-03-01',
      '2025-03-01T08:00:00+03:00',
      '1.2.3',
      'T1059.001',
      '90s',
      '1d2h',
      '10.0.0.1',
      '#ff0000x',
      'a#b',
      'http://x.y/z?q=1#frag',
      'a: b',
    ];
    let accepted = 0;
    for (const s of scalars) {
      if (agree(`k: ${s}\n`)) accepted++;
      if (agree(`k: [${s}]\n`)) accepted++;
      if (agree(`- ${s}\n`.replace(/^/, 'k:\n'))) accepted++;
    }
    expect(accepted).toBeGreaterThan(scalars.length * 2);
  });

  it('reads quoted scalars, comments and empty values', () => {
    const docs = [
      `a: 'it''s'\nb: ''\nc: "x\\ty\\n\\"q\\" \\u00e9 \\x41 \\U0001F600 \\\\ \\/"\n`,
      'a: x # comment\nb: "x # not a comment"\nc: x#y\n# full line\n   # indented comment\nd:\ne: ~\n',
      'a:\n  b:\n    c: 1\n  d: [1, "two", \'three\', {e: f}]\ng: {}\nh: []\n',
      'list:\n- a\n- b: 1\n  c: 2\n-\n  d: 3\n- [x]\nnext: 1\n',
      'list:\n  - a\n  -   b: 1\n      c: 2\n',
      '---\na: 1\n',
      '--- # start\na: 1\n',
      'a: 1\r\nb: [2, 3]\r\n',
      'a: "unterminated\n',
      'a: b: c\n',
      'a: 1\n b: 2\n',
      'a: 1\na: 2\n',
      'a: [1, 2,]\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a:\tb\n',
      'a: -\n',
      'a: - b\n',
      '- a\n- b\n',
      'a: 1\n---\nb: 2\n',
      'a: {b: 1, b: 2}\n',
      '"quoted key": 1\n',
      'a: b\n  c\n',
      'a:\n  - b\n  c: 1\n',
      'a: [b\n  , c]\n',
      'a: x\n...\n',
      'a: :x\n',
      'a: ?x\n',
      'a: %x\n',
      'a: @x\n',
      'a: `x\n',
    ];
    for (const d of docs) agree(d);
  });

  it('regressions found by the comparisons below', () => {
    // "-" before a flow indicator starts a block sequence inside a flow one: yaml rejects it.
    expect(fastYaml('patched: [-]\n')).toBeUndefined();
    // No-break spaces and line separators are content, not indentation (String.trimStart drops them).
    expect(agree('a: \u00a0\n')).toBe(true);
    expect(agree('a: \u2028x\n')).toBe(true);
    expect(agree('l:\n- \u00a0b\n')).toBe(true);
  });

  it('gives up past 64 levels, so that deep input goes to the guarded path instead of deep recursion', () => {
    expect(agree(`a: ${'['.repeat(60)}${']'.repeat(60)}\n`)).toBe(true);
    expect(fastYaml(`a: ${'['.repeat(70)}${']'.repeat(70)}\n`)).toBeUndefined();
    expect(fastYaml(`a: ${'{b: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`)).toBeUndefined();
    const blocks = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(fastYaml(`${blocks} 1\n`)).toBeUndefined();
  });

  it('reads literal and folded block scalars with every chomping', () => {
    const bodies = ['one\n  two\nthree\n', 'one\ntwo\n\nthree\n\n\n', 'a\n\n\nb\n', 'solo\n', 'x\n    indented more\ny\n', '# not a comment\n[not] {flow}\n'];
    for (const header of ['|', '|-', '|+', '>', '>-', '>+', '| # comment', '>2', '|1']) {
      for (const body of bodies) {
        const content = body
          .split('\n')
          .map((l) => (l === '' ? '' : `  ${l}`))
          .join('\n');
        agree(`a: ${header}\n${content}b: 1\n`);
        agree(`a: ${header}\n${content}`);
        agree(`a: ${header}\n${content.replace(/\n$/, '')}`);
        agree(`list:\n  - ${header}\n${content.replace(/^/gm, '  ')}  - next\n`);
        agree(`list:\n- k: ${header}\n${content.replace(/^/gm, '  ')}  j: 1\n`);
      }
    }
  });

  // Mostly what scenarios hold (plain keys and words), with a good share of awkward cases.
  const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  const key = fc.oneof(
    { weight: 6, arbitrary: word },
    { weight: 1, arbitrary: fc.constantFrom('id', 'fr-CA', '$schema', 'k.1', 'true', 'null', '1', 'a b', 'a:b', '-x', '__proto__') },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')) },
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      '',
      ' ',
      'a b',
      ' lead',
      'trail ',
      'x # y',
      'x#y',
      'a: b',
      'a:',
      ':',
      '-',
      '- x',
      '? x',
      '[x]',
      '{x}',
      ',',
      '#',
      "'",
      '"',
      '\\',
      'line\nbreak',
      'two\n\nbreaks',
      '\n',
      'end\n',
      '  indented\nlines',
      'tab\there',
      'é',
      '😀',
      '\u2028',
      'null',
      '1.0',
      '0x1F',
      '.inf',
    ),
  );
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(word, { maxLength: 12 }).map((w) => `${w.join(' ')}\n${w.reverse().join('\n')}\n`),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(key, tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  const options = fc.record({
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    indentSeq: fc.boolean(),
    indent: fc.integer({ min: 1, max: 4 }),
    lineWidth: fc.constantFrom(0, 20, 80),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
    defaultKeyType: fc.constantFrom(null, 'PLAIN'),
  });

  it('agrees with yaml on random documents written in every style', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), options, (v, opts) => {
        let doc: string;
        try {
          doc = stringify(v, null, opts as ToStringOptions);
        } catch {
          return;
        }
        if (agree(doc)) accepted++;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('agrees with yaml on damaged scenarios', () => {
    const base = readFileSync(new URL('../../fixtures/scenarios/minimal.yaml', import.meta.url), 'utf8');
    const lines = base.split('\n');
    const edit = fc.oneof(
      fc.tuple(fc.constant('delete'), fc.nat(), fc.constant('')),
      fc.tuple(fc.constant('insert'), fc.nat(), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('  - x', '- y', 'k: v', '  k: |', '    text', '#', '---', ' ', '  "q', "'", '[', '{a: 1}'))),
      fc.tuple(fc.constant('indent'), fc.nat(), fc.constantFrom('', ' ', '  ', '   ')),
      fc.tuple(fc.constant('char'), fc.nat(), fc.constantFrom(':', '#', '"', "'", '[', ']', '{', '}', ',', '-', ' ', '|', '>', '&', '*', '!', '\\')),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const l = [...lines];
        for (const [kind, at, what] of edits) {
          const k = at % l.length;
          if (kind === 'delete') l.splice(k, 1);
          else if (kind === 'insert') l.splice(k, 0, what);
          else if (kind === 'indent') l[k] = what + (l[k] ?? '').trimStart();
          else {
            const line = l[k] ?? '';
            const c = at % (line.length + 1);
            l[k] = line.slice(0, c) + what + line.slice(c);
          }
        }
        if (agree(l.join('\n'))) accepted++;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
