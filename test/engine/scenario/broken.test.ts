/**
 * The corpus of broken scenarios: each file in test/fixtures/broken is the minimal fixture with one
 * mistake, and lists at its end the diagnostics it must yield:
 *   # expect: LINE:COL: path: message fragment            (an error; the file must fail with exactly these)
 *   # expect-warning: LINE:COL: path: message fragment    (a warning; the file must still be valid)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type TextDiagnostic as Diagnostic, validateScenarioText } from '../../../engine/index.ts';

const DIR = new URL('../../fixtures/broken/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

interface Expectation {
  severity: 'error' | 'warning';
  line: number;
  col: number;
  path: string;
  fragment: string;
}

function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  for (const m of text.matchAll(/^# expect(-warning)?: (\d+):(\d+): (\S+): (.+)$/gm)) {
    out.push({ severity: m[1] ? 'warning' : 'error', line: Number(m[2]), col: Number(m[3]), path: m[4] ?? '', fragment: m[5] ?? '' });
  }
  return out;
}

const matches = (d: Diagnostic, e: Expectation) => d.severity === e.severity && d.line === e.line && d.col === e.col && d.path === e.path && d.message.includes(e.fragment);

describe('broken scenario corpus', () => {
  it('has at least 25 files, each with its expected diagnostics', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const f of files) expect(expectations(readFileSync(new URL(f, DIR), 'utf8')), f).not.toHaveLength(0);
  });

  it.each(files)('%s yields its expected located diagnostics', (f) => {
    const text = readFileSync(new URL(f, DIR), 'utf8');
    const expected = expectations(text);
    const r = validateScenarioText(readFileSync(new URL(f, DIR)), `broken/${f}`);
    const errors = r.ok ? [] : r.errors;
    const shown = [...errors, ...r.warnings].map(formatDiagnostic).join('\n');
    for (const e of expected) {
      const found = (e.severity === 'error' ? errors : r.warnings).some((d) => matches(d, e));
      expect(found, `missing ${e.severity} ${e.line}:${e.col}: ${e.path}: ${e.fragment}\ngot:\n${shown}`).toBe(true);
    }
    const expectedErrors = expected.filter((e) => e.severity === 'error').length;
    expect(r.ok, shown).toBe(expectedErrors === 0);
    expect(errors.length, `one mistake, so exactly the expected errors:\n${shown}`).toBe(expectedErrors);
    for (const d of [...errors, ...r.warnings]) expect(formatDiagnostic(d).startsWith(`broken/${f}:${d.line}:${d.col}: `)).toBe(true);
  });
});
