/** Blue actions: authorisation, assistance between nations, lifecycle, effects. */
import { describe, expect, it } from 'vitest';
import { project, stateHash, step } from '../../../engine/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, started } from '../fixtures.ts';

describe('blue actions', () => {
  it("acting on another nation's node without a granted assistance is refused as if it did not exist, and changes nothing", () => {
    const s = started();
    const before = stateHash(s);
    const r = step(s, { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('sa') });
    // Word for word the refusal for a node that does not exist: another nation's hosts cannot be enumerated.
    const unknown = step(s, { type: 'action', action: 'isolate', target: { node: 'kw-web' + 'x' }, actor: blue('sa') });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'no node "kw-web" that your team can act on' });
    expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'no node "kw-webx" that your team can act on' });
    const hunt = step(s, { type: 'action', action: 'hunt', target: { segment: 'kw-corp' }, actor: blue('sa') });
    expect(hunt).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'no segment "kw-corp" that your team can act on' });
    expect(stateHash(s)).toBe(before);
  });

  it('shared infrastructure: the owner acts, the teams it is shared with may not', () => {
    const s = started();
    expect(step(s, { type: 'action', action: 'isolate', target: { node: 'gcc-portal' }, actor: blue('sa') })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(step(s, { type: 'action', action: 'isolate', target: { node: 'gcc-portal' }, actor: blue('kw') }).ok).toBe(true);
  });

  it("assistance: A asks B, B grants, B may act on A's nodes until the grant runs out", () => {
    const s = started();
    must(s, { type: 'request-assistance', to: 'sa', text: 'Help us contain the web server', actor: blue('kw') });
    const req = s.teams.kw!.helpOut[0]!;
    expect(step(s, { type: 'grant-assistance', request: req, actor: blue('qa') })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const kwNodes = (v: { nodes: { id: string }[] }) => v.nodes.map((n) => n.id).filter((id) => id.startsWith('kw-'));
    expect(kwNodes(project(s, { role: 'blue', team: 'sa' }))).toEqual([]);
    must(s, { type: 'grant-assistance', request: req, actor: blue('sa') });
    // The helper's view carries the partner's segments and nodes while the grant runs, without their inventory.
    const during = project(s, { role: 'blue', team: 'sa' });
    expect(kwNodes(during)).toContain('kw-web');
    expect(during.nodes.find((n) => n.id === 'kw-web')).toMatchObject({ own: false });
    expect(during.nodes.find((n) => n.id === 'kw-web')?.vulnerabilities).toBeUndefined();
    expect(during.segments.filter((g) => g.owner === 'kw').every((g) => g.grantedUntil === 4 * HOUR)).toBe(true);
    // Only the granting partner's: a third nation stays out of the helper's view.
    expect(during.nodes.some((n) => n.id.startsWith('qa-'))).toBe(false);
    const events = must(s, { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('sa') });
    expect(events[0]?.audience).toEqual(['team:sa', 'team:kw']);
    advance(s, 10 * MIN);
    expect(s.nodes[0]!.network).toBe('isolated');
    expect(s.actions[s.teams.sa!.actions[0]!]?.onBehalfOf).toBe('kw');
    advance(s, 4 * HOUR + MIN);
    expect(s.assists[req]?.s).toBe('ended');
    expect(kwNodes(project(s, { role: 'blue', team: 'sa' }))).toEqual([]);
    expect(step(s, { type: 'action', action: 'reconnect', target: { node: 'kw-web' }, actor: blue('sa') })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('an action is in progress for its duration, then done; it can be cancelled before', () => {
    const s = started();
    must(s, { type: 'action', action: 'isolate', target: { node: 'kw-dc' }, actor: blue('kw') });
    const id = s.teams.kw!.actions[0]!;
    advance(s, 4 * MIN);
    expect(project(s, { role: 'blue', team: 'kw' }).actions[0]).toMatchObject({ id, status: 'inProgress', due: 5 * MIN });
    must(s, { type: 'cancel-action', id, actor: blue('kw') });
    advance(s, 10 * MIN);
    expect(s.actions[id]?.s).toBe('cancelled');
    expect(s.nodes[1]!.network).toBe('connected');
    expect(step(s, { type: 'cancel-action', id, actor: blue('kw') })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(step(s, { type: 'cancel-action', id, actor: blue('sa') })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses redundant or impossible actions with CONFLICT', () => {
    const s = started();
    expect(step(s, { type: 'action', action: 'reconnect', target: { node: 'kw-web' }, actor: blue('kw') })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(step(s, { type: 'action', action: 'restore-backup', target: { node: 'kw-dc' }, actor: blue('kw') })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(step(s, { type: 'action', action: 'patch', target: { node: 'kw-dc' }, actor: blue('kw') })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(step(s, { type: 'action', action: 'share-intel', target: {}, actor: blue('kw') })).toMatchObject({ ok: false, code: 'BAD_COMMAND' });
  });

  it('restore from an offline backup cleans the node and brings its services back', () => {
    const s = started();
    advance(s, 2 * HOUR);
    expect(s.nodes[0]!.integrity).toBe('persistent');
    must(s, { type: 'action', action: 'restore-backup', target: { node: 'kw-web' }, actor: blue('kw') });
    advance(s, 3 * HOUR + MIN);
    expect(s.nodes[0]!.integrity).toBe('restored');
  });

  it('an online backup is lost with an encrypted node', () => {
    const sc = baseScenario();
    sc.network.nodes[0]!.backup = { restoreTime: '1h', offline: false };
    sc.campaigns[0]!.steps[1]!.effects = ['encrypt'];
    const s = started(sc);
    advance(s, 2 * HOUR);
    expect(s.nodes[0]!.integrity).toBe('encrypted');
    expect(project(s, { role: 'blue', team: 'kw' }).nodes[0]!.services[0]!.up).toBe(false);
    must(s, { type: 'action', action: 'restore-backup', target: { node: 'kw-web' }, actor: blue('kw') });
    advance(s, 3 * HOUR + MIN);
    const a = s.actions[s.teams.kw!.actions[0]!]!;
    expect(a.s).toBe('failed');
    expect(a.result).toContain('offline backup');
  });

  it('collect-forensics reveals the techniques and indicators of successful steps as alerts', () => {
    const sc = baseScenario();
    sc.network.nodes[0]!.sensors = [];
    sc.network.segments[0]!.sensors = [];
    const s = started(sc);
    advance(s, 2 * HOUR);
    expect(s.teams.kw!.alerts).toEqual([]);
    must(s, { type: 'action', action: 'collect-forensics', target: { node: 'kw-web' }, actor: blue('kw') });
    advance(s, 2 * HOUR + 30 * MIN);
    expect(s.teams.kw!.alerts.map((a) => [a.source, a.technique])).toEqual([
      ['forensics', 'T1190'],
      ['forensics', 'T1505.003'],
    ]);
    expect(s.attempts.filter((a) => a.team === 'kw').every((a) => a.detectedAt === 2 * HOUR + 30 * MIN)).toBe(true);
  });

  it("hunting in a segment lowers red success by the step's hunting multiplier", () => {
    const sc = baseScenario();
    sc.posture = [{ team: 'kw', hunting: ['kw-dmz'] }];
    const s = started(sc);
    advance(s, 41 * MIN);
    expect(s.attempts[0]!.p).toBe(0.5);
  });

  it('reset credentials after a theft lowers the odds of credential-based steps', () => {
    const sc = baseScenario();
    sc.campaigns[0]!.steps[0]!.effects = ['compromise', 'steal-credentials'];
    sc.campaigns[0]!.steps[1]!.target = { nodes: ['kw-dc'] };
    sc.campaigns[0]!.steps[1]!.timing = { after: '30m', duration: '5m' };
    const s = started(sc);
    advance(s, 45 * MIN);
    expect(s.teams.kw!.credsStolenAt).toBe(40 * MIN);
    must(s, { type: 'action', action: 'reset-credentials', target: { node: 'kw-web' }, actor: blue('kw') });
    advance(s, 2 * HOUR);
    const lateral = s.attempts.find((a) => a.node === s.scenario.nodeIndex.get('kw-dc'))!;
    expect(lateral.p).toBeCloseTo(0.2);
  });
});
