/**
 * Snapshots that copy only what the engine marked (engine/sim/changes.ts, engine/replay/freeze.ts):
 * a change the engine makes without marking it would leave a stale record in every later snapshot.
 * The folds below check each snapshot against the live state (`auditSnapshots`), snapshotting after
 * almost every event, over scripts that create and change a record of every tracked collection.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createExercise, createReplayer, stateHash, step, type Command } from '../../engine/index.ts';
import { changesOf, trackChanges } from '../../engine/sim/changes.ts';
import { freeze } from '../../engine/replay/freeze.ts';
import { baseScenario, HOUR, MIN, started, WHITE } from './fixtures.ts';
import { busyScript, runScript, type Scripted } from './script.ts';
import { stressScenario } from './stress-fixture.ts';

/** The busy script and, in real time, a jump over the ad-hoc inject's open deadline (jump.ts shifts it). */
const withJump = (): Scripted[] => [...busyScript(), { at: 95 * MIN, command: { type: 'jump', to: 100 * MIN, actor: WHITE } }];

const COLLECTIONS = ['nodes', 'steps', 'attempts', 'injects', 'actions', 'reports', 'assists', 'sitreps'] as const;

describe('snapshots of marked changes', () => {
  const runs = [
    ['base scenario, busy script', () => runScript(baseScenario(), 4, busyScript(), 8 * HOUR)],
    ['base scenario in real time with a jump', () => runScript(baseScenario(), 5, withJump(), 8 * HOUR, { mode: 'realtime' })],
    ['a small stress scenario', () => runScript(stressScenario({ teams: 3, nodesPerTeam: 30, steps: 30, injects: 20, hours: 6 }), 9, busyScript().slice(0, 0), 6 * HOUR)],
  ] as const;

  for (const [name, run] of runs) {
    it(`${name}: every snapshot equals the live state, and seeks equal it`, () => {
      const live = run();
      const r = createReplayer(live.log, { snapshotEvery: 3, auditSnapshots: true });
      if (!r.ok) throw new Error(r.message);
      expect(r.replayer.snapshots).toBeGreaterThan(20);
      expect(stateHash(r.replayer.final())).toBe(stateHash(live.state));
      const plain = createReplayer(live.log, { snapshotEvery: Infinity });
      if (!plain.ok) throw new Error(plain.message);
      for (let t = 0; t <= r.replayer.endTime; t += 7 * MIN) expect(stateHash(r.replayer.seek(t)), `T+${t}`).toBe(stateHash(plain.replayer.seek(t)));
    });
  }

  it('the scripts change records of every tracked collection (else the audit above proves nothing for it)', () => {
    const seen = new Map<string, number>(COLLECTIONS.map((k) => [k, 0]));
    for (const [, run] of runs) {
      const log = run().log;
      const s = createExercise(compileScenario(log.header.scenario), { seed: log.header.seed, mode: log.header.mode });
      const apply = (command: Command): void => {
        const before = { ...s, nodes: s.nodes.length, steps: s.steps.length, attempts: s.attempts.length };
        const marks = trackChanges(s, undefined);
        step(s, command);
        // a change to a record that existed before the command (creations are marked too, but only changes can go stale)
        for (const k of COLLECTIONS) {
          for (const key of marks[k] as Set<string | number>) {
            const existed = typeof key === 'number' ? key < (before[k] as number) : Object.hasOwn(before[k] as object, key);
            if (existed) seen.set(k, (seen.get(k) ?? 0) + 1);
          }
        }
      };
      for (const rec of log.records) {
        const c = rec.command as Command;
        // advances a minute at a time, as snapshots inside an advance see them (an attempt is detected minutes after it is made)
        if (c.type === 'advance') while (s.clock < c.to && s.phase !== 'ended') apply({ ...c, to: Math.min(c.to, s.clock + MIN) });
        else apply(c);
      }
    }
    for (const k of COLLECTIONS) expect(seen.get(k), k).toBeGreaterThan(0);
  });

  it('the audit fails on a change left unmarked', () => {
    const s = started(baseScenario(), 4);
    trackChanges(s, undefined);
    const first = freeze(s, undefined, true);
    expect(changesOf(s)?.since).toBe(first);
    (s.nodes[0] as { creds: boolean }).creds = !(s.nodes[0] as { creds: boolean }).creds;
    expect(() => freeze(s, first, true)).toThrow(/nodes differ/);
  });
});
