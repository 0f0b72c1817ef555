/**
 * The findings about each blue team, by the rules of findings.ts's header: detection, containment,
 * deadlines (attributed to the critical task with the most misses), critical services and sharing.
 */
import { type ExerciseState, own } from '../../engine/index.ts';
import { pct } from './format.ts';
import { areaTask, type Draft, type Parts, type Words } from './findings-context.ts';

export function teamFindings(state: ExerciseState, p: Parts, w: Words): Draft[] {
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
        out.push({
          kind: 'strength',
          key: 'detection.good',
          title: m['f.detection.good.title'](name),
          rule: 'detection',
          team: t.id,
          ...detectArea,
          text: m['f.detection.good.text'](name, d.detected, d.attempts, pct(d.rate), dur(d.medianTimeToDetect), dur(half)),
        });
      } else if (d.rate < 0.5) {
        const missed = p.techniques.filter((x) => (own(x.teams, t.id)?.attempts ?? 0) > 0 && own(x.teams, t.id)?.detected === 0).map((x) => b.ltr(`${x.technique} ${x.name}`));
        out.push({
          kind: 'improvement',
          key: 'detection.low',
          title: m['f.detection.low.title'](name),
          rule: 'detection',
          team: t.id,
          ...detectArea,
          priority: d.rate < 0.25 ? 'high' : 'medium',
          text: m['f.detection.low.text'](name, d.detected, d.attempts, pct(d.rate), list(missed)),
        });
      }
    }
    const r = t.response;
    if (r.episodes > 0) {
      if (r.open === 0 && r.meanTimeToContain !== null && r.meanTimeToContain <= target) {
        out.push({
          kind: 'strength',
          key: 'containment.good',
          title: m['f.containment.good.title'](name),
          rule: 'containment',
          team: t.id,
          ...containArea,
          text: m['f.containment.good.text'](name, r.episodes, dur(r.meanTimeToContain), dur(target)),
        });
      } else if (r.open > 0 || (r.meanTimeToContain !== null && r.meanTimeToContain > target)) {
        out.push({
          kind: 'improvement',
          key: 'containment.slow',
          title: m['f.containment.slow.title'](name),
          rule: 'containment',
          team: t.id,
          ...containArea,
          priority: r.open > 0 ? 'high' : 'medium',
          text: m['f.containment.slow.text'](name, r.contained, r.episodes, r.meanTimeToContain === null ? null : dur(r.meanTimeToContain), dur(target), r.open),
        });
      }
    }
    const i = t.injects;
    const total = i.expectationsMet + i.expectationsMissed;
    if (total >= 3 && i.expectationsMissed / total <= 0.1) {
      out.push({
        kind: 'strength',
        key: 'deadlines.good',
        title: m['f.deadlines.good.title'](name),
        rule: 'deadlines',
        team: t.id,
        capability: null,
        task: null,
        text: m['f.deadlines.good.text'](name, i.expectationsMet, total, i.meanTimeToAck === null ? null : dur(i.meanTimeToAck)),
      });
    } else if (total > 0 && i.expectationsMissed / total > 0.25) {
      const worst = worstTask(p, t.id);
      out.push({
        kind: 'improvement',
        key: 'deadlines.missed',
        title: m['f.deadlines.missed.title'](name),
        rule: 'deadlines',
        team: t.id,
        capability: worst.capability,
        task: worst.task,
        priority: i.expectationsMissed / total > 0.75 ? 'high' : 'medium',
        text: m['f.deadlines.missed.text'](
          name,
          i.expectationsMissed,
          total,
          pct(i.expectationsMissed / total),
          i.acknowledged,
          i.answered,
          i.delivered,
          worst.name === null ? null : b.auto(worst.name),
        ),
      });
    }
    const s = t.services;
    // Availability over no time at all says nothing: services are judged only once the clock has run.
    if (s.critical > 0 && p.ranMs > 0) {
      const below = p.services.filter((x) => x.team === t.id && !x.metTarget);
      if (below.length === 0) {
        out.push({ kind: 'strength', key: 'services.good', title: m['f.services.good.title'](name), rule: 'services', team: t.id, ...contArea, text: m['f.services.good.text'](name, s.critical) });
      } else {
        out.push({
          kind: 'improvement',
          key: 'services.below',
          title: m['f.services.below.title'](name),
          rule: 'services',
          team: t.id,
          ...contArea,
          priority: below.length >= 3 ? 'high' : 'medium',
          text: m['f.services.below.text'](
            name,
            below.length,
            s.critical,
            list(
              below.map((x) => m['f.services.item'](b.auto(x.name), pct(x.availability, 1), pct(x.target, 1))),
              4,
            ),
          ),
        });
      }
    }
    const n = t.intel;
    if (n.appliedByPartners > 0) {
      out.push({
        kind: 'strength',
        key: 'sharing.used',
        title: m['f.sharing.used.title'](name),
        rule: 'sharing',
        team: t.id,
        ...shareArea,
        text: m['f.sharing.used.text'](name, n.shared, n.appliedByPartners),
      });
    } else if (n.shared === 0 && d.detected > 0) {
      out.push({
        kind: 'improvement',
        key: 'sharing.none',
        title: m['f.sharing.none.title'](name),
        rule: 'sharing',
        team: t.id,
        ...shareArea,
        priority: 'medium',
        text: m['f.sharing.none.text'](name, d.detected),
      });
    }
    if (n.received > 0 && n.applied < n.received) {
      out.push({
        kind: 'improvement',
        key: 'sharing.notApplied',
        title: m['f.sharing.notApplied.title'](name),
        rule: 'sharing',
        team: t.id,
        ...applyArea,
        priority: 'medium',
        text: m['f.sharing.notApplied.text'](name, n.received, n.applied),
      });
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
