/** The sweep report as tables for a terminal. */
import { formatDuration, type Percentiles, type SweepReport } from '../../engine/index.ts';
import { at, count, fixed, span, table } from '../table.ts';

/** `1-200` for consecutive seeds, else the first few and a count. */
export function describeSeeds(seeds: readonly number[]): string {
  if (seeds.length === 0) return 'no seeds';
  const first = seeds[0] as number;
  const last = seeds[seeds.length - 1] as number;
  if (last - first + 1 === seeds.length) return seeds.length === 1 ? `seed ${first}` : `seeds ${first}-${last}`;
  return `${seeds.length} seeds (${seeds.slice(0, 5).join(', ')}${seeds.length > 5 ? ', ...' : ''})`;
}

const pct = (k: number, n: number): string => (n === 0 ? '-' : `${Math.round((100 * k) / n)}%`);
const tp = (p: Percentiles | null, k: 'p5' | 'p50' | 'p95'): string => (p ? at(p[k]) : '-');
const sp = (p: Percentiles | null, k: 'p5' | 'p50' | 'p95'): string => (p ? span(p[k]) : '-');

/** Human-readable report lines. */
export function sweepLines(r: SweepReport, file: string, extra: { workers: number; seconds: number }): string[] {
  const to = r.untilMs === null ? 'to the end' : `until T+${formatDuration(r.untilMs)}`;
  const lines = [
    `Sweep of ${r.scenario} (${file}): ${count(r.runs)} runs, ${describeSeeds(r.seeds)}, ${to}${r.inputs > 0 ? `, ${count(r.inputs)} inputs per run` : ''}; ${extra.workers} worker${extra.workers === 1 ? '' : 's'}, ${extra.seconds.toFixed(1)} s`,
  ];
  if (r.events) lines.push(`Events per run: p5 ${count(r.events.p5)}, p50 ${count(r.events.p50)}, p95 ${count(r.events.p95)}`);
  if (r.runsWithRefusedInputs > 0) lines.push(`Runs with refused inputs: ${count(r.runsWithRefusedInputs)} (run one with 'ramparts run --inputs' to see why)`);

  lines.push('', 'Red objectives: probability achieved (95% Wilson interval), and when (simulated time, over the runs that achieved it)');
  const obj = r.objectives.map((o) => [
    o.id,
    fixed(o.probability, 3),
    `${fixed(o.ci95[0], 3)}-${fixed(o.ci95[1], 3)}`,
    `${o.achieved}/${r.runs}`,
    tp(o.timeMs, 'p5'),
    tp(o.timeMs, 'p50'),
    tp(o.timeMs, 'p95'),
  ]);
  for (const l of table(['objective', 'P', '95% CI', 'runs', 'time p5', 'time p50', 'time p95'], obj)) lines.push(`  ${l}`);

  lines.push('', 'Detection and containment per team (share of runs; times over the runs where they happened)');
  const det = r.teams.map((t) => [
    t.team,
    pct(t.detectedRuns, r.runs),
    tp(t.firstDetectionMs, 'p5'),
    tp(t.firstDetectionMs, 'p50'),
    tp(t.firstDetectionMs, 'p95'),
    sp(t.meanTimeToDetectMs, 'p50'),
    pct(t.compromisedRuns, r.runs),
    pct(t.containedRuns, r.runs),
    sp(t.meanTimeToContainMs, 'p50'),
    sp(t.meanTimeToContainMs, 'p95'),
  ]);
  const detHeader = ['team', 'detected', 'first det. p5', 'p50', 'p95', 'mean TTD p50', 'compromised', 'contained', 'mean TTC p50', 'p95'];
  for (const l of table(detHeader, det)) lines.push(`  ${l}`);

  lines.push('', 'Composite score per team (0-100)');
  const sc = r.teams.map((t) => {
    const p = t.score.composite;
    return [t.team, fixed(p?.p5), fixed(p?.p25), fixed(p?.p50), fixed(p?.p75), fixed(p?.p95), fixed(p?.mean)];
  });
  for (const l of table(['team', 'p5', 'p25', 'p50', 'p75', 'p95', 'mean'], sc)) lines.push(`  ${l}`);
  return lines;
}
