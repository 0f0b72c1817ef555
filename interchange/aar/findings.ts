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
import { type ExerciseState, own } from '../../engine/index.ts';
import { bidi, type Bidi } from './bidi.ts';
import { human, listing, pct } from './format.ts';
import { pickText } from './exercise.ts';
import { aarMessages, isRtl, type AarMessages } from './i18n/messages.ts';
import type { AarResults, Finding } from './types.ts';

type Draft = Omit<Finding, 'id'>;
type Parts = Pick<AarResults, 'teams' | 'capabilities' | 'services' | 'timeToProtect' | 'techniques' | 'injects' | 'scoring'> & { ranMs: number; lang: string };
/** The texts of one report: its catalog, its isolates and its duration format. */
interface Words { m: AarMessages; b: Bidi; dur(ms: number | null): string; list(items: readonly string[], max?: number): string }

const words = (lang: string): Words => {
  const m = aarMessages(lang);
  return { m, b: bidi(isRtl(lang)), dur: (ms) => human(ms, m), list: (items, max = 6) => listing(items, max, m) };
};

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

function ratingFindings(p: Parts, w: Words): Draft[] {
  const { m, b } = w;
  const out: Draft[] = [];
  const add = (capability: string, task: string | null, name: string, rating: 'P' | 'S' | 'M' | 'U' | null, n: number): void => {
    if (rating === null) return;
    const good = rating === 'P' || rating === 'S';
    out.push({
      kind: good ? 'strength' : 'improvement', key: good ? 'rating.good' : 'rating.poor',
      title: m['f.rated.title'](b.auto(name), b.ltr(rating)),
      text: m['f.rated.text'](b.auto(name), b.ltr(rating), m[`rating.${rating}`], n),
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

function teamFindings(state: ExerciseState, p: Parts, w: Words): Draft[] {
  const { m, b, dur, list } = w;
  const out: Draft[] = [];
  const { detectionHalfLife: half, responseTarget: target } = p.scoring;
  const detectArea = areaTask(state, 'detection');
  const containArea = areaTask(state, 'containment');
  const shareArea = areaTask(state, 'sharing');
  const applyArea = areaTask(state, 'applying');
  const contArea = areaTask(state, 'continuity');
  for (const t of p.teams) {
    const name = b.auto(t.name);
    const d = t.detection;
    if (d.attempts > 0 && d.rate !== null) {
      if (d.rate >= 0.75 && d.medianTimeToDetect !== null && d.medianTimeToDetect <= half) {
        out.push({ kind: 'strength', key: 'detection.good', title: m['f.detection.good.title'](name), rule: 'detection', team: t.id, ...detectArea,
          text: m['f.detection.good.text'](name, d.detected, d.attempts, pct(d.rate), dur(d.medianTimeToDetect), dur(half)) });
      } else if (d.rate < 0.5) {
        const missed = p.techniques.filter((x) => (own(x.teams, t.id)?.attempts ?? 0) > 0 && own(x.teams, t.id)?.detected === 0).map((x) => b.ltr(`${x.technique} ${x.name}`));
        out.push({ kind: 'improvement', key: 'detection.low', title: m['f.detection.low.title'](name), rule: 'detection', team: t.id, ...detectArea, priority: d.rate < 0.25 ? 'high' : 'medium',
          text: m['f.detection.low.text'](name, d.detected, d.attempts, pct(d.rate), list(missed)) });
      }
    }
    const r = t.response;
    if (r.episodes > 0) {
      if (r.open === 0 && r.meanTimeToContain !== null && r.meanTimeToContain <= target) {
        out.push({ kind: 'strength', key: 'containment.good', title: m['f.containment.good.title'](name), rule: 'containment', team: t.id, ...containArea,
          text: m['f.containment.good.text'](name, r.episodes, dur(r.meanTimeToContain), dur(target)) });
      } else if (r.open > 0 || (r.meanTimeToContain !== null && r.meanTimeToContain > target)) {
        out.push({ kind: 'improvement', key: 'containment.slow', title: m['f.containment.slow.title'](name), rule: 'containment', team: t.id, ...containArea, priority: r.open > 0 ? 'high' : 'medium',
          text: m['f.containment.slow.text'](name, r.contained, r.episodes, r.meanTimeToContain === null ? null : dur(r.meanTimeToContain), dur(target), r.open) });
      }
    }
    const i = t.injects;
    const total = i.expectationsMet + i.expectationsMissed;
    if (total >= 3 && i.expectationsMissed / total <= 0.1) {
      out.push({ kind: 'strength', key: 'deadlines.good', title: m['f.deadlines.good.title'](name), rule: 'deadlines', team: t.id, capability: null, task: null,
        text: m['f.deadlines.good.text'](name, i.expectationsMet, total, i.meanTimeToAck === null ? null : dur(i.meanTimeToAck)) });
    } else if (total > 0 && i.expectationsMissed / total > 0.25) {
      const worst = worstTask(p, t.id);
      out.push({ kind: 'improvement', key: 'deadlines.missed', title: m['f.deadlines.missed.title'](name), rule: 'deadlines', team: t.id, capability: worst.capability, task: worst.task,
        priority: i.expectationsMissed / total > 0.75 ? 'high' : 'medium',
        text: m['f.deadlines.missed.text'](name, i.expectationsMissed, total, pct(i.expectationsMissed / total), i.acknowledged, i.answered, i.delivered, worst.name === null ? null : b.auto(worst.name)) });
    }
    const s = t.services;
    // Availability over no time at all says nothing: services are judged only once the clock has run.
    if (s.critical > 0 && p.ranMs > 0) {
      const below = p.services.filter((x) => x.team === t.id && !x.metTarget);
      if (below.length === 0) {
        out.push({ kind: 'strength', key: 'services.good', title: m['f.services.good.title'](name), rule: 'services', team: t.id, ...contArea,
          text: m['f.services.good.text'](name, s.critical) });
      } else {
        out.push({ kind: 'improvement', key: 'services.below', title: m['f.services.below.title'](name), rule: 'services', team: t.id, ...contArea, priority: below.length >= 3 ? 'high' : 'medium',
          text: m['f.services.below.text'](name, below.length, s.critical, list(below.map((x) => m['f.services.item'](b.auto(x.name), pct(x.availability, 1), pct(x.target, 1))), 4)) });
      }
    }
    const n = t.intel;
    if (n.appliedByPartners > 0) {
      out.push({ kind: 'strength', key: 'sharing.used', title: m['f.sharing.used.title'](name), rule: 'sharing', team: t.id, ...shareArea,
        text: m['f.sharing.used.text'](name, n.shared, n.appliedByPartners) });
    } else if (n.shared === 0 && d.detected > 0) {
      out.push({ kind: 'improvement', key: 'sharing.none', title: m['f.sharing.none.title'](name), rule: 'sharing', team: t.id, ...shareArea, priority: 'medium',
        text: m['f.sharing.none.text'](name, d.detected) });
    }
    if (n.received > 0 && n.applied < n.received) {
      out.push({ kind: 'improvement', key: 'sharing.notApplied', title: m['f.sharing.notApplied.title'](name), rule: 'sharing', team: t.id, ...applyArea, priority: 'medium',
        text: m['f.sharing.notApplied.text'](name, n.received, n.applied) });
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

function coalitionFindings(state: ExerciseState, p: Parts, w: Words): Draft[] {
  const { m, b, dur, list } = w;
  const targeted = p.timeToProtect.filter((x) => Object.keys(x.teams).length > 0);
  if (targeted.length === 0) return [];
  const target = p.scoring.responseTarget;
  const area = areaTask(state, 'sharing');
  const fast = targeted.filter((x) => x.blockedEverywhereAfter !== null && x.blockedEverywhereAfter <= target);
  const never = targeted.filter((x) => x.blockedEverywhereAfter === null);
  const out: Draft[] = [];
  if (fast.length > 0) {
    out.push({ kind: 'strength', key: 'protect.good', title: m['f.protect.good.title'], rule: 'time-to-protect', team: null, ...area,
      text: m['f.protect.good.text'](fast.length, targeted.length, dur(target), list(fast.map((x) => b.ltr(x.value)), 4)) });
  }
  if (never.length > 0) {
    out.push({ kind: 'improvement', key: 'protect.never', title: m['f.protect.never.title'], rule: 'time-to-protect', team: null, ...area,
      priority: never.length * 2 >= targeted.length ? 'high' : 'medium',
      text: m['f.protect.never.text'](never.length, targeted.length, list(never.map((x) => b.ltr(x.value)), 4)) });
  }
  return out;
}

/**
 * Every finding, strengths and areas for improvement numbered separately (S1.., A1..) in the order
 * the report lists them under the capability analysis (scenario capability order, then those tied to
 * none), so that a reader going through it meets S1, S2, S3... without gaps.
 */
export function findings(state: ExerciseState, p: Parts): { strengths: Finding[]; improvements: Finding[] } {
  const w = words(p.lang);
  const all = [...ratingFindings(p, w), ...teamFindings(state, p, w), ...coalitionFindings(state, p, w)];
  const capOrder = new Map(p.capabilities.map((c, i) => [c.id, i]));
  const rank = (f: Draft): number => (f.capability === null ? capOrder.size : (capOrder.get(f.capability) ?? capOrder.size));
  // Array.prototype.sort is stable: within a capability, findings keep the order the rules produced them.
  const ordered = all.map((f, i) => ({ f, i })).sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i).map((x) => x.f);
  const strengths = ordered.filter((f) => f.kind === 'strength').map((f, i) => ({ id: `S${i + 1}`, ...f }));
  const improvements = ordered.filter((f) => f.kind === 'improvement').map((f, i) => ({ id: `A${i + 1}`, ...f }));
  return { strengths, improvements };
}
