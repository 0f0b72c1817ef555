/** Same scenario + seed + commands give the same events and state hash; snapshots resume exactly. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, restore, snapshot, stateHash, step } from '../../engine/index.ts';
import { cloneState } from '../../engine/replay/clone.ts';
import { setNodeFalsePositiveRate } from './stress-fixture.ts';
import { baseScenario, HOUR, SYSTEM } from './fixtures.ts';
import { busyScript, runScript } from './script.ts';
import { stressScenario } from './stress-fixture.ts';

describe('determinism', () => {
  it('same seed and commands: identical events and state hash', () => {
    const a = runScript(baseScenario(), 11, busyScript(), 8 * HOUR);
    const b = runScript(baseScenario(), 11, busyScript(), 8 * HOUR);
    expect(a.refused).toEqual([]);
    expect(canonicalJson(a.events)).toBe(canonicalJson(b.events));
    expect(stateHash(a.state)).toBe(stateHash(b.state));
    expect(stateHash(a.state)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a different seed gives a different run', () => {
    const sc = stressScenario({ teams: 3, nodesPerTeam: 30, steps: 30, injects: 20, hours: 6 });
    const a = runScript(sc, 1, [], 6 * HOUR);
    const b = runScript(sc, 2, [], 6 * HOUR);
    expect(stateHash(a.state)).not.toBe(stateHash(b.state));
    expect(canonicalJson(a.events)).not.toBe(canonicalJson(b.events));
  });

  it('a snapshot taken mid-run resumes exactly like the uninterrupted run', () => {
    const sc = stressScenario({ teams: 3, nodesPerTeam: 30, steps: 30, injects: 20, hours: 6 });
    const whole = runScript(sc, 5, [], 6 * HOUR);
    const part = runScript(sc, 5, [], 2 * HOUR);
    const snap = snapshot(part.state);
    // Keep going with the original (live generators cached) and with a restored copy (fresh generators).
    const live = step(part.state, { type: 'advance', to: 6 * HOUR, actor: SYSTEM });
    const restored = restore(snap);
    const again = step(restored, { type: 'advance', to: 6 * HOUR, actor: SYSTEM });
    expect(live.ok && again.ok).toBe(true);
    expect(stateHash(restored)).toBe(stateHash(whole.state));
    expect(stateHash(part.state)).toBe(stateHash(whole.state));
    if (live.ok && again.ok) expect(canonicalJson(again.events)).toBe(canonicalJson(live.events));
  });

  it('restore gives an independent state: changing it leaves the snapshot and the original alone', () => {
    const run = runScript(baseScenario(), 3, [], HOUR);
    const snap = snapshot(run.state);
    const h = stateHash(run.state);
    const copy = restore(snap);
    step(copy, { type: 'advance', to: 3 * HOUR, actor: SYSTEM });
    expect(stateHash(run.state)).toBe(h);
    expect(stateHash(restore(snap))).toBe(h);
  });

  it('the fast in-memory copy (replay snapshots) is independent and continues identically', () => {
    setNodeFalsePositiveRate(1);
    try {
      const sc = stressScenario({ teams: 3, nodesPerTeam: 30, steps: 30, injects: 20, hours: 6 });
      const run = runScript(sc, 6, [], 2 * HOUR);
      const frozen = cloneState(run.state);
      const h = stateHash(frozen);
      const copy = cloneState(frozen);
      step(copy, { type: 'advance', to: 6 * HOUR, actor: SYSTEM });
      step(run.state, { type: 'advance', to: 6 * HOUR, actor: SYSTEM });
      expect(stateHash(frozen)).toBe(h);
      expect(stateHash(copy)).toBe(stateHash(run.state));
      expect(copy.teams.t0!.alerts.length).toBeGreaterThan(frozen.teams.t0!.alerts.length);
    } finally {
      setNodeFalsePositiveRate(0.05);
    }
  });

  it('splitting an advance in two gives the same state as one advance', () => {
    const sc = stressScenario({ teams: 3, nodesPerTeam: 30, steps: 30, injects: 20, hours: 6 });
    const one = runScript(sc, 9, [], 6 * HOUR);
    const split = runScript(sc, 9, [{ at: 90 * 60_000 + 1, command: { type: 'advance', to: 3 * HOUR + 7, actor: SYSTEM } }], 6 * HOUR);
    expect(stateHash(split.state)).toBe(stateHash(one.state));
    expect(canonicalJson(split.events)).toBe(canonicalJson(one.events));
  });
});
