/**
 * Composite team score in the manner of Locked Shields, each category 0-100:
 * - availability: criticality-weighted service uptime since T+0, against the weighted availability target
 *   (100 when the target is met, proportionally less below it);
 * - detection: mean over red attempts that reached the team's nodes of 0.5^(delay / detectionHalfLife),
 *   delay from the attempt to the team's first alert about it; undetected attempts count 0;
 * - response: mean over compromise episodes (a connected node becomes compromised) of 1 when contained
 *   (isolated or restored) within responseTarget, else target / time taken; an open episode counts once
 *   it is older than the target (times in play: jumped time is not the team's, see sim/play.ts);
 * - reporting: mean of the white cell's grades (sitreps, inject answers) and of expected actions
 *   (met 100, missed 0);
 * - cooperation: 20 per application of the team's reports by partners, 10 per partner report it applied,
 *   5 per report shared, capped at 100.
 * Categories without anything to judge yet count 100, except cooperation, which is earned.
 * Penalties (points): disruption x criticality-hours (of play) of needless isolation (a clean node isolated) and
 * lateReport x missed deadlines. Composite = weighted mean (weights normalised) - penalties, floored at 0.
 */
import type { ExerciseState, ScoreRt, ScoreSample, TeamRt } from './state.ts';
import { hasOwnKey, own, setOwn } from '../lib/own.ts';
import { played } from './play.ts';

const round = (x: number): number => Math.round(x * 100) / 100;
const HOUR = 3_600_000;

/** Start times of the open compromise episodes of a `ScoreRt.open` record, in its key order. */
const SINCE = new WeakMap<object, number[]>();
/**
 * `Object.values(open)`, kept per record object. Scores are sampled for every team every few
 * simulated minutes, and a team's open episodes run to dozens in a headless run (no blue action
 * contains them): the record, keyed by node id, is a dictionary whose key list a for-in built and
 * sorted afresh every time. The engine changes the record only through openEpisode and closeEpisode,
 * which keep this in step; a restored or cloned state holds new objects.
 */
function openSince(open: Readonly<Record<string, number>>): number[] {
  let since = SINCE.get(open);
  if (since === undefined) {
    since = [];
    for (const node in open) since.push(open[node] as number);
    SINCE.set(open, since);
  }
  return since;
}

/** Opens a compromise episode of node `node` at `t` (the record's only writers are these two). */
export function openEpisode(sc: ScoreRt, node: string, t: number): void {
  const fresh = !hasOwnKey(sc.open, node);
  setOwn(sc.open, node, t);
  // A new key comes last in the key order; an integer-like one sorts first: rebuilt then.
  const since = SINCE.get(sc.open);
  if (since !== undefined) {
    if (fresh && !isIndex(node)) since.push(t);
    else SINCE.delete(sc.open);
  }
}

/** Closes node `node`'s compromise episode. */
export function closeEpisode(sc: ScoreRt, node: string): void {
  delete sc.open[node];
  SINCE.delete(sc.open);
}

/** Integer-like keys come first in an object's key order, not last. */
const isIndex = (k: string): boolean => /^(0|[1-9][0-9]*)$/.test(k);

/** The team's score at the state's current time (reads, never mutates). */
export function computeScore(state: ExerciseState, teamId: string): ScoreSample {
  const t = own(state.teams, teamId) as TeamRt;
  const sc: ScoreRt = t.score;
  const bt = state.scenario.blue[state.scenario.blueIndex.get(teamId) as number];
  const now = state.clock;
  const dt = Math.max(0, now - sc.last);
  const downAcc = sc.downAcc + sc.downW * dt;
  const needAcc = sc.needAcc + sc.needW * played(state, sc.last, Math.max(now, sc.last));
  const elapsed = now - (state.startedAt ?? now);

  let availability = 100;
  if (bt && bt.serviceWeight > 0 && elapsed > 0) {
    const uptime = 1 - downAcc / (bt.serviceWeight * elapsed);
    availability = 100 * Math.min(1, uptime / bt.availabilityTarget);
  }
  const detection = sc.attempts > 0 ? (100 * sc.credit) / sc.attempts : 100;

  const target = state.scenario.scoring.responseTarget;
  let openCount = 0;
  let n = 0;
  let credit = sc.closedCredit;
  for (const since of openSince(sc.open)) {
    openCount++;
    const age = played(state, since, now);
    if (age > target) {
      n++;
      credit += target / age;
    }
  }
  n += sc.episodes - openCount;
  const response = n > 0 ? (100 * credit) / n : 100;

  const items = sc.graded + sc.met + sc.missed;
  const reporting = items > 0 ? (sc.gradeSum + 100 * sc.met) / items : 100;
  const cooperation = Math.min(100, 20 * sc.partnerApplied + 10 * sc.appliedReceived + 5 * sc.shared);

  const { weights: w, penalties: p } = state.scenario.scoring;
  const total = w.availability + w.detection + w.response + w.reporting + w.cooperation;
  const weighted = total > 0 ? (w.availability * availability + w.detection * detection + w.response * response + w.reporting * reporting + w.cooperation * cooperation) / total : 0;
  const penalties = p.disruption * (needAcc / HOUR) + p.lateReport * sc.missed;
  // Fields sorted (a team keeps one sample per hour): see deliverAlert in sim/detection.ts.
  return {
    availability: round(availability),
    composite: round(Math.max(0, weighted - penalties)),
    cooperation: round(cooperation),
    detection: round(detection),
    penalties: round(penalties),
    reporting: round(reporting),
    response: round(response),
    t: now,
  };
}

/** A fresh score record for a team at T+0. */
export function newScore(): ScoreRt {
  const zero: ScoreSample = { availability: 100, composite: 0, cooperation: 0, detection: 100, penalties: 0, reporting: 100, response: 100, t: 0 };
  return {
    last: 0,
    downW: 0,
    downAcc: 0,
    needW: 0,
    needAcc: 0,
    attempts: 0,
    credit: 0,
    episodes: 0,
    closedCredit: 0,
    open: {},
    graded: 0,
    gradeSum: 0,
    met: 0,
    missed: 0,
    shared: 0,
    partnerApplied: 0,
    appliedReceived: 0,
    current: zero,
    timeline: [],
  };
}
