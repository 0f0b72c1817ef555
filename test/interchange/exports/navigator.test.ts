/**
 * ATT&CK Navigator layers of the flagship run (coalition and each team): the 4.5 format's required
 * fields and types, technique ids and tactics from ATT&CK v18.1 (refdata, not the engine's copy), and
 * scores recomputed here from the exercise truth (attempts and their first alerts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { navigatorJson, navigatorLayer, type NavigatorLayer } from '../../../interchange/index.ts';
import { attackRefdata, flagship, type Flagship } from './shared.ts';

let f: Flagship;
const attack = attackRefdata();
const tacticsOf = new Map(attack.techniques.map((t) => [t.id, t.tactics]));

beforeAll(() => {
  f = flagship();
});

function layer(team?: string): NavigatorLayer {
  const r = navigatorLayer(f.results, team === undefined ? {} : { team });
  if (!r.ok) throw new Error(r.message);
  return r.layer;
}

/** The 4.5 format's rules (refdata/navigator/layerformat-v4.5.md), as a list of violations. */
function violations(l: NavigatorLayer): string[] {
  const out: string[] = [];
  const x = l as unknown as Record<string, unknown>;
  if (typeof x.name !== 'string' || x.name === '') out.push('name');
  if (!['enterprise-attack', 'mobile-attack', 'ics-attack'].includes(x.domain as string)) out.push('domain');
  const v = x.versions as Record<string, unknown> | undefined;
  if (v?.layer !== '4.5') out.push('versions.layer');
  if (typeof v?.navigator !== 'string' || !/^\d+\.\d+\.\d+$/.test(v.navigator) || v.navigator.localeCompare('4.9.0', undefined, { numeric: true }) < 0) out.push('versions.navigator');
  if (typeof v?.attack !== 'string') out.push('versions.attack');
  if (!Array.isArray(x.techniques)) out.push('techniques');
  for (const t of l.techniques) {
    if (typeof t.techniqueID !== 'string') out.push('techniqueID');
    if (t.score !== undefined && typeof t.score !== 'number') out.push(`${t.techniqueID}.score`);
    if (typeof t.comment !== 'string' || typeof t.enabled !== 'boolean' || typeof t.showSubtechniques !== 'boolean') out.push(`${t.techniqueID} field types`);
    for (const m of t.metadata) if (typeof m.name !== 'string' || typeof m.value !== 'string') out.push(`${t.techniqueID}.metadata`);
  }
  const g = l.gradient;
  if (!Array.isArray(g.colors) || g.colors.length < 2 || !(g.maxValue > g.minValue)) out.push('gradient');
  for (const c of g.colors) if (!/^#[0-9a-f]{6}$/i.test(c)) out.push(`gradient colour ${c}`);
  for (const li of l.legendItems) if (typeof li.label !== 'string' || typeof li.color !== 'string') out.push('legendItems');
  for (const m of l.metadata) if (typeof m.name !== 'string' || typeof m.value !== 'string') out.push('metadata');
  return out;
}

/** Detection score of a technique for a team, from the attempts and the alert truth of the final state. */
function expectedScores(team: string | null): Map<string, number> {
  const s = f.exercise.state;
  const half = s.scenario.scoring.detectionHalfLife;
  const firstAlert = new Map<string, number>();
  for (const [t, truths] of Object.entries(s.alertTruth)) {
    truths.forEach((x, i) => {
      if (x.fp || x.attempt === null) return;
      const at = s.teams[t]!.alerts[i]!.t;
      for (const key of [`${x.attempt}|${t}`, `${x.attempt}|*`]) {
        const cur = firstAlert.get(key);
        if (cur === undefined || at < cur) firstAlert.set(key, at);
      }
    });
  }
  const sums = new Map<string, { n: number; credit: number }>();
  s.attempts.forEach((a, i) => {
    if (a.reason === 'unreachable' || (team !== null && a.team !== team)) return;
    const id = s.scenario.steps[a.step]!.technique;
    const at = firstAlert.get(`${i}|${team ?? '*'}`);
    const acc = sums.get(id) ?? { n: 0, credit: 0 };
    acc.n++;
    if (at !== undefined) acc.credit += 0.5 ** ((at - a.t) / half);
    sums.set(id, acc);
  });
  return new Map([...sums].map(([id, x]) => [id, Math.round(((100 * x.credit) / x.n) * 100) / 100]));
}

describe('ATT&CK Navigator layer 4.5', () => {
  it('coalition layer: required fields, versions, domain and ATT&CK v18.1 techniques with their tactics', () => {
    const l = layer();
    expect(violations(l)).toEqual([]);
    expect(l.versions).toEqual({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(l.domain).toBe('enterprise-attack');
    expect(l.techniques.length).toBeGreaterThan(10);
    for (const t of l.techniques) {
      expect(tacticsOf.has(t.techniqueID), t.techniqueID).toBe(true);
      if (t.tactic !== undefined) expect(tacticsOf.get(t.techniqueID)).toContain(t.tactic);
      expect(t.score).toBeGreaterThanOrEqual(0);
      expect(t.score).toBeLessThanOrEqual(100);
    }
    expect(l.metadata.find((m) => m.name === 'seed')?.value).toBe(String(f.exercise.state.seed));
  });

  it('every team layer is valid and lists exactly the techniques red used against that team', () => {
    const s = f.exercise.state;
    for (const team of Object.keys(s.teams)) {
      const l = layer(team);
      expect(violations(l), team).toEqual([]);
      const used = new Set(s.attempts.filter((a) => a.team === team && a.reason !== 'unreachable').map((a) => s.scenario.steps[a.step]!.technique));
      expect(new Set(l.techniques.map((t) => t.techniqueID)), team).toEqual(used);
    }
  });

  it('scores techniques by detection as recomputed from the exercise truth', () => {
    for (const team of ['xs', 'xn', null] as const) {
      const l = layer(team ?? undefined);
      const expected = expectedScores(team);
      const got = new Map<string, number[]>();
      for (const t of l.techniques) got.set(t.techniqueID, [...(got.get(t.techniqueID) ?? []), t.score]);
      for (const [id, scores] of got) {
        // A technique filed under two tactics appears twice; its score over all attempts lies between the two.
        if (scores.length === 1) expect(scores[0], `${team} ${id}`).toBeCloseTo(expected.get(id) as number, 1);
      }
    }
    // The poor team's layer is mostly red, the good team's is not.
    const mean = (l: NavigatorLayer) => l.techniques.reduce((a, t) => a + t.score, 0) / l.techniques.length;
    expect(mean(layer('xn'))).toBeLessThan(mean(layer('xs')));
  });

  it('refuses an unknown team and is deterministic', () => {
    expect(navigatorLayer(f.results, { team: 'nobody' })).toMatchObject({ ok: false, message: expect.stringContaining('no blue team "nobody"') });
    expect(navigatorJson(layer('xm'))).toBe(navigatorJson(layer('xm')));
    const parsed = JSON.parse(navigatorJson(layer())) as NavigatorLayer;
    expect(violations(parsed)).toEqual([]);
  });
});
