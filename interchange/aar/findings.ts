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
import { areaTask, type Draft, type Parts, type Words, words } from './findings-context.ts';
import { teamFindings } from './team-findings.ts';
import type { Finding } from './types.ts';

function ratingFindings(p: Parts, w: Words): Draft[] {
  const { m, b } = w;
  const out: Draft[] = [];
  const add = (capability: string, task: string | null, name: string, rating: 'P' | 'S' | 'M' | 'U' | null, n: number): void => {
    if (rating === null) return;
    const good = rating === 'P' || rating === 'S';
    out.push({
      kind: good ? 'strength' : 'improvement',
      key: good ? 'rating.good' : 'rating.poor',
      title: m['f.rated.title'](b.auto(name), b.ltr(rating)),
      text: m['f.rated.text'](b.auto(name), b.ltr(rating), m[`rating.${rating}`], n),
      rule: 'rating',
      capability,
      task,
      team: null,
      ...(good ? {} : { priority: rating === 'U' ? ('high' as const) : ('medium' as const) }),
    });
  };
  for (const c of p.capabilities) {
    if (c.ratingSource === 'evaluators') add(c.id, null, c.name, c.rating, c.ratings.length);
    for (const t of c.tasks) add(c.id, t.id, t.name, t.rating, t.ratings.length);
  }
  return out;
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
    out.push({
      kind: 'strength',
      key: 'protect.good',
      title: m['f.protect.good.title'],
      rule: 'time-to-protect',
      team: null,
      ...area,
      text: m['f.protect.good.text'](
        fast.length,
        targeted.length,
        dur(target),
        list(
          fast.map((x) => b.ltr(x.value)),
          4,
        ),
      ),
    });
  }
  if (never.length > 0) {
    out.push({
      kind: 'improvement',
      key: 'protect.never',
      title: m['f.protect.never.title'],
      rule: 'time-to-protect',
      team: null,
      ...area,
      priority: never.length * 2 >= targeted.length ? 'high' : 'medium',
      text: m['f.protect.never.text'](
        never.length,
        targeted.length,
        list(
          never.map((x) => b.ltr(x.value)),
          4,
        ),
      ),
    });
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
  const ordered = all
    .map((f, i) => ({ f, i }))
    .sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i)
    .map((x) => x.f);
  const strengths = ordered.filter((f) => f.kind === 'strength').map((f, i) => ({ id: `S${i + 1}`, ...f }));
  const improvements = ordered.filter((f) => f.kind === 'improvement').map((f, i) => ({ id: `A${i + 1}`, ...f }));
  return { strengths, improvements };
}
