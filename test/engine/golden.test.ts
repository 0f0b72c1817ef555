/**
 * Golden state hashes for every bundled scenario (scenarios/*.yaml): the same scenario, seed and
 * commands must give the same state hash on every machine and in every later version, unless the
 * change is meant. Pinned in test/engine/golden-hashes.json, per scenario:
 *   - the scenario's own seed, run to the end;
 *   - seed 7 to the end, and to half the duration;
 *   - seed 7 with a fixed busy script of blue and white commands (test/engine/determinism/commands.ts).
 *
 * When a change to the engine or a scenario is MEANT to change outcomes, re-pin deliberately:
 *
 *     UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts
 *
 * then review the diff of golden-hashes.json and say why in the commit message. The file is never
 * rewritten automatically, and never in CI (UPDATE_GOLDEN is refused when CI is set).
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario, runHeadless, stateHash } from '../../engine/index.ts';
import { validateScenarioText } from '../../engine/index.ts';
import { fixedScript } from './determinism/commands.ts';

interface GoldenRun {
  run: string;
  seed: number;
  untilMs: number | null;
  inputs: number;
  refused: number;
  events: number;
  simTimeMs: number;
  stateHash: string;
}
interface GoldenScenario {
  scenarioHash: string;
  runs: GoldenRun[];
}
interface GoldenFile {
  note: string;
  scenarios: Record<string, GoldenScenario>;
}

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const FILE = join(import.meta.dirname, 'golden-hashes.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const NOTE = 'Golden state hashes of the bundled scenarios. Do not edit by hand: see test/engine/golden.test.ts (UPDATE_GOLDEN=1).';

if (UPDATE && process.env.CI) throw new Error('UPDATE_GOLDEN is refused in CI: re-pin golden hashes on purpose, locally, and commit the reviewed diff');

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const golden: GoldenFile = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as GoldenFile) : { note: NOTE, scenarios: {} };
const computed: Record<string, GoldenScenario> = {};

/** Every pinned run of one scenario. */
function runsOf(file: string): GoldenScenario {
  const r = validateScenarioText(readFileSync(join(DIR, file)), file);
  if (!r.ok) throw new Error(`${file} does not validate: ${r.errors[0]?.message}`);
  const compiled = compileScenario(r.scenario);
  const script = fixedScript(compiled);
  const plan: { run: string; seed: number; until?: number; inputs?: typeof script }[] = [
    { run: 'scenario seed', seed: compiled.meta.seed },
    { run: 'seed 7', seed: 7 },
    { run: 'seed 7, half the duration', seed: 7, until: Math.floor(compiled.meta.duration / 2) },
    { run: 'seed 7, fixed script', seed: 7, inputs: script },
  ];
  const runs = plan.map((p): GoldenRun => {
    const h = runHeadless(compiled, { seed: p.seed, keepEvents: false, ...(p.until !== undefined ? { until: p.until } : {}), ...(p.inputs ? { inputs: p.inputs } : {}) });
    return {
      run: p.run,
      seed: p.seed,
      untilMs: p.until ?? null,
      inputs: p.inputs?.length ?? 0,
      refused: h.refused.length,
      events: h.eventCount,
      simTimeMs: h.state.clock,
      stateHash: stateHash(h.state),
    };
  });
  return { scenarioHash: compiled.hash, runs };
}

describe('golden state hashes of the bundled scenarios', () => {
  it('pins every bundled scenario, and only those', () => {
    expect(files.length).toBeGreaterThan(0);
    if (UPDATE) return;
    const missing = files.filter((f) => !golden.scenarios[f]);
    const stale = Object.keys(golden.scenarios).filter((f) => !files.includes(f));
    expect(missing, 'scenarios without golden hashes: pin them with UPDATE_GOLDEN=1 (see the comment at the top)').toEqual([]);
    expect(stale, 'golden hashes of scenarios that no longer exist: re-pin with UPDATE_GOLDEN=1').toEqual([]);
  });

  for (const f of files) {
    it(f, () => {
      const actual = runsOf(f);
      computed[f] = actual;
      if (UPDATE) return;
      const pinned = golden.scenarios[f];
      if (!pinned) throw new Error(`${f} has no golden hashes yet: run UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts`);
      expect(actual.scenarioHash, `${f} itself changed since its hashes were pinned`).toBe(pinned.scenarioHash);
      for (const [i, run] of actual.runs.entries()) expect(run, `${f}: ${run.run}`).toEqual(pinned.runs[i]);
      expect(actual.runs.length).toBe(pinned.runs.length);
    });
  }

  afterAll(() => {
    if (!UPDATE) return;
    const out: GoldenFile = { note: NOTE, scenarios: {} };
    for (const f of files) if (computed[f]) out.scenarios[f] = computed[f];
    writeFileSync(FILE, `${JSON.stringify(out, null, 2)}\n`);
  });
});
