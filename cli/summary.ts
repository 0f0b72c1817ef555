/** The human summary of a run's outcome, shared by `ramparts run` and `ramparts replay`. */
import type { CompiledScenario } from '../engine/index.ts';
import type { RunOutcome } from '../engine/index.ts';
import { at, count, fixed, span, table } from './table.ts';

const text = (t: unknown): string => (typeof t === 'string' ? t : t && typeof t === 'object' ? String(Object.values(t)[0] ?? '') : '');

/** Lines describing the outcome: headline, red objectives, per-team table, hash. */
export function summaryLines(o: RunOutcome, compiled: CompiledScenario, headline: string): string[] {
  const lines = [headline, `Events: ${count(o.events)}   Red steps: ${o.red.stepsSucceeded} succeeded, ${o.red.stepsFailed} failed, ${o.red.stepsAborted} aborted`];
  const achieved = o.objectives.filter((x) => x.achievedAtMs !== null).length;
  lines.push('', `Red objectives: ${achieved} of ${o.objectives.length} achieved`);
  const names = new Map(compiled.campaigns.flatMap((c) => c.objectives.map((x) => [x.id, text(x.name)] as const)));
  if (o.objectives.length > 0) {
    for (const l of table(
      ['objective', 'achieved', 'name'],
      o.objectives.map((x) => [x.id, x.achievedAtMs === null ? 'no' : at(x.achievedAtMs), names.get(x.id) ?? '']),
    )) {
      lines.push(`  ${l}`);
    }
  }
  lines.push('', 'Blue teams (score 0-100; detection and containment in simulated time):');
  const rows = o.teams.map((t) => [
    t.team,
    fixed(t.score.composite),
    fixed(t.score.availability, 0),
    fixed(t.score.detection, 0),
    fixed(t.score.response, 0),
    fixed(t.score.reporting, 0),
    fixed(t.score.cooperation, 0),
    fixed(t.score.penalties),
    `${t.detectedAttempts}/${t.attempts}`,
    at(t.firstDetectionMs),
    span(t.meanTimeToDetectMs),
    `${t.contained}/${t.compromises}`,
    span(t.meanTimeToContainMs),
  ]);
  const header = ['team', 'score', 'avail', 'detect', 'respond', 'report', 'coop', 'penalty', 'detected', 'first detection', 'mean TTD', 'contained', 'mean TTC'];
  for (const l of table(header, rows)) lines.push(`  ${l}`);
  lines.push('', `State hash: ${o.stateHash}`);
  return lines;
}
