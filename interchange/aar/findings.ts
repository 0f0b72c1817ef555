/**
 * Strengths and areas for improvement, derived from the figures by explicit rules, so that every
 * observation says why it is there (its `rule` and the figures in its text):
 *
 * - rating: an evaluator rating (consolidated) of P or S is a strength; M or U an area for improvement
 *   (U high priority, M medium). Rated critical tasks are listed; a capability's own rating too.
 * - detection: a team that detected at least 75% of the red attempts on its networks with a median time
 *   to detect within the detection half-life shows a strength; under 50% detected is an area for
 *   improvement (high under 25%), naming the techniques it never detected.
 * - containment: every compromise contained, on average within the response target: strength; any
 *   compromise still open at the end (high) or a mean time to contain over the target (medium): area.
 * - deadlines: at least 3 expected actions and at most 10% missed: strength; over 25% missed: area
 *   (high over 75%), attributed to the critical task with the most misses.
 * - services: every critical service at or above its availability target: strength; any below: area
 *   (high with three or more).
 * - sharing: reports applied by partners: strength; detections but nothing shared, or reports received
 *   and not applied: area.
 * - time-to-protect (coalition): indicators blocked everywhere they were later used within the response
 *   target: strength; indicators some targeted team never blocked: area (high when half or more).
 */
import type { ExerciseState } from '../../engine/index.ts';
import { human, listing, pct, plural } from './format.ts';
import { pickText } from './exercise.ts';
import { RATING_NAMES } from './ratings.ts';
import type { AarResults, Finding } from './types.ts';
import { own } from '../../engine/index.ts';

type Draft = Omit<Finding, 'id'>;
type Parts = Pick<AarResults, 'teams' | 'capabilities' | 'services' | 'timeToProtect' | 'techniques' | 'injects' | 'scoring'> & { ranMs: number };

/** Keywords that find the scenario's critical task for an area of performance (by task, then capability name). */
const AREAS: Record<string, RegExp> = {
  detection: /detect/i,
  containment: /contain/i,
  sharing: /shar|intel/i,
  applying: /apply|received/i,
  reporting: /situation report|sitrep|report/i,
  continuity: /continuity|running|restore|availab/i,
};

/** The scenario capability and task an area of performance belongs to, found by keywords; null when none fits. */
export function areaTask(state: ExerciseState, area: keyof typeof AREAS): { capability: string | null; task: string | null } {
  const re = AREAS[area] as RegExp;
  for (const c of state.scenario.capabilities) {
    for (const t of c.tasks) if (re.test(pickText(t.name)) || re.test(t.id)) return { capability: c.id, task: t.id };
  }
  for (const c of state.scenario.capabilities) if (re.test(pickText(c.name))) return { capability: c.id, task: null };
  return { capability: null, task: null };
}

function ratingFindings(p: Parts): Draft[] {
  const out: Draft[] = [];
  const add = (capability: string, task: string | null, name: string, rating: string | null, n: number): void => {
    if (rating === null) return;
    const good = rating === 'P' || rating === 'S';
    out.push({
      kind: good ? 'strength' : 'improvement',
      title: `${name}: rated ${rating}`,
      text: `Evaluators rated "${name}" ${rating} (${RATING_NAMES[rating as 'P']}) in ${plural(n, 'rating')}.`,
      rule: 'rating', capability, task, team: null,
      ...(good ? {} : { priority: rating === 'U' ? 'high' as const : 'medium' as const }),
    });
  };
  for (const c of p.capabilities) {
    if (c.ratingSource === 'evaluators') add(c.id, null, c.name, c.rating, c.ratings.length);
    for (const t of c.tasks) add(c.id, t.id, t.name, t.rating, t.ratings.length);
  }
  return out;
}

function teamFindings(state: ExerciseState, p: Parts): Draft[] {
  const out: Draft[] = [];
  const { detectionHalfLife: half, responseTarget: target } = p.scoring;
  const detectArea = areaTask(state, 'detection');
  const containArea = areaTask(state, 'containment');
  const shareArea = areaTask(state, 'sharing');
  const applyArea = areaTask(state, 'applying');
  const contArea = areaTask(state, 'continuity');
  for (const t of p.teams) {
    const d = t.detection;
    if (d.attempts > 0 && d.rate !== null) {
      if (d.rate >= 0.75 && d.medianTimeToDetect !== null && d.medianTimeToDetect <= half) {
        out.push({ kind: 'strength', title: `${t.name}: fast detection`, rule: 'detection', team: t.id, ...detectArea,
          text: `${t.name} detected ${d.detected} of ${d.attempts} red attempts on its networks (${pct(d.rate)}), median time to detect ${human(d.medianTimeToDetect)} (half-life ${human(half)}).` });
      } else if (d.rate < 0.5) {
        const missed = p.techniques.filter((x) => (own(x.teams, t.id)?.attempts ?? 0) > 0 && own(x.teams, t.id)?.detected === 0).map((x) => `${x.technique} ${x.name}`);
        out.push({ kind: 'improvement', title: `${t.name}: low detection`, rule: 'detection', team: t.id, ...detectArea, priority: d.rate < 0.25 ? 'high' : 'medium',
          text: `${t.name} detected only ${d.detected} of ${d.attempts} red attempts on its networks (${pct(d.rate)}).${missed.length > 0 ? ` Never detected: ${listing(missed)}.` : ''}` });
      }
    }
    const r = t.response;
    if (r.episodes > 0) {
      if (r.open === 0 && r.meanTimeToContain !== null && r.meanTimeToContain <= target) {
        out.push({ kind: 'strength', title: `${t.name}: fast containment`, rule: 'containment', team: t.id, ...containArea,
          text: `${t.name} contained all ${plural(r.episodes, 'compromise')} in ${human(r.meanTimeToContain)} on average (target ${human(target)}).` });
      } else if (r.open > 0 || (r.meanTimeToContain !== null && r.meanTimeToContain > target)) {
        out.push({ kind: 'improvement', title: `${t.name}: slow or incomplete containment`, rule: 'containment', team: t.id, ...containArea, priority: r.open > 0 ? 'high' : 'medium',
          text: `${t.name} contained ${r.contained} of ${plural(r.episodes, 'compromise')}${r.meanTimeToContain !== null ? ` in ${human(r.meanTimeToContain)} on average` : ''} (target ${human(target)}); ${r.open} still open at the end.` });
      }
    }
    const i = t.injects;
    const total = i.expectationsMet + i.expectationsMissed;
    if (total >= 3 && i.expectationsMissed / total <= 0.1) {
      out.push({ kind: 'strength', title: `${t.name}: expected actions on time`, rule: 'deadlines', team: t.id, capability: null, task: null,
        text: `${t.name} met ${i.expectationsMet} of ${total} expected actions before their deadlines${i.meanTimeToAck !== null ? `; injects acknowledged in ${human(i.meanTimeToAck)} on average` : ''}.` });
    } else if (total > 0 && i.expectationsMissed / total > 0.25) {
      const worst = worstTask(p, t.id);
      out.push({ kind: 'improvement', title: `${t.name}: missed inject deadlines`, rule: 'deadlines', team: t.id, capability: worst.capability, task: worst.task,
        priority: i.expectationsMissed / total > 0.75 ? 'high' : 'medium',
        text: `${t.name} missed ${i.expectationsMissed} of ${total} expected actions (${pct(i.expectationsMissed / total)}); acknowledged ${i.acknowledged} and answered ${i.answered} of ${plural(i.delivered, 'inject')}.${worst.name ? ` Most misses: ${worst.name}.` : ''}` });
    }
    const s = t.services;
    // Availability over no time at all says nothing: services are judged only once the clock has run.
    if (s.critical > 0 && p.ranMs > 0) {
      const below = p.services.filter((x) => x.team === t.id && !x.metTarget);
      if (below.length === 0) {
        out.push({ kind: 'strength', title: `${t.name}: critical services kept up`, rule: 'services', team: t.id, ...contArea,
          text: `All ${plural(s.critical, 'critical service')} of ${t.name} met their availability targets.` });
      } else {
        out.push({ kind: 'improvement', title: `${t.name}: critical services below target`, rule: 'services', team: t.id, ...contArea, priority: below.length >= 3 ? 'high' : 'medium',
          text: `${below.length} of ${plural(s.critical, 'critical service')} of ${t.name} fell below their availability target: ${listing(below.map((x) => `${x.name} ${pct(x.availability, 1)} (target ${pct(x.target, 1)})`), 4)}.` });
      }
    }
    const n = t.intel;
    if (n.appliedByPartners > 0) {
      out.push({ kind: 'strength', title: `${t.name}: intelligence used by partners`, rule: 'sharing', team: t.id, ...shareArea,
        text: `${t.name} shared ${plural(n.shared, 'report')}; partners applied them ${plural(n.appliedByPartners, 'time')}.` });
    } else if (n.shared === 0 && d.detected > 0) {
      out.push({ kind: 'improvement', title: `${t.name}: detections not shared`, rule: 'sharing', team: t.id, ...shareArea, priority: 'medium',
        text: `${t.name} detected ${plural(d.detected, 'red attempt')} but shared no intelligence with partners.` });
    }
    if (n.received > 0 && n.applied < n.received) {
      out.push({ kind: 'improvement', title: `${t.name}: partner intelligence not applied`, rule: 'sharing', team: t.id, ...applyArea, priority: 'medium',
        text: `${t.name} received ${plural(n.received, 'report')} from partners and applied ${n.applied}.` });
    }
  }
  return out;
}

/** The critical task whose injects the team missed most deadlines of. */
function worstTask(p: Parts, team: string): { capability: string | null; task: string | null; name: string | null } {
  const misses = new Map<string, number>();
  for (const i of p.injects) {
    if (!i.capability) continue;
    const row = i.teams.find((x) => x.team === team);
    const n = row ? row.expectations.filter((e) => e.met === false).length : 0;
    if (n > 0) misses.set(`${i.capability}|${i.task ?? ''}`, (misses.get(`${i.capability}|${i.task ?? ''}`) ?? 0) + n);
  }
  let best: [string, number] | null = null;
  for (const e of misses) if (best === null || e[1] > best[1]) best = e;
  if (!best) return { capability: null, task: null, name: null };
  const [capability, task] = best[0].split('|') as [string, string];
  const cap = p.capabilities.find((c) => c.id === capability);
  const name = cap?.tasks.find((t) => t.id === task)?.name ?? cap?.name ?? null;
  return { capability, task: task === '' ? null : task, name };
}

function coalitionFindings(state: ExerciseState, p: Parts): Draft[] {
  const targeted = p.timeToProtect.filter((x) => Object.keys(x.teams).length > 0);
  if (targeted.length === 0) return [];
  const target = p.scoring.responseTarget;
  const area = areaTask(state, 'sharing');
  const fast = targeted.filter((x) => x.blockedEverywhereAfter !== null && x.blockedEverywhereAfter <= target);
  const never = targeted.filter((x) => x.blockedEverywhereAfter === null);
  const out: Draft[] = [];
  if (fast.length > 0) {
    out.push({ kind: 'strength', title: 'Coalition: indicators blocked everywhere in time', rule: 'time-to-protect', team: null, ...area,
      text: `${fast.length} of ${plural(targeted.length, 'indicator')} red reused against other teams were blocked by every targeted team within ${human(target)} of their first detection: ${listing(fast.map((x) => x.value), 4)}.` });
  }
  if (never.length > 0) {
    out.push({ kind: 'improvement', title: 'Coalition: indicators never blocked where reused', rule: 'time-to-protect', team: null, ...area,
      priority: never.length * 2 >= targeted.length ? 'high' : 'medium',
      text: `${never.length} of ${plural(targeted.length, 'indicator')} seen by one team and later used against others were never blocked by every targeted team: ${listing(never.map((x) => x.value), 4)}.` });
  }
  return out;
}

/** Every finding, strengths and areas for improvement numbered separately (S1.., A1..). */
export function findings(state: ExerciseState, p: Parts): { strengths: Finding[]; improvements: Finding[] } {
  const all = [...ratingFindings(p), ...teamFindings(state, p), ...coalitionFindings(state, p)];
  const strengths = all.filter((f) => f.kind === 'strength').map((f, i) => ({ id: `S${i + 1}`, ...f }));
  const improvements = all.filter((f) => f.kind === 'improvement').map((f, i) => ({ id: `A${i + 1}`, ...f }));
  return { strengths, improvements };
}
