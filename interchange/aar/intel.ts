/**
 * Intelligence shared and used, and the coalition time-to-protect. A report is used when a recipient
 * applies it (its indicators become blocked there); its effect shows as red attempts that a team which
 * had applied it blocked by one of its indicators. Time-to-protect per campaign indicator comes from
 * the engine's `coalitionMetrics`: from its first true sighting anywhere to its block by every team red
 * later targeted with it.
 */
import { coalitionMetrics, type ExerciseState, own } from '../../engine/index.ts';
import type { Timeline } from './timeline.ts';
import type { IndicatorProtection, IntelResult } from './types.ts';

/** Every report shared, in the order shared. */
export function intelResults(state: ExerciseState, tl: Timeline): IntelResult[] {
  const blocks = tl.alerts.filter((a) => a.source === 'block' && !a.fp);
  // The state keeps reports in the order they were shared; the stable sort only guards against a reordered state.
  return Object.values(state.reports)
    .sort((a, b) => a.t - b.t)
    .map((r): IntelResult => {
      const values = new Set(r.indicators);
      const appliedBy = Object.entries(r.appliedBy)
        .map(([team, at]) => ({ team, at, delay: Math.max(0, at - r.t) }))
        .sort((a, b) => a.at - b.at || (a.team < b.team ? -1 : 1));
      const blockedAttempts = blocks.filter((b) => {
        const at = own(r.appliedBy, b.team);
        return at !== undefined && at <= b.t && b.indicators.some((v) => values.has(v));
      }).length;
      return {
        id: r.id,
        from: r.from,
        to: [...r.to],
        t: r.t,
        title: r.title,
        tlp: r.tlp,
        ...(r.technique === undefined ? {} : { technique: r.technique }),
        indicators: r.indicators.length,
        appliedBy,
        blockedAttempts,
      };
    });
}

/** Per campaign indicator seen during the exercise: who saw it first and how long until all targeted teams blocked it. */
export function timeToProtect(state: ExerciseState, tl: Timeline): IndicatorProtection[] {
  return coalitionMetrics(state).map((m): IndicatorProtection => {
    const i = state.scenario.indicatorIndex.get(m.indicator);
    const kind = i === undefined ? 'unknown' : (state.scenario.indicators[i]?.kind ?? 'unknown');
    const first = tl.alerts.find((a) => !a.fp && a.t === m.firstSeen && a.indicators.includes(m.value));
    return {
      indicator: m.indicator,
      kind,
      value: m.value,
      firstSeen: m.firstSeen,
      firstSeenBy: first?.team ?? null,
      teams: { ...m.teams },
      blockedEverywhereAfter: m.blockedEverywhereAfter,
    };
  });
}
