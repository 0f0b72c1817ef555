/** What blue sensors see: true detections per sensor, none without a sensor, false positives, shared segments. */
import { describe, expect, it } from 'vitest';
import { project } from '../../../engine/index.ts';
import { advance, baseScenario, HOUR, MIN, started } from '../fixtures.ts';

describe('detection', () => {
  it('each sensor covering the target may raise an alert, after at most the detection delay', () => {
    const s = started();
    const events = advance(s, HOUR);
    const alerts = events.filter((e) => e.type === 'alert' && e.audience.includes('team:kw'));
    // exploit-web at 40m: EDR on the node and IDS on the segment, both with odds 1.
    expect(alerts.map((a) => (a.data as { source: string }).source).sort()).toEqual(['edr', 'ids']);
    for (const a of alerts) {
      expect(a.t).toBeGreaterThanOrEqual(40 * MIN);
      expect(a.t).toBeLessThan(45 * MIN);
      expect(a.data).toMatchObject({ node: 'kw-web', observedAt: 40 * MIN });
    }
  });

  it('no sensor means no detection', () => {
    const sc = baseScenario();
    sc.network.nodes[0]!.sensors = [];
    sc.network.segments[0]!.sensors = [];
    const s = started(sc);
    advance(s, 2 * HOUR);
    expect(s.nodes[0]!.integrity).toBe('persistent');
    expect(s.teams.kw!.alerts).toEqual([]);
    expect(s.attempts.filter((a) => a.team === 'kw').every((a) => a.detectedAt === null)).toBe(true);
  });

  it('network sensors report the parent technique, endpoint sensors the exact one', () => {
    const sc = baseScenario();
    sc.campaigns[0]!.steps[0]!.technique = 'T1059.001';
    const s = started(sc);
    advance(s, HOUR);
    const byType = Object.fromEntries(s.teams.kw!.alerts.map((a) => [a.source, a.technique]));
    expect(byType).toEqual({ edr: 'T1059.001', ids: 'T1059' });
  });

  it('false positives look like any alert to blue; only the white cell learns they are false', () => {
    const sc = baseScenario();
    sc.network.nodes[5]!.sensors = [{ kind: 'edr', falsePositivesPerHour: 6 }];
    const s = started(sc);
    const events = advance(s, 4 * HOUR);
    const qaAlerts = events.filter((e) => e.type === 'alert' && e.audience.includes('team:qa'));
    expect(qaAlerts.length).toBeGreaterThan(5);
    for (const a of qaAlerts) expect(Object.keys(a.data as object).sort()).toEqual(['id', 'indicators', 'node', 'observedAt', 'severity', 'source', 't', 'technique']);
    const truth = events.filter((e) => e.type === 'alert.truth' && (e.data as { team: string }).team === 'qa');
    expect(truth).toHaveLength(qaAlerts.length);
    for (const t of truth) {
      expect(t.audience).toEqual([]);
      expect(t.data).toMatchObject({ fp: true, step: null });
    }
    expect(project(s, { role: 'white' }).blue.find((b) => b.team.id === 'qa')?.falsePositives).toBe(qaAlerts.length);
  });

  it('alerts on a shared segment go to its owner and to the teams it is shared with', () => {
    const sc = baseScenario();
    sc.campaigns[0]!.steps[0]!.target = { nodes: ['gcc-portal'] };
    delete sc.campaigns[0]!.steps[0]!.exploits;
    sc.campaigns[0]!.steps[0]!.detection = { siem: 1 };
    const s = started(sc);
    advance(s, HOUR);
    expect(s.teams.kw!.alerts.map((a) => a.node)).toEqual(['gcc-portal']);
    expect(s.teams.sa!.alerts.map((a) => a.node)).toEqual(['gcc-portal']);
    expect(s.teams.qa!.alerts).toEqual([]);
    // Each team's alert has its own id, so teams learn nothing of each other's alert counts.
    expect(s.teams.kw!.alerts[0]!.id).not.toBe(s.teams.sa!.alerts[0]!.id);
  });

  it('an alert carries campaign indicator values the sensor can observe', () => {
    const s = started();
    advance(s, HOUR);
    const edr = s.teams.kw!.alerts.find((a) => a.source === 'edr')!;
    const ids = s.teams.kw!.alerts.find((a) => a.source === 'ids')!;
    const [c2, dropper] = s.indicators;
    expect(edr.indicators).toEqual([c2, dropper]);
    expect(ids.indicators).toEqual([c2]);
    expect(c2).toMatch(/^[a-z-]+\.[a-z]+$/);
    expect(dropper).toMatch(/^[0-9a-f]{64}$/);
  });
});
