/**
 * `ramparts sweep`: the report does not depend on the number of workers or on the order runs finish
 * in, each run equals `ramparts run --seed S`, and the statistics are the textbook ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, validateScenarioText } from '../../engine/index.ts';
import type { RunReport } from '../../cli/commands/run.ts';
import type { CliIO } from '../../cli/io.ts';
import { Progress } from '../../cli/sweep/progress.ts';
import { sweepRun } from '../../cli/sweep/run-one.ts';
import { aggregate, percentiles, quantile, round4, wilson95, type SweepReport } from '../../engine/index.ts';
import { GULF, ramparts, rampartsJson } from './ramparts.ts';

const gulf = () => {
  const r = validateScenarioText(readFileSync(GULF), GULF);
  if (!r.ok) throw new Error('gulf-shield.yaml does not validate');
  return compileScenario(r.scenario);
};

describe('ramparts sweep', () => {
  it('--workers 1 and --workers 2 give identical JSON, and each run equals ramparts run with its seed', async () => {
    const one = await ramparts('sweep', GULF, '--runs', '6', '--seed', '40', '--workers', '1', '--json');
    const two = await ramparts('sweep', GULF, '--runs', '6', '--seed', '40', '--workers', '2', '--json');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
    const report = JSON.parse(one.out) as SweepReport;
    expect(report.runs).toBe(6);
    expect(report.seeds).toEqual([40, 41, 42, 43, 44, 45]);
    expect(report.results.map((r) => r.seed)).toEqual(report.seeds);
    expect(new Set(report.results.map((r) => r.stateHash)).size).toBe(6);
    for (const seed of [40, 45]) {
      const run = await rampartsJson<RunReport>('run', GULF, '--seed', String(seed));
      const res = report.results.find((r) => r.seed === seed);
      expect(res?.stateHash).toBe(run.stateHash);
      expect(res?.events).toBe(run.events);
      expect(res?.teams.xs?.score.composite).toBe(run.scores.xs?.composite);
    }
    // Distributions are consistent with the runs they summarise.
    for (const o of report.objectives) {
      const achieved = report.results.filter((r) => r.objectives[o.id] !== null).length;
      expect(o.achieved).toBe(achieved);
      expect(o.probability).toBe(round4(achieved / 6));
      expect(o.ci95[0]).toBeLessThanOrEqual(o.probability);
      expect(o.ci95[1]).toBeGreaterThanOrEqual(o.probability);
    }
    const xs = report.teams.find((t) => t.team === 'xs');
    const composites = report.results.map((r) => r.teams.xs!.score.composite).sort((a, b) => a - b);
    expect(xs?.score.composite?.min).toBe(composites[0]);
    expect(xs?.score.composite?.max).toBe(composites[5]);
    expect(one.err).toMatch(/sweep: 6\/6 runs/);
  });

  it('prints tables of objectives, detection and containment, and scores', async () => {
    const r = await ramparts('sweep', GULF, '--seeds', '3,5-6', '--workers', '2', '--until', '14h');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Sweep of gulf-shield-2026 .*: 3 runs, 3 seeds \(3, 5, 6\), until T\+14h; 2 workers/);
    expect(r.out).toContain('Red objectives: probability achieved (95% Wilson interval)');
    expect(r.out).toContain('Detection and containment per team');
    expect(r.out).toContain('Composite score per team (0-100)');
    for (const t of gulf().blue) expect(r.out).toMatch(new RegExp(`^  ${t.id} `, 'm'));
  });

  it('refuses bad usage with exit 2', async () => {
    for (const args of [
      ['sweep', GULF],
      ['sweep', GULF, '--runs', '0'],
      ['sweep', GULF, '--runs', '3', '--seeds', '1,2'],
      ['sweep', GULF, '--seed', '1', '--seeds', '1-3'],
      ['sweep', GULF, '--seeds', '1,1'],
      ['sweep', GULF, '--seeds', '5-2'],
      ['sweep', GULF, '--runs', '2', '--workers', '0'],
    ]) {
      const r = await ramparts(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^ramparts sweep: .+\nRun 'ramparts sweep --help' for usage\.\n$/);
    }
  });
});

describe('sweep aggregation', () => {
  it('does not depend on the order results arrive in', () => {
    const c = gulf();
    const results = [7, 8, 9, 10].map((seed) => sweepRun(c, { inputs: [], until: 10 * 3_600_000 }, seed));
    const a = aggregate(c, results, { untilMs: 10 * 3_600_000, inputs: 0 });
    const b = aggregate(c, [results[2]!, results[0]!, results[3]!, results[1]!], { untilMs: 10 * 3_600_000, inputs: 0 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.seeds).toEqual([7, 8, 9, 10]);
  });

  it('percentiles interpolate between closest ranks; Wilson intervals match the textbook values', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.95)).toBe(10);
    expect(quantile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.05)).toBeCloseTo(5, 10);
    expect(percentiles([5, 1, 3], (x) => x)).toEqual({ n: 3, min: 1, p5: 1.2, p25: 2, p50: 3, p75: 4, p95: 4.8, max: 5, mean: 3 });
    expect(percentiles([], (x) => x)).toBeNull();
    const [lo0, hi0] = wilson95(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.2775, 4);
    const [lo5, hi5] = wilson95(5, 10);
    expect(lo5).toBeCloseTo(0.2366, 4);
    expect(hi5).toBeCloseTo(0.7634, 4);
    const [lo10, hi10] = wilson95(10, 10);
    expect(lo10).toBeCloseTo(0.7225, 4);
    expect(hi10).toBe(1);
  });

  it('progress: a redrawn bar on a terminal, plain lines otherwise, always the last one', () => {
    const capture = (isTTY: boolean) => {
      const lines: string[] = [];
      const io: CliIO = { out: () => undefined, err: (t) => void lines.push(t), isTTY };
      const p = new Progress(io, 50, 'sweep');
      for (let i = 1; i <= 50; i++) p.update(i);
      return lines;
    };
    const tty = capture(true);
    expect(tty[0]).toMatch(/^sweep \[#?-+\] 1\/50 runs/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's escape sequences are what is checked
    expect(tty.at(-1)).toMatch(/^\x1b\[1A\r\x1b\[2Ksweep \[#{30}\] 50\/50 runs \d+\.\d s$/);
    const plain = capture(false);
    expect(plain.at(-1)).toMatch(/^sweep: 50\/50 runs \d+\.\d s$/);
    expect(plain.length).toBeLessThanOrEqual(11);
    expect(plain.every((l) => !l.includes('\x1b'))).toBe(true);
  });
});
