/**
 * After-action results of the flagship run, checked against figures recomputed here straight from the
 * raw events and the final state; the HSEEP structure of the Markdown AAR/IP; rule-based findings and
 * the improvement plan; determinism.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { coalitionMetrics, parseLog, type EngineEvent } from '../../../engine/index.ts';
import { AAR_SECTIONS, aarJson, aarMarkdown, buildAarResults, consolidate, loadExercise } from '../../../interchange/index.ts';
import { flagship, type Flagship } from './shared.ts';

let f: Flagship;
let ev: EngineEvent[];
beforeAll(() => {
  f = flagship();
  ev = f.run.events;
});
const data = <T>(e: EngineEvent): T => e.data as T;
const DAY = 86_400_000;

describe('after-action results: figures from the log', () => {
  it('time to detect per red step and team is the first true alert of that team about the step', () => {
    const alertsById = new Map(ev.filter((e) => e.type === 'alert').map((e) => [data<{ id: string }>(e).id, e.t]));
    let checked = 0;
    for (const s of f.results.redSteps) {
      for (const t of s.teams) {
        const first = ev
          .filter((e) => e.type === 'alert.truth')
          .map((e) => data<{ team: string; alert: string; fp: boolean; step: string | null }>(e))
          .filter((x) => !x.fp && x.step === s.id && x.team === t.team)
          .map((x) => alertsById.get(x.alert) as number);
        expect(t.detectedAt, `${s.id}/${t.team}`).toBe(first.length > 0 ? Math.min(...first) : null);
        if (t.detectedAt !== null && t.firstAttemptAt !== null) expect(t.timeToDetect).toBe(t.detectedAt - t.firstAttemptAt);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(f.results.redSteps.some((s) => s.teams.some((t) => t.detectedAt === null))).toBe(true);
  });

  it('time to contain is when the last node a step compromised was isolated or restored', () => {
    const s = f.exercise.state;
    const nodeStates = ev.filter((e) => e.type === 'node.state').map((e) => ({ t: e.t, ...data<{ node: string; integrity: string; network: string }>(e) }));
    let checked = 0;
    for (const step of f.results.redSteps) {
      for (const t of step.teams) {
        if (t.nodesToContain === 0 || t.nodesContained !== t.nodesToContain) continue;
        const hits = s.attempts.filter((a) => a.ok && a.team === t.team && s.scenario.steps[a.step]!.id === step.id);
        const contained = hits
          .map((a) => {
            const node = s.scenario.nodes[a.node]!.id;
            return nodeStates.find((x) => x.node === node && x.t >= a.t && (x.network === 'isolated' || x.integrity === 'restored'))?.t;
          })
          .filter((x): x is number => x !== undefined);
        expect(t.containedAt, `${step.id}/${t.team}`).toBe(Math.max(...contained));
        expect(t.timeToContain).toBe(t.containedAt! - Math.min(...hits.map((a) => a.t)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('inject acknowledgement and answer times come from the delivery, ack and answer events', () => {
    const at = (type: string) => new Map(ev.filter((e) => e.type === type).map((e) => [`${data<{ inject: string }>(e).inject}|${data<{ team: string }>(e).team}`, e.t]));
    const delivered = at('inject.delivered');
    const acked = at('inject.acknowledged');
    const answered = at('inject.answered');
    let rows = 0;
    for (const i of f.results.injects) {
      for (const t of i.teams) {
        const k = `${i.id}|${t.team}`;
        expect(t.deliveredAt).toBe(delivered.get(k));
        expect(t.timeToAck).toBe(acked.has(k) ? acked.get(k)! - delivered.get(k)! : null);
        expect(t.timeToAnswer).toBe(answered.has(k) ? answered.get(k)! - delivered.get(k)! : null);
        rows++;
      }
    }
    expect(rows).toBe(ev.filter((e) => e.type === 'inject.delivered').length);
    expect(f.results.injects.some((i) => i.adhoc && i.id === 'adhoc-1')).toBe(true);
  });

  it('critical service availability is the share of the exercise the service was up', () => {
    const end = f.results.overview.exercise.endMs;
    const status = ev.filter((e) => e.type === 'node.status').map((e) => ({ t: e.t, ...data<{ node: string; services: { id: string; up: boolean }[] }>(e) }));
    for (const s of f.results.services) {
      let up = true;
      let since = 0;
      let down = 0;
      for (const x of status) {
        if (x.node !== s.node) continue;
        const now: boolean = x.services.find((v) => v.id === s.service)?.up ?? up;
        if (up && !now) since = x.t;
        if (!up && now) down += x.t - since;
        up = now;
      }
      if (!up) down += end - since;
      expect(s.downtimeMs, `${s.node}/${s.service}`).toBe(down);
      expect(s.availability).toBeCloseTo(1 - down / end, 5);
      expect(s.metTarget).toBe(1 - down / end >= s.target);
    }
    expect(f.results.services.length).toBe(f.exercise.state.scenario.nodes.flatMap((n) => n.services.filter((v) => v.critical)).length);
    expect(f.results.services.some((s) => !s.metTarget)).toBe(true);
  });

  it('intelligence shared and used, and the coalition time-to-protect', () => {
    const shared = new Map(ev.filter((e) => e.type === 'intel.shared').map((e) => [data<{ id: string }>(e).id, e.t]));
    const applied = ev.filter((e) => e.type === 'intel.applied').map((e) => ({ t: e.t, ...data<{ report: string; team: string }>(e) }));
    expect(f.results.intel.map((r) => r.id)).toEqual([...shared.keys()]);
    for (const r of f.results.intel) {
      const mine = applied.filter((a) => a.report === r.id);
      expect(r.appliedBy.map((a) => [a.team, a.delay]).sort()).toEqual(mine.map((a) => [a.team, a.t - shared.get(r.id)!]).sort());
    }
    expect(f.results.intel.reduce((n, r) => n + r.blockedAttempts, 0)).toBeGreaterThan(0);
    const cm = coalitionMetrics(f.exercise.state);
    expect(f.results.timeToProtect.map((x) => [x.indicator, x.firstSeen, x.teams, x.blockedEverywhereAfter])).toEqual(cm.map((x) => [x.indicator, x.firstSeen, x.teams, x.blockedEverywhereAfter]));
    expect(f.results.timeToProtect.every((x) => x.firstSeenBy !== null)).toBe(true);
  });

  it('per-team figures agree with the engine metrics and with each other', () => {
    for (const t of f.results.teams) {
      const st = f.exercise.state.teams[t.id]!;
      expect(t.detection.alerts).toBe(st.alerts.length);
      expect(t.intel.shared).toBe(st.sent.length);
      expect(t.intel.applied).toBe(Object.keys(st.applied).length);
      expect(t.response.episodes).toBe(st.score.episodes);
      expect(t.response.open).toBe(Object.keys(st.score.open).length);
      expect(t.timeline.length).toBeGreaterThan(200);
    }
  });
});

describe('capability analysis and findings', () => {
  it("consolidates ratings: each evaluator's latest counts, ties go to the lower rating", () => {
    expect(consolidate([])).toBeNull();
    expect(
      consolidate([
        { by: 'a', rating: 'P' },
        { by: 'b', rating: 'S' },
      ]),
    ).toBe('S');
    expect(
      consolidate([
        { by: 'a', rating: 'U' },
        { by: 'a', rating: 'P' },
        { by: 'b', rating: 'P' },
        { by: 'c', rating: 'M' },
      ]),
    ).toBe('P');
    const cap = (id: string) => f.results.capabilities.find((c) => c.id === id)!;
    expect(cap('intel-sharing')).toMatchObject({ rating: 'S', ratingSource: 'evaluators' });
    expect(cap('cybersecurity').tasks.find((t) => t.id === 'cyber-contain')!.rating).toBe('U');
    expect(cap('cybersecurity')).toMatchObject({ rating: 'U', ratingSource: 'tasks' });
    expect(cap('public-info').tasks.find((t) => t.id === 'pio-rumour')!.rating).toBeNull();
    expect(cap('infrastructure').tasks.find((t) => t.id === 'infra-continuity')!.evidence.injects).toBe(7);
  });

  it('derives strengths and areas for improvement by explicit rules', () => {
    const { strengths, improvements } = f.results;
    expect(strengths.find((s) => s.rule === 'rating' && s.task === 'iis-share')).toBeDefined();
    expect(improvements.find((s) => s.rule === 'rating' && s.task === 'cyber-eradicate')?.priority).toBe('high');
    // The poor team (never isolates, acknowledges one inject) has the matching areas for improvement.
    expect(improvements.find((x) => x.team === 'xn' && x.rule === 'detection')?.priority).toBe('high');
    expect(improvements.find((x) => x.team === 'xn' && x.rule === 'containment')?.priority).toBe('high');
    expect(improvements.find((x) => x.team === 'xn' && x.rule === 'deadlines')?.priority).toBe('high');
    // The good teams do not get the poor team's findings.
    expect(improvements.find((x) => (x.team === 'xs' || x.team === 'xr') && (x.rule === 'containment' || x.rule === 'detection'))).toBeUndefined();
    expect(strengths.find((x) => x.team === 'xs' && x.rule === 'sharing')).toBeDefined();
    for (const x of [...strengths, ...improvements]) expect(x.text.length).toBeGreaterThan(20);
  });

  it('turns every area for improvement into a plan row with owner and due date after the exercise', () => {
    const plan = f.results.improvementPlan;
    expect(plan.map((p) => p.finding)).toEqual(f.results.improvements.map((x) => x.id));
    const end = Date.parse(f.results.overview.exercise.endIso);
    const days = { high: 30, medium: 60, low: 90 };
    for (const p of plan) {
      const finding = f.results.improvements.find((x) => x.id === p.finding)!;
      expect(p.owner).toBe(finding.team ?? 'coalition');
      expect(p.startDate).toBe(new Date(end).toISOString().slice(0, 10));
      expect(p.dueDate).toBe(new Date(end + days[p.priority] * DAY).toISOString().slice(0, 10));
      expect(p.correctiveAction.length).toBeGreaterThan(30);
      expect(['Planning', 'Organization', 'Equipment', 'Training', 'Exercise']).toContain(p.element);
    }
  });
});

describe('AAR/IP in Markdown', () => {
  it('has every HSEEP section, in order, and the TLP marking at both ends', () => {
    const md = aarMarkdown(f.results);
    const headings = md
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3).replace(/\\/g, ''));
    expect(headings).toEqual([...AAR_SECTIONS]);
    expect(md.startsWith('**TLP:RED**')).toBe(true);
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/^\*\*TLP:RED\*\*/);
    for (const cap of f.results.capabilities) expect(md).toContain(`### ${cap.name}`);
    expect(md).toContain('| IP-01 |');
    expect(md).toMatch(/\| Critical task \| Rating \| Evaluator notes/);
    expect(md).toContain('Performed with Major Challenges');
  });

  it('is deterministic: the same log gives the same results, Markdown and JSON', () => {
    const again = parseLog(f.run.text);
    if (!again.ok) throw new Error('log');
    const x = loadExercise(again.log);
    if (!x.ok) throw new Error(x.message);
    const r = buildAarResults(x.exercise);
    expect(aarJson(r)).toBe(aarJson(f.results));
    expect(aarMarkdown(r)).toBe(aarMarkdown(f.results));
    expect(JSON.parse(aarJson(r))).toEqual(f.results);
  });
});
