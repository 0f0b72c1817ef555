/**
 * How hard the hostile-world suite pushes. `npm test` (and so CI) runs every hostile test in a bounded
 * form; `npm run test:hostile` sets HOSTILE=full and runs the full counts that RELIABILITY.md quotes.
 * Every test records what it tried (inputs, abuses, faults, rounds, lost) with `recordFigures`, so the
 * figures in RELIABILITY.md come from a run, not from memory.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HANG_MS } from '../timeouts.ts';

export const FULL = process.env.HOSTILE === 'full';

/** `bounded` under `npm test`, `full` under `npm run test:hostile`. */
export function scale(bounded: number, full: number): number {
  return FULL ? full : bounded;
}

/** A test's hang guard: the suite's (test/timeouts.ts), or longer for the full run's counts. */
export function budgetMs(fullMs: number): number {
  return FULL ? Math.max(fullMs, HANG_MS) : HANG_MS;
}

export type Figures = Record<string, number | string | boolean>;

const DIR = resolve(import.meta.dirname, '../../test-artifacts/hostile');

/**
 * Records the figures of one hostile test under `test-artifacts/hostile/<area>.json`, keyed by test
 * name, merged with what other tests of the same area wrote. `scripts/reliability-table.ts` turns the
 * files into the table of RELIABILITY.md.
 */
export function recordFigures(area: string, test: string, figures: Figures): void {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `${area}.json`);
  let current: Record<string, Figures & { mode: string }> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8')) as typeof current;
  } catch {
    // first test of this area in this run
  }
  current[test] = { ...figures, mode: FULL ? 'full' : 'bounded' };
  writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
}
