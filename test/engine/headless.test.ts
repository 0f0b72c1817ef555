/** runHeadless: the headless driver used by `ramparts run` and sweeps. */
import { describe, expect, it } from 'vitest';
import { compileScenario, createReplayer, runHeadless, stateHash } from '../../engine/index.ts';
import { baseScenario, blue, HOUR, MIN } from './fixtures.ts';
import { busyScript, runScript } from './script.ts';

describe('runHeadless', () => {
  it('runs to the end and equals a hand-driven run with the same inputs', () => {
    const compiled = compileScenario(baseScenario());
    const script = busyScript();
    const run = runHeadless(compiled, { seed: 4, inputs: script, record: true });
    const byHand = runScript(baseScenario(), 4, script, 8 * HOUR);
    expect(run.state.phase).toBe('ended');
    expect(run.refused).toEqual([]);
    expect(run.eventCount).toBe(run.events.length);
    expect(stateHash(run.state)).toBe(stateHash(byHand.state));
    const r = createReplayer(run.log!, { compiled, verify: true });
    expect(r.ok && stateHash(r.replayer.final())).toBe(stateHash(run.state));
  });

  it('reports refused inputs and goes on; stops at `until`', () => {
    const compiled = compileScenario(baseScenario());
    const run = runHeadless(compiled, {
      until: 2 * HOUR,
      keepEvents: false,
      inputs: [{ at: 10 * MIN, command: { type: 'action', action: 'isolate', target: { node: 'kw-web' }, actor: blue('sa') } }],
    });
    expect(run.refused).toMatchObject([{ code: 'NOT_FOUND', input: { at: 10 * MIN } }]);
    expect(run.state.clock).toBe(2 * HOUR);
    expect(run.state.phase).toBe('running');
    expect(run.events).toEqual([]);
    expect(run.eventCount).toBeGreaterThan(0);
    expect(run.log).toBeNull();
  });

  it('applies what the white cell does after the end (every adjudication, not just the first)', () => {
    const compiled = compileScenario(baseScenario());
    const white = { role: 'white' } as const;
    const run = runHeadless(compiled, {
      inputs: [
        { at: 1 * HOUR, command: { type: 'sitrep', text: 'web server compromised', severity: 'high', actor: blue('kw') } },
        { at: 2 * HOUR, command: { type: 'sitrep', text: 'contained', severity: 'medium', actor: blue('kw') } },
        { at: 8 * HOUR, command: { type: 'adjudicate', item: { kind: 'sitrep', id: 'kw-S1' }, grade: 80, actor: white } },
        { at: 8 * HOUR, command: { type: 'adjudicate', item: { kind: 'sitrep', id: 'kw-S2' }, grade: 60, actor: white } },
      ],
    });
    expect(run.state.phase).toBe('ended');
    expect(run.refused).toEqual([]);
    expect(run.events.filter((e) => e.type === 'adjudicated').map((e) => (e.data as { grade: number }).grade)).toEqual([80, 60]);
  });
});
