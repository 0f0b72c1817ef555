/**
 * Damaged scenario files for the hostile fuzz tests: the bundled scenarios and test fixtures, mutated at
 * byte, line (YAML) or structure level and written back as YAML or JSON. Input `index` of `seed` is a
 * pure function of both (each input has its own random stream), so one input is reproduced alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { compileScenario, createExercise, stateHash, step, type TextDiagnostic as Diagnostic, type ValidationResult } from '../../engine/index.ts';
import { chance, depthOf, int, mutateBytes, mutateLines, mutateValue, rngFor, yamlText, type Rng } from './fuzz-mutate.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

interface Source {
  file: string;
  text: string;
  value: unknown;
  weight: number;
}

function loadCorpus(): Source[] {
  const yaml = (rel: string, weight: number): Source => {
    const text = readFileSync(join(ROOT, rel), 'utf8');
    return { file: rel, text, value: parseYaml(text, { maxAliasCount: -1 }) as unknown, weight };
  };
  const out = [
    yaml('test/fixtures/scenarios/minimal.yaml', 40),
    yaml('test/fixtures/interchange/base.yaml', 30),
    yaml('scenarios/ransomware-tabletop.yaml', 6),
    // The flagship is big (200 KB): a few inputs, not thousands.
    yaml('scenarios/gulf-shield.yaml', 1),
  ];
  // JSON twins of the small ones (the validator reads .json as strict JSON).
  for (const s of out.slice(0, 2)) out.push({ file: s.file.replace(/\.yaml$/, '.json'), text: `${JSON.stringify(s.value, null, 2)}\n`, value: s.value, weight: 12 });
  // The broken fixtures: each already wrong in one way; mutations make them wrong in two.
  const broken = join(ROOT, 'test/fixtures/broken');
  for (const f of readdirSync(broken).sort()) {
    const text = readFileSync(join(broken, f), 'utf8');
    let value: unknown = null;
    try {
      value = parseYaml(text);
    } catch {
      // syntax fixtures: mutated at byte and line level only
    }
    out.push({ file: `test/fixtures/broken/${f}`, text, value, weight: 0.3 });
  }
  return out;
}

const CORPUS = loadCorpus();
const TOTAL_WEIGHT = CORPUS.reduce((n, s) => n + s.weight, 0);
function pickSource(r: Rng): Source {
  let x = r() * TOTAL_WEIGHT;
  for (const s of CORPUS) if ((x -= s.weight) < 0) return s;
  return CORPUS[0] as Source;
}

export interface MutatedScenario {
  file: string;
  input: string | Uint8Array;
  how: string;
}

/** Input `index` of `seed`: a bundled file damaged in one of five ways. */
export function mutatedScenario(seed: string, index: number): MutatedScenario {
  const r = rngFor(`${seed}#${index}`);
  const src = pickSource(r);
  const json = src.file.endsWith('.json');
  const kind = int(r, 100);
  if (kind < 30 || src.value === null) return { file: src.file, input: mutateBytes(r, Buffer.from(src.text, 'utf8')), how: 'bytes' };
  if (kind < 52 && !json) return { file: src.file, input: mutateLines(r, src.text), how: 'lines' };
  const value = mutateValue(r, src.value);
  const asJson = json || chance(r, 0.3);
  const text = asJson ? JSON.stringify(value, null, chance(r, 0.5) && depthOf(value, 40) < 40 ? 2 : 0) : yamlText(value, (v) => stringifyYaml(v, { aliasDuplicateObjects: false, lineWidth: 0 }));
  const file = asJson ? src.file.replace(/\.ya?ml$/, '.json') : src.file;
  if (kind >= 95) return { file, input: mutateBytes(r, Buffer.from(text, 'utf8')), how: 'structure+bytes' };
  return { file, input: text, how: asJson ? 'structure-json' : 'structure-yaml' };
}

export function lineCount(input: string | Uint8Array): number {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) n++;
  return n;
}

/** What is wrong with a diagnostic's location or message ('' when nothing). */
export function unlocated(d: Diagnostic, file: string, lines: number): string {
  if (d.file !== file) return `file ${JSON.stringify(d.file)} is not ${file}`;
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) return `line ${d.line} is not within 1..${lines}`;
  if (!Number.isInteger(d.col) || d.col < 1) return `col ${d.col} is not >= 1`;
  if (typeof d.path !== 'string' || d.path.length === 0) return 'no path';
  if (typeof d.message !== 'string' || d.message.trim().length === 0) return 'no message';
  return '';
}

/** Compiles an accepted scenario and drives it headless a few steps (to its end, or its first eighth); returns what went wrong ('' when nothing). */
export function runAccepted(result: ValidationResult & { ok: true }, seed: number, toEnd = true): string {
  try {
    const compiled = compileScenario(result.scenario);
    const state = createExercise(compiled, { seed, mode: 'headless' });
    const start = step(state, { type: 'start', actor: { role: 'white' } });
    if (!start.ok) return `start refused: ${start.code}: ${start.message}`;
    const end = compiled.meta.duration;
    for (const to of toEnd ? [Math.floor(end / 8), Math.floor(end / 3), end] : [Math.floor(end / 16), Math.floor(end / 8)]) {
      const res = step(state, { type: 'advance', to, actor: { role: 'system' } });
      if (!res.ok && res.code !== 'WRONG_PHASE') return `advance to ${to} refused: ${res.code}: ${res.message}`;
    }
    if (!/^[0-9a-f]{64}$/.test(stateHash(state))) return 'no state hash';
    return '';
  } catch (error) {
    return `threw while compiling or running: ${(error as Error).stack ?? String(error)}`;
  }
}
