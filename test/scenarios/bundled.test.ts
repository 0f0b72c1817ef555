/**
 * The bundled scenarios meet the sizes and contents issue #2 asks for, and the validator finds
 * nothing to say about them (no error, no warning).
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, checkTechnique, durationMs, SENSOR_KINDS, type SensorT, TLP_LEVELS } from '../../engine/index.ts';
import { blueTeams, conditionKinds, languagesOf, loadBundled, stepTeam, steps } from './bundled-helpers.ts';

const ALL_CONDITIONS = ['stepSucceeded', 'stepDetected', 'notAnswered', 'notAcknowledged', 'scoreBelow', 'nodeState', 'all', 'any'];

describe.each(['gulf-shield.yaml', 'ransomware-tabletop.yaml', 'coalition-tabletop.yaml', 'stress.yaml'])('%s', (file) => {
  const { scenario: s, warnings } = loadBundled(file);

  it('validates without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('has white, red and evaluator seats and blue teams with nation, language and IANA time zone', () => {
    expect(new Set(s.teams.map((t) => t.role))).toEqual(new Set(['white', 'red', 'evaluator', 'blue']));
    for (const t of blueTeams(s)) {
      expect(t.nation, t.id).toMatch(/^[A-Z]{2}$/);
      expect(t.language, t.id).toBeDefined();
      expect(Intl.supportedValuesOf('timeZone').includes(t.timeZone ?? '') || t.timeZone === 'UTC', `${t.id} ${t.timeZone}`).toBe(true);
    }
  });

  it('uses active ATT&CK techniques with one of their own tactics', () => {
    for (const st of steps(s)) {
      const c = checkTechnique(st.technique);
      expect(c.status, `${st.id} ${st.technique}`).toBe('active');
      if (c.status === 'active') expect(c.technique.tactics, st.id).toContain(st.tactic);
    }
  });

  it('keeps every timed step, inject and move inside the exercise', () => {
    const end = durationMs(s.meta.duration);
    for (const st of steps(s)) if (st.timing?.at) expect(durationMs(st.timing.at), st.id).toBeLessThan(end);
    for (const i of s.injects ?? []) if (i.at) expect(durationMs(i.at), i.id).toBeLessThan(end);
    for (const m of s.moves ?? []) expect(durationMs(m.start), m.id).toBeLessThan(end);
  });

  it('gives English and Arabic for every inject title and every blue team name', () => {
    expect(s.meta.languages).toEqual(expect.arrayContaining(['en', 'ar']));
    for (const i of s.injects ?? []) expect(languagesOf(i.title), i.id).toEqual(expect.arrayContaining(['en', 'ar']));
    for (const t of blueTeams(s)) expect(languagesOf(t.name), t.id).toEqual(expect.arrayContaining(['en', 'ar']));
  });

  it('evaluates a defined capability task with every inject that expects something', () => {
    const tasks = new Map((s.capabilities ?? []).map((c) => [c.id, new Set(c.tasks.map((t) => t.id))]));
    for (const i of s.injects ?? []) {
      const ev = i.evaluation;
      if (!ev?.expects?.length || ev.capability === undefined) continue;
      expect(tasks.get(ev.capability)?.has(ev.task ?? ''), i.id).toBe(true);
    }
    const evaluated = (s.injects ?? []).filter((i) => i.evaluation?.capability !== undefined).length;
    expect(evaluated / (s.injects ?? []).length).toBeGreaterThan(0.9);
  });
});

describe('gulf-shield.yaml (flagship)', () => {
  const { scenario: s } = loadBundled('gulf-shield.yaml');

  it('is big enough: 150 nodes, 30 red steps, 40 injects, at least four nations', () => {
    expect(s.network.nodes.length).toBeGreaterThanOrEqual(150);
    expect(steps(s).length).toBeGreaterThanOrEqual(30);
    expect((s.injects ?? []).length).toBeGreaterThanOrEqual(40);
    expect(new Set(blueTeams(s).map((t) => t.nation)).size).toBeGreaterThanOrEqual(4);
  });

  it('has a shared payment switch every other nation relies on', () => {
    const shared = s.network.segments.filter((g) => g.zone === 'shared');
    const rps = shared.find((g) => s.network.nodes.some((n) => n.segment === g.id && n.kind === 'payment-switch'));
    expect(rps).toBeDefined();
    const others = blueTeams(s)
      .map((t) => t.id)
      .filter((id) => id !== rps?.owner);
    expect([...(rps?.sharedWith ?? [])].sort()).toEqual(others.sort());
  });

  it('reuses campaign indicators across nations, so that shared intelligence protects partners', () => {
    const teamsByIndicator = new Map<string, Set<string>>();
    for (const st of steps(s)) {
      const team = stepTeam(s, st);
      for (const i of st.indicators ?? []) if (team) (teamsByIndicator.get(i) ?? teamsByIndicator.set(i, new Set()).get(i))?.add(team);
    }
    const widelyUsed = [...teamsByIndicator.values()].filter((t) => t.size >= 3);
    expect(widelyUsed.length).toBeGreaterThanOrEqual(5);
  });

  it('leaves some nodes without any sensor, and mixes offline and online backups', () => {
    const covered = new Set(s.network.segments.filter((g) => g.sensors?.length).map((g) => g.id));
    expect(s.network.nodes.some((n) => !n.sensors?.length && !covered.has(n.segment))).toBe(true);
    const backups = s.network.nodes.flatMap((n) => (n.backup ? [n.backup.offline === true] : []));
    expect(backups).toContain(true);
    expect(backups).toContain(false);
  });

  it('triggers injects on every kind of condition, from named roles', () => {
    expect([...conditionKinds(s)].sort()).toEqual([...ALL_CONDITIONS].sort());
    for (const i of s.injects ?? []) expect(i.from.name, i.id).toBeTruthy();
  });

  it('gives the content of the first 15 injects in English and Arabic', () => {
    for (const i of (s.injects ?? []).slice(0, 15)) expect(languagesOf(i.content), i.id).toEqual(['ar', 'en']);
  });

  it('starts nations from different postures', () => {
    const postures = new Set((s.posture ?? []).map((p) => JSON.stringify({ ...p, team: undefined })));
    expect(postures.size).toBeGreaterThanOrEqual(3);
  });
});

describe('ransomware-tabletop.yaml', () => {
  const { scenario: s } = loadBundled('ransomware-tabletop.yaml');

  it('is a tabletop for one nation in the four CISA package modules, each with questions', () => {
    expect(s.meta.modes).toEqual(['tabletop']);
    expect(new Set(blueTeams(s).map((t) => t.nation)).size).toBe(1);
    expect((s.moves ?? []).map((m) => m.module)).toEqual(['intelligence-sharing', 'response', 'continuity-recovery', 'hot-wash']);
    for (const m of s.moves ?? []) expect(m.questions?.length ?? 0, m.id).toBeGreaterThanOrEqual(3);
  });

  it('assigns every inject to a move and gives it discussion questions', () => {
    const moves = new Set((s.moves ?? []).map((m) => m.id));
    for (const i of s.injects ?? []) {
      expect(moves.has(i.move ?? ''), i.id).toBe(true);
      expect(i.questions?.length ?? 0, i.id).toBeGreaterThan(0);
    }
  });

  it('gives every text participants read in English and Arabic', () => {
    const texts: [string, unknown][] = [];
    for (const m of s.moves ?? []) texts.push([m.id, m.title], [m.id, m.description], ...(m.questions ?? []).map((q): [string, unknown] => [m.id, q]));
    for (const i of s.injects ?? []) texts.push([i.id, i.title], [i.id, i.content], [i.id, i.from.name], ...(i.questions ?? []).map((q): [string, unknown] => [i.id, q]));
    for (const c of s.capabilities ?? []) texts.push([c.id, c.name], ...c.tasks.map((t): [string, unknown] => [t.id, t.name]));
    for (const [where, text] of texts) expect(languagesOf(text), where).toEqual(['ar', 'en']);
  });
});

describe('stress.yaml (benchmark)', () => {
  const { scenario: s } = loadBundled('stress.yaml');

  it('is big enough: 2,000 nodes, 12 blue teams, 300 red steps, 500 injects', () => {
    expect(s.network.nodes.length).toBeGreaterThanOrEqual(2000);
    expect(blueTeams(s).length).toBe(12);
    expect(steps(s).length).toBeGreaterThanOrEqual(300);
    expect((s.injects ?? []).length).toBeGreaterThanOrEqual(500);
  });

  it('exercises every selector, condition, channel, sensor kind and TLP level', () => {
    const selectorKeys = new Set(steps(s).flatMap((st) => Object.keys(st.target)));
    expect([...selectorKeys].sort()).toEqual(['kind', 'minCriticality', 'nodes', 'pick', 'sameAs', 'segment', 'state', 'tags', 'team', 'zone']);
    expect([...conditionKinds(s)].sort()).toEqual([...ALL_CONDITIONS].sort());
    expect(new Set((s.injects ?? []).map((i) => i.channel))).toEqual(new Set(CHANNELS));
    const kind = (x: SensorT) => (typeof x === 'string' ? x : x.kind);
    const sensors = new Set([...s.network.nodes, ...s.network.segments].flatMap((x) => (x.sensors ?? []).map(kind)));
    expect(sensors).toEqual(new Set(SENSOR_KINDS));
    expect(new Set((s.injects ?? []).map((i) => i.tlp).filter(Boolean))).toEqual(new Set(TLP_LEVELS));
  });

  it('has shared segments relied on by several nations', () => {
    const shared = s.network.segments.filter((g) => g.zone === 'shared');
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const g of shared) expect(g.sharedWith?.length ?? 0, g.id).toBeGreaterThanOrEqual(4);
  });
});
