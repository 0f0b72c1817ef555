/** `ramparts whatif` results as tables for a terminal: played against the branch, once or as a sweep. */
import { type BranchRefusal, formatDuration, type OnceComparison, type Percentiles, type SweepComparison } from '../../engine/index.ts';
import { at, count, fixed, span, table } from '../table.ts';

const reached = (ms: number | null): string => (ms === null ? 'not reached' : `reached ${at(ms)}`);
const delta = (a: number, b: number, digits = 1): string => {
  const d = b - a;
  return d === 0 ? '=' : `${d > 0 ? '+' : ''}${d.toFixed(digits)}`;
};
const pct = (x: number): string => `${Math.round(100 * x)}%`;
const dist = (p: Percentiles | null, f: (x: number) => string): string => (p ? `${f(p.p5)} / ${f(p.p50)} / ${f(p.p95)}` : '-');

/** Where a refused command came from, for a person. */
export function describeRefusal(r: BranchRefusal): string {
  const o = r.origin;
  const from =
    o.kind === 'played'
      ? `played record ${o.record}`
      : o.kind === 'moved'
        ? `record ${o.record} moved (edit ${o.edit + 1})`
        : o.kind === 'added'
          ? `added command (edit ${o.edit + 1})`
          : o.kind === 'policy'
            ? `policy rule ${o.rule + 1}`
            : 'the clock';
  return `${at(r.at)} ${r.type} (${from}): ${r.code}: ${r.message}`;
}

/** The comparison of the played exercise with the branch run once. */
export function onceLines(c: OnceComparison, refused: readonly BranchRefusal[]): string[] {
  const lines: string[] = [];
  if (c.divergence) {
    const d = c.divergence;
    const what = d.branch ? `${d.branch.type}` : 'no more events';
    lines.push(`First divergence: event ${count(d.seq)} at ${at(d.t)}: played ${d.played ? d.played.type : 'no more events'}, branch ${what}`);
  } else lines.push('The branch has the same events as the played exercise (no divergence).');
  if (refused.length > 0) {
    lines.push('', `Commands the branch could not apply (${refused.length}):`);
    for (const r of refused.slice(0, 20)) lines.push(`  ${describeRefusal(r)}`);
    if (refused.length > 20) lines.push(`  ... and ${refused.length - 20} more (--json lists them all)`);
  }
  lines.push('', 'Red objectives: played, branch');
  const obj = c.objectives.map((o) => [o.id, reached(o.played), reached(o.branch), o.played === null && o.branch !== null ? 'now reached' : o.played !== null && o.branch === null ? 'prevented' : '']);
  for (const l of table(['objective', 'played', 'branch', ''], obj)) lines.push(`  ${l}`);
  lines.push('', 'Per team: played -> branch');
  const teams = c.teams.map((t) => [
    t.team,
    `${t.played.compromisedNodes} -> ${t.branch.compromisedNodes}`,
    `${fixed(t.played.serviceDownMinutes, 0)} -> ${fixed(t.branch.serviceDownMinutes, 0)}`,
    `${span(t.played.meanTimeToContainMs)} -> ${span(t.branch.meanTimeToContainMs)}`,
    `${fixed(t.played.score.composite)} -> ${fixed(t.branch.score.composite)} (${delta(t.played.score.composite, t.branch.score.composite)})`,
    ...(['availability', 'detection', 'response', 'reporting', 'cooperation', 'penalties'] as const).map((k) => delta(t.played.score[k], t.branch.score[k])),
  ]);
  const head = ['team', 'compromised nodes', 'service-min down', 'mean TTC', 'composite', 'avail.', 'detect.', 'resp.', 'report.', 'coop.', 'penal.'];
  for (const l of table(head, teams)) lines.push(`  ${l}`);
  return lines;
}

/** The comparison of the played exercise with a sweep of the branch. */
export function sweepLines(c: SweepComparison): string[] {
  const lines = ['', `Sweep of the branch: ${count(c.runs)} runs, random streams re-seeded after T; distributions as p5 / p50 / p95, the played value marked by the share of runs at or below it`];
  lines.push('', 'Red objectives: played, and the probability in the branch (95% Wilson interval)');
  const obj = c.objectives.map((o) => [o.id, reached(o.played), fixed(o.probability, 3), `${fixed(o.ci95[0], 3)}-${fixed(o.ci95[1], 3)}`, `${o.achieved}/${c.runs}`]);
  for (const l of table(['objective', 'played', 'P (branch)', '95% CI', 'runs'], obj)) lines.push(`  ${l}`);
  lines.push('', 'Per team: played value [share of branch runs at or below it]; branch p5 / p50 / p95');
  const mark = (played: number | null, share: number | null, f: (x: number) => string): string => (played === null ? '-' : `${f(played)} [${share === null ? '-' : pct(share)}]`);
  const n0 = (x: number) => x.toFixed(0);
  const n1 = (x: number) => x.toFixed(1);
  const rows = c.teams.map((t) => [
    t.team,
    mark(t.composite.played, t.composite.playedAtOrAbove, n1),
    dist(t.composite.branch, n1),
    mark(t.compromisedNodes.played, t.compromisedNodes.playedAtOrAbove, n0),
    dist(t.compromisedNodes.branch, n0),
    mark(t.serviceDownMinutes.played, t.serviceDownMinutes.playedAtOrAbove, n0),
    dist(t.serviceDownMinutes.branch, n0),
    mark(t.meanTimeToContainMs.played, t.meanTimeToContainMs.playedAtOrAbove, (x) => formatDuration(Math.round(x / 1000) * 1000)),
    dist(t.meanTimeToContainMs.branch, (x) => formatDuration(Math.round(x / 1000) * 1000)),
  ]);
  for (const l of table(['team', 'composite played', 'branch', 'compromised played', 'branch', 'service-min played', 'branch', 'mean TTC played', 'branch'], rows)) lines.push(`  ${l}`);
  return lines;
}
