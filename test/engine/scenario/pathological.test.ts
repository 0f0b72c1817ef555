/**
 * Hostile and accidental input: each gets a clear, located error and never a crash or a hang.
 * (Speed is measured in bench/validate.ts; here only behaviour is asserted.)
 */
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, formatDiagnostic, type TextDiagnostic as Diagnostic, validateScenarioText } from '../../../engine/index.ts';

function errorsOf(input: string | Uint8Array, file = 'x.yaml'): Diagnostic[] {
  const r = validateScenarioText(input, file);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

function only(input: string | Uint8Array, file = 'x.yaml'): string {
  const errors = errorsOf(input, file);
  expect(errors).toHaveLength(1);
  return formatDiagnostic(errors[0] as Diagnostic);
}

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

describe('pathological inputs', () => {
  it('empty file', () => {
    expect(only('')).toMatch(/^x\.yaml:1:1: \(root\): the file is empty/);
    expect(only(new Uint8Array(0))).toMatch(/^x\.yaml:1:1: \(root\): the file is empty/);
  });

  it('blank space only, comments only', () => {
    expect(only('  \n\n\t \n')).toMatch(/^x\.yaml:1:1: \(root\): the file holds only blank space/);
    expect(only('# just a comment\n# and another\n')).toMatch(/^x\.yaml:1:1: \(root\): the file holds only comments/);
  });

  it('NUL bytes (binary files) are located', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('ramparts: 1\nmeta: x'), 0, 1, 2, 255]);
    expect(only(bytes)).toBe('x.yaml:2:8: (root): NUL byte: this looks like a binary file, not a YAML or JSON scenario');
    expect(only('ab\ncd\u0000')).toBe('x.yaml:2:3: (root): NUL character: this looks like a binary file, not a YAML or JSON scenario');
  });

  it('invalid UTF-8 is located at the first bad byte', () => {
    const head = new TextEncoder().encode('ramparts: 1\nmeta:\n  title: caf');
    const bytes = new Uint8Array([...head, 0xc3, 0x28, 0x0a]);
    expect(only(bytes)).toBe('x.yaml:3:13: (root): invalid UTF-8: save the file as UTF-8');
    // An overlong encoding and a lone continuation byte.
    expect(only(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe('x.yaml:1:2: (root): invalid UTF-8: save the file as UTF-8');
    expect(only(new Uint8Array([0x80]))).toBe('x.yaml:1:1: (root): invalid UTF-8: save the file as UTF-8');
  });

  it('UTF-16 files are named as such', () => {
    expect(only(new Uint8Array([0xff, 0xfe, 0x72, 0x00]))).toMatch(/UTF-16 encoded; save it as UTF-8/);
  });

  it('a UTF-8 byte-order mark is accepted', () => {
    const r = validateScenarioText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ramparts: 1\n')]), 'x.yaml');
    expect(r.ok ? [] : r.errors.map((d) => d.path)).not.toContain('(root)');
  });

  it('files over the size limit are refused at once, as bytes and as text', () => {
    const big = new Uint8Array(12 * 1024 * 1024 + MAX_SCENARIO_BYTES - 12 * 1024 * 1024 + 1).fill(0x61);
    expect(only(big)).toMatch(/^x\.yaml:1:1: \(root\): the file is 16\.0 MiB; scenarios are limited to 16\.0 MiB/);
    expect(only('#'.repeat(MAX_SCENARIO_BYTES + 1))).toMatch(/scenarios are limited to 16\.0 MiB/);
  });

  it('a 12 MB file under the limit is parsed and answered with located errors', () => {
    const line = `filler: "${'x'.repeat(100)}"\n`;
    const text = `ramparts: 1\n${Array.from({ length: (12 * 1024 * 1024) / line.length }, (_, i) => line.replace('filler', `f${i}`)).join('')}`;
    const json = JSON.stringify({ ramparts: 1, filler: text });
    expect(json.length).toBeGreaterThan(12 * 1024 * 1024);
    const errors = errorsOf(json, 'big.json');
    expect(errors.find((d) => d.path === 'filler')).toMatchObject({ line: 1, col: 15, message: expect.stringMatching(/^unknown field "filler"/) });
    expect(errors.find((d) => d.path === 'meta')).toMatchObject({ line: 1, col: 1, message: 'missing required field "meta"' });
  });

  it('a YAML alias bomb ("billion laughs") is refused', () => {
    expect(only(BOMB)).toBe('x.yaml:2:8: b[0]: YAML aliases expand to too much data (an alias "bomb"?): use fewer nested aliases');
  });

  it('an alias that contains itself is refused', () => {
    const errors = errorsOf('ramparts: 1\nmeta: &m\n  self: *m\n');
    expect(errors.map(formatDiagnostic).join('\n')).toMatch(/x\.yaml:\d+:\d+: meta.*(alias|anchor)/);
  });

  it('deeply nested arrays are refused without overflowing the stack, repeatedly', () => {
    // yaml survives one stack overflow but a second one in the same process can abort V8: guard both.
    for (let round = 0; round < 3; round++) {
      expect(only(`key: ${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.yaml')).toMatch(/^deep\.yaml:1:\d+: \(root\): nested too deeply/);
      expect(only(`key: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}`, 'deep.yaml')).toMatch(/^deep\.yaml:1:\d+: \(root\): nested too deeply/);
      expect(only(`${'- '.repeat(50_000)}x\n`, 'dash.yaml')).toMatch(/^dash\.yaml:1:\d+: \(root\): nested too deeply/);
      expect(only('['.repeat(100_000) + ']'.repeat(100_000), 'deep.json')).toMatch(/^deep\.json:1:\d+: (\[0\])+: nested more than 64 levels deep/);
    }
  });

  it('nesting just inside the scan limit but past the depth limit is refused after parsing', () => {
    expect(only(`a:\n${Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i + 1)}b${i}:`).join('\n')} 1\n`)).toMatch(/nested (more than 64 levels deep|too deeply)/);
  });

  it('a JSON array or a YAML scalar at the top level', () => {
    expect(only('[1, 2, 3]', 'list.json')).toBe('list.json:1:1: (root): a scenario is a map of fields (ramparts, meta, teams, network, campaigns, scoring, ...); found a list');
    expect(only('just some words', 'words.yaml')).toBe(
      'words.yaml:1:1: (root): a scenario is a map of fields (ramparts, meta, teams, network, campaigns, scoring, ...); found the text "just some words"',
    );
    expect(only('42\n')).toMatch(/^x\.yaml:1:1: \(root\): a scenario is a map .* found the number 42$/);
  });

  it('JSON syntax errors in a .json file are located', () => {
    expect(only('{\n  "ramparts": 1,\n  "meta": { "id": "x", }\n}', 'x.json')).toBe('x.json:3:24: meta: JSON syntax: trailing comma before the closing bracket');
    expect(only('{\n  "ramparts": 1,\n  "meta": { id: "x" }\n}', 'x.json')).toBe('x.json:3:13: meta: JSON syntax: expected a "quoted" key, found "i"');
    expect(only('{"a": [1, 2,]}', 'x.json')).toBe('x.json:1:13: a: JSON syntax: trailing comma before the closing bracket');
    expect(only('{"a": "unterminated', 'x.json')).toMatch(/^x\.json:1:7: \(root\): JSON syntax: unterminated string/);
  });

  it('duplicate keys in JSON are reported (JSON.parse would keep the last silently)', () => {
    expect(only('{"ramparts": 1,\n "ramparts": 1}', 'x.json')).toBe('x.json:2:2: ramparts: duplicate key "ramparts" (first on line 1); each key may appear once in an object');
  });

  it('caps the number of reported errors and says how many were left out', () => {
    const text = JSON.stringify({ ramparts: 1, ...Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])) });
    const errors = errorsOf(text, 'many.json');
    expect(errors.length).toBe(501);
    expect(errors[500]?.message).toMatch(/^\d+ more errors not shown/);
  });
});
