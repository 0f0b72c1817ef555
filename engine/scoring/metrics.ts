/**
 * After-action metrics computed from the state: per-team outcomes and the coalition metric, the time
 * from the first detection of a campaign indicator anywhere to its block by every team later targeted
 * with it.
 */
import type { CIndicator } from '../compile/types.ts';
import type { ExerciseState, ScoreSample } from '../sim/state.ts';
import { computeScore } from '../sim/score.ts';
import { own, setOwn } from '../lib/own.ts';

/** One campaign indicator across the coalition: first seen, when each targeted team blocked it, and when all had. */
export interface CoalitionMetric {
  indicator: string;
  value: string;
  firstSeen: number;
  teams: Record<string, number | null>;
  blockedEverywhereAfter: number | null;
}

export interface TeamMetrics {
  team: string;
  score: ScoreSample;
  timeline: ScoreSample[];
  attempts: number;
  successfulAttempts: number;
  detectedAttempts: number;
  /** Mean time (ms) from attempt to first alert over detected attempts, or null. */
  meanTimeToDetect: number | null;
  alerts: number;
  falsePositives: number;
  compromiseEpisodes: number;
  expectationsMet: number;
  expectationsMissed: number;
  reportsShared: number;
  reportsApplied: number;
}

export interface Metrics {
  t: number;
  teams: TeamMetrics[];
  coalition: CoalitionMetric[];
  red: { stepsSucceeded: number; stepsFailed: number; stepsAborted: number; objectives: Record<string, number> };
}

export function coalitionMetrics(s: ExerciseState): CoalitionMetric[] {
  const out: CoalitionMetric[] = [];
  s.scenario.indicators.forEach((ind: CIndicator, i) => {
    const value = s.indicators[i] as string;
    const first = own(s.coalition.firstSeen, value);
    if (first === undefined) return;
    const teams: Record<string, number | null> = {};
    let worst: number | null = 0;
    for (const team of Object.keys(own(s.coalition.targeted, value) ?? {}).sort()) {
      const rt = own(s.teams, team);
      const at = rt && own(rt.blocked, value);
      const delay = at === undefined ? null : Math.max(0, at - first);
      setOwn(teams, team, delay);
      worst = delay === null || worst === null ? null : Math.max(worst, delay);
    }
    out.push({ indicator: ind.id, value, firstSeen: first, teams, blockedEverywhereAfter: worst });
  });
  return out;
}

/** Everything the after-action report needs in numbers. */
export function metrics(s: ExerciseState): Metrics {
  const teams = Object.values(s.teams).map((t): TeamMetrics => {
    let attempts = 0;
    let ok = 0;
    let det = 0;
    let delaySum = 0;
    for (const a of s.attempts) {
      if (a.team !== t.id || a.reason === 'unreachable') continue;
      attempts++;
      if (a.ok) ok++;
      if (a.detectedAt !== null) {
        det++;
        delaySum += a.detectedAt - a.t;
      }
    }
    let fps = 0;
    for (const x of own(s.alertTruth, t.id) ?? []) if (x.fp) fps++;
    return {
      team: t.id,
      score: computeScore(s, t.id),
      timeline: t.score.timeline.map((x) => ({ ...x })),
      attempts,
      successfulAttempts: ok,
      detectedAttempts: det,
      meanTimeToDetect: det > 0 ? delaySum / det : null,
      alerts: t.alerts.length,
      falsePositives: fps,
      compromiseEpisodes: t.score.episodes,
      expectationsMet: t.score.met,
      expectationsMissed: t.score.missed,
      reportsShared: t.sent.length,
      reportsApplied: Object.keys(t.applied).length,
    };
  });
  let sOk = 0;
  let sFail = 0;
  let sAbort = 0;
  for (const st of s.steps) {
    if (st.s === 'succeeded') sOk++;
    else if (st.s === 'failed') sFail++;
    else if (st.s === 'aborted') sAbort++;
  }
  return { t: s.clock, teams, coalition: coalitionMetrics(s), red: { stepsSucceeded: sOk, stepsFailed: sFail, stepsAborted: sAbort, objectives: { ...s.objectives } } };
}
