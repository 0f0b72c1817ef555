/** Red campaign mechanics: exploits and patches, reachability, preconditions, retries, manual control. */
import { describe, expect, it } from 'vitest';
import { project, stateHash, step } from '../../../engine/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, RED, started } from '../fixtures.ts';

const nodeOf = (s: ReturnType<typeof started>, id: string) => s.nodes[s.scenario.nodeIndex.get(id) as number]!;
const stepOf = (s: ReturnType<typeof started>, id: string) => s.steps[s.scenario.stepIndex.get(id) as number]!;

describe('red steps', () => {
  it('an unpatched vulnerable node is compromised when the exploit runs', () => {
    const s = started();
    advance(s, 41 * MIN);
    expect(stepOf(s, 'exploit-web').s).toBe('succeeded');
    expect(nodeOf(s, 'kw-web').integrity).toBe('compromised');
  });

  it('a patched vulnerability makes its exploit fail (patch action before the step)', () => {
    const s = started();
    must(s, { type: 'action', action: 'patch', target: { node: 'kw-web' }, actor: blue('kw') });
    advance(s, 41 * MIN);
    expect(nodeOf(s, 'kw-web').patched['CVE-2024-0001']).toBe(10 * MIN);
    expect(stepOf(s, 'exploit-web').s).toBe('failed');
    expect(nodeOf(s, 'kw-web').integrity).toBe('clean');
    const attempt = s.attempts.find((a) => a.step === s.scenario.stepIndex.get('exploit-web'));
    expect(attempt).toMatchObject({ ok: false, p: 0, reason: 'patched' });
  });

  it('a vulnerability patched at T+0 by posture protects too, and dependents are aborted', () => {
    const sc = baseScenario();
    sc.posture = [{ team: 'kw', patched: ['CVE-2024-0001'] }];
    const s = started(sc);
    advance(s, 4 * HOUR);
    expect(stepOf(s, 'exploit-web').s).toBe('failed');
    expect(stepOf(s, 'persist-web').s).toBe('aborted');
    expect(stepOf(s, 'exploit-sa').s).toBe('aborted');
  });

  it('a node without the exploited vulnerability resists', () => {
    const sc = baseScenario();
    sc.campaigns[0]!.steps[0]!.target = { nodes: ['kw-dc'] };
    const s = started(sc);
    advance(s, 41 * MIN);
    expect(s.attempts[0]).toMatchObject({ ok: false, reason: 'not vulnerable' });
    expect(nodeOf(s, 'kw-dc').integrity).toBe('clean');
  });

  it('an isolated node is unreachable', () => {
    const s = started();
    must(s, { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('kw') });
    advance(s, 41 * MIN);
    expect(nodeOf(s, 'kw-web').network).toBe('isolated');
    expect(s.attempts[0]).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(nodeOf(s, 'kw-web').integrity).toBe('clean');
  });

  it('sameAs continues on the nodes the earlier step succeeded on, after its delay', () => {
    const s = started();
    const events = advance(s, 2 * HOUR);
    const started_ = events.find((e) => e.type === 'red.step.started' && (e.data as { step: string }).step === 'persist-web');
    // exploit-web finishes at 40m; persist-web starts 20m later.
    expect(started_?.t).toBe(60 * MIN);
    expect(started_?.data).toMatchObject({ targets: ['kw-web'] });
    expect(nodeOf(s, 'kw-web').integrity).toBe('persistent');
  });

  it('red learns a miss was a miss, never which blue posture caused it', () => {
    const s = started();
    must(s, { type: 'action', action: 'patch', target: { node: 'kw-web' }, actor: blue('kw') });
    const events = advance(s, 41 * MIN);
    const failed = events.find((e) => e.type === 'red.step.failed');
    expect(failed?.audience).toEqual(['red']);
    expect(JSON.stringify(failed?.data)).not.toContain('patched');
    expect(failed?.data).toMatchObject({ misses: [{ node: 'kw-web', reason: 'resisted' }] });
  });

  it('retries a failed step after its delay', () => {
    const sc = baseScenario();
    sc.campaigns[0]!.steps[0]!.retry = { times: 2, after: '15m' };
    const s = started(sc);
    must(s, { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('kw') });
    const events = advance(s, 3 * HOUR);
    const runs = events.filter((e) => e.type === 'red.step.started' && (e.data as { step: string }).step === 'exploit-web').map((e) => e.t);
    expect(runs).toEqual([30 * MIN, 55 * MIN, 80 * MIN]);
    expect(stepOf(s, 'exploit-web').s).toBe('failed');
  });
});

describe('manual campaigns', () => {
  const manual = () => {
    const sc = baseScenario();
    sc.campaigns[0]!.mode = 'manual';
    return started(sc);
  };

  it('a step becomes ready and waits for the red cell', () => {
    const s = manual();
    const events = advance(s, 2 * HOUR);
    expect(events.some((e) => e.type === 'red.step.ready')).toBe(true);
    expect(stepOf(s, 'exploit-web').s).toBe('ready');
    expect(nodeOf(s, 'kw-web').integrity).toBe('clean');
    must(s, { type: 'red-launch', step: 'exploit-web', actor: RED });
    advance(s, 2 * HOUR + 10 * MIN);
    expect(stepOf(s, 'exploit-web').s).toBe('succeeded');
  });

  it('hold and abort; a pending step cannot be launched', () => {
    const s = manual();
    const r = step(s, { type: 'red-launch', step: 'exploit-web', actor: RED });
    expect(r).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    must(s, { type: 'red-hold', step: 'exploit-web', actor: RED });
    advance(s, HOUR);
    expect(stepOf(s, 'exploit-web').s).toBe('held');
    must(s, { type: 'red-abort', step: 'exploit-web', actor: RED });
    expect(stepOf(s, 'exploit-web').s).toBe('aborted');
    expect(stepOf(s, 'persist-web').s).toBe('aborted');
    expect(step(s, { type: 'red-abort', step: 'nope', actor: RED })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('only the red cell drives red steps', () => {
    const s = manual();
    expect(step(s, { type: 'red-hold', step: 'exploit-web', actor: blue('kw') })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('the red cell acts only on steps the scenario marks manual', () => {
  it('refuses launch, hold and abort of a scripted step with a sentence, and changes nothing', () => {
    const s = started();
    advance(s, 10 * MIN);
    const before = stateHash(s);
    for (const type of ['red-launch', 'red-hold', 'red-abort'] as const) {
      const r = step(s, { type, step: 'exploit-web', actor: RED });
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(r.ok ? '' : r.message).toBe('step "exploit-web" is scripted: the red cell may launch, hold or abort only the steps the scenario marks manual');
    }
    expect(stateHash(s)).toBe(before);
    advance(s, HOUR);
    expect(stepOf(s, 'exploit-web').s).toBe('succeeded');
  });

  it('a step marked manual in a scripted campaign waits for the red cell, which may hold, launch or abort it; its neighbours stay scripted', () => {
    const sc = baseScenario();
    sc.campaigns[0]!.steps.find((x) => x.id === 'exploit-sa')!.manual = true;
    const s = started(sc);
    must(s, { type: 'red-hold', step: 'exploit-sa', actor: RED });
    advance(s, 4 * HOUR);
    expect(stepOf(s, 'exploit-web').s).toBe('succeeded');
    expect(stepOf(s, 'exploit-sa').s).toBe('held');
    expect(nodeOf(s, 'sa-web').integrity).toBe('clean');
    expect(step(s, { type: 'red-hold', step: 'persist-web', actor: RED })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    must(s, { type: 'red-launch', step: 'exploit-sa', actor: RED });
    advance(s, 4 * HOUR + 15 * MIN);
    expect(stepOf(s, 'exploit-sa').s).toBe('succeeded');
    const view = project(s, { role: 'red' }).campaigns[0]!.steps;
    expect(view.filter((x) => x.manual).map((x) => x.id)).toEqual(['exploit-sa']);
  });

  it('an unknown step is still NOT_FOUND', () => {
    expect(step(started(), { type: 'red-abort', step: 'nope', actor: RED })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
