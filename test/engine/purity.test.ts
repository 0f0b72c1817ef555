/**
 * engine/ and interchange/ must stay pure and deterministic: no wall clock, no Math.random, no timers,
 * no Node built-ins, no file or network access. This scans every source file of both for them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ENGINE = join(ROOT, 'engine');
const INTERCHANGE = join(ROOT, 'interchange');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(/, 'new Date('],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bsetTimeout\s*\(/, 'setTimeout'],
  [/\bsetInterval\s*\(/, 'setInterval'],
  [/\bsetImmediate\s*\(/, 'setImmediate'],
  [/\bqueueMicrotask\s*\(/, 'queueMicrotask'],
  [/\bprocess\.(hrtime|env|argv)\b/, 'process state'],
  [/from\s+['"]node:/, 'a node: import'],
  [/\bimport\s*\(\s*['"]node:/, 'a node: import'],
  [/\brequire\s*\(/, 'require()'],
  [/from\s+['"](fs|fs\/promises|net|http|https|child_process|os|path|crypto|worker_threads|dgram|tls)['"]/, 'an I/O module'],
  [/\bfetch\s*\(/, 'fetch()'],
  [/\bcrypto\.(getRandomValues|randomUUID)\b/, 'crypto randomness'],
];

/** Strips comments so that documentation may name what the code must not do. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('engine and interchange purity', () => {
  const files = [...tsFiles(ENGINE), ...tsFiles(INTERCHANGE)];

  it('finds the engine and interchange sources', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.endsWith(join('sim', 'step.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(join('interchange', 'import', 'msel-csv.ts')))).toBe(true);
  });

  it('uses no clock, randomness, timers, Node built-ins or I/O', () => {
    const found: string[] = [];
    for (const f of files) {
      const lines = code(readFileSync(f, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const [re, what] of FORBIDDEN) if (re.test(line)) found.push(`${relative(ROOT, f)}:${i + 1}: ${what}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('computes the exercise state with exactly reproducible arithmetic (no engine-approximated Math functions)', () => {
    // ECMAScript lets Math.log, Math.pow, Math.exp... differ between JavaScript engines; state must not.
    const stateDirs = ['sim', 'scoring', 'compile', 'machines', 'replay'].map((d) => join(ENGINE, d));
    const re = /\bMath\.(log|log2|log10|log1p|exp|expm1|pow|sqrt|cbrt|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|hypot)\b/;
    const found: string[] = [];
    for (const f of files.filter((x) => stateDirs.some((d) => x.startsWith(d)))) {
      code(readFileSync(f, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (re.test(line)) found.push(`${relative(ROOT, f)}:${i + 1}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('imports nothing from server, client, cli or protocol', () => {
    const found: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1] as string;
        if (/(^|\/)(server|client|cli|protocol)\//.test(spec)) found.push(`${relative(ROOT, f)}: ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps the engine below interchange: no engine file imports it', () => {
    const found: string[] = [];
    for (const f of files.filter((x) => x.startsWith(ENGINE))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        if (/(^|\/)interchange\//.test(m[1] as string)) found.push(`${relative(ROOT, f)}: ${m[1]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('catches a forbidden call when one is present (the scan works)', () => {
    const sample = code('const t = Date.now(); // fine in a comment: Math.random()\n');
    expect(FORBIDDEN.some(([re]) => re.test(sample))).toBe(true);
    expect(FORBIDDEN.some(([re]) => re.test(code('// Date.now() only in a comment')))).toBe(false);
  });
});
