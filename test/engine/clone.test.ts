/**
 * The fast state copy used by replay snapshots: a copy must share no mutable object with the state it
 * was taken from (else stepping one changes the other), and snapshots that share unchanged records
 * with the previous snapshot must still equal the live state at their moment.
 */
import { describe, expect, it } from 'vitest';
import { createReplayer, stateHash, step, type ExerciseState } from '../../engine/index.ts';
import { cloneState } from '../../engine/replay/clone.ts';
import { type Frozen, freeze, thaw } from '../../engine/replay/freeze.ts';
import { baseScenario, HOUR, SYSTEM } from './fixtures.ts';
import { busyScript, runScript } from './script.ts';
import { setNodeFalsePositiveRate, stressScenario } from './stress-fixture.ts';

/**
 * Paths (with `*` for any key or index) whose objects the copy shares by design because the engine
 * never mutates them once written.
 */
const SHARED = [
  'scenario',
  'queue.*',
  'indicators',
  'teams.*.alerts.*',
  'teams.*.expects.*',
  'teams.*.score.current',
  'teams.*.score.timeline.*',
  'alertTruth.*.*',
  'ratings.*',
  'injects.*.teams.*.expects.*.description',
];
const shared = (path: string[]): boolean =>
  SHARED.some((p) => {
    const parts = p.split('.');
    return parts.length === path.length && parts.every((x, i) => x === '*' || x === path[i]);
  });

/** Every object reachable in both `a` and `b` at the same path that is the same object. */
function sharedObjects(a: unknown, b: unknown, path: string[] = [], out: string[] = []): string[] {
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return out;
  if (shared(path)) return out;
  if (a === b) {
    out.push(path.join('.') || '(root)');
    return out;
  }
  for (const k of Object.keys(a)) sharedObjects((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

/** A run that fills every part of the state: alerts, actions, reports, sitreps, assists, ad-hoc injects. */
function busyRun(until = 6 * HOUR) {
  return runScript(baseScenario(), 11, busyScript(), until);
}

describe('cloneState', () => {
  it('shares no mutable object with the original', () => {
    const run = busyRun();
    const s = run.state;
    expect(Object.keys(s.actions).length).toBeGreaterThan(3);
    expect(Object.keys(s.reports).length).toBeGreaterThan(0);
    expect(Object.keys(s.assists).length).toBeGreaterThan(0);
    expect(Object.values(s.injects).some((i) => i.adhoc !== null)).toBe(true);
    expect(sharedObjects(cloneState(s), s)).toEqual([]);
  });

  it('shares nothing mutable with the live state when built on a previous snapshot', () => {
    const run = runScript(baseScenario(), 11, busyScript(), 2 * HOUR);
    const earlier = cloneState(run.state);
    step(run.state, { type: 'advance', to: 6 * HOUR, actor: SYSTEM });
    const later = cloneState(run.state, earlier);
    expect(sharedObjects(later, run.state)).toEqual([]);
    expect(stateHash(later)).toBe(stateHash(run.state));
    // Records that did not change in between are shared with the earlier snapshot, not copied again.
    expect(later.nodes.filter((n, i) => n === earlier.nodes[i]).length).toBeGreaterThan(0);
  });

  it('a copy built on a previous snapshot stays equal to the moment it was taken while the live state goes on', () => {
    setNodeFalsePositiveRate(1);
    try {
      const sc = stressScenario({ teams: 3, nodesPerTeam: 30, steps: 30, injects: 20, hours: 6 });
      const run = runScript(sc, 4, [], HOUR);
      const snaps: { copy: ExerciseState; hash: string }[] = [];
      let prev: ExerciseState | undefined;
      for (let h = 2; h <= 6; h++) {
        step(run.state, { type: 'advance', to: h * HOUR, actor: SYSTEM });
        prev = cloneState(run.state, prev);
        snaps.push({ copy: prev, hash: stateHash(run.state) });
      }
      for (const s of snaps) expect(stateHash(s.copy)).toBe(s.hash);
      // and each resumes like the live run
      const resumed = cloneState((snaps[1] as { copy: ExerciseState }).copy);
      step(resumed, { type: 'advance', to: 6 * HOUR, actor: SYSTEM });
      expect(stateHash(resumed)).toBe((snaps[4] as { hash: string }).hash);
    } finally {
      setNodeFalsePositiveRate(0.05);
    }
  });

  it('seeks on a chain of shared snapshots equal the live state at every record', () => {
    const run = runScript(baseScenario(), 11, busyScript(), 8 * HOUR, { hashes: true });
    const made = createReplayer(run.log, { snapshotEvery: 5 });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.replayer.snapshots).toBeGreaterThan(10);
    for (const h of run.hashes) {
      const next = run.log.records[h.record + 1];
      if (next && next.t === h.clock) continue; // several records at one moment: seek gives the last
      expect(stateHash(made.replayer.seek(h.clock)), `T+${h.clock}`).toBe(h.hash);
    }
  });
});

describe('freeze / thaw (the fold snapshots)', () => {
  it('a chain of frozen states stays equal to each moment, and a thawed state shares nothing mutable', () => {
    const run = runScript(baseScenario(), 11, busyScript(), HOUR);
    const snaps: { frozen: Frozen; hash: string }[] = [];
    let prev: Frozen | undefined;
    for (let h = 2; h <= 8; h++) {
      step(run.state, { type: 'advance', to: h * HOUR, actor: SYSTEM });
      prev = freeze(run.state, prev);
      snaps.push({ frozen: prev, hash: stateHash(run.state) });
      const thawed = thaw(prev);
      expect(sharedObjects(thawed, run.state)).toEqual([]);
      expect(Object.keys(thawed.actions)).toEqual(Object.keys(run.state.actions));
    }
    expect(Object.keys(run.state.actions).length).toBeGreaterThan(3);
    for (const s of snaps) expect(stateHash(thaw(s.frozen))).toBe(s.hash);
    // two thaws of one snapshot are independent
    const a = thaw((snaps[2] as { frozen: Frozen }).frozen);
    const b = thaw((snaps[2] as { frozen: Frozen }).frozen);
    expect(sharedObjects(a, b)).toEqual([]);
  });
});
