/**
 * Full headless runs of the bundled scenarios: each compiles, runs to its end, scores every blue team,
 * and replays from its log to the same state hash. Tabletop scenarios are also driven move by move.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileScenario, createReplayer, metrics, project, stateHash, step, createExercise } from '../../engine/index.ts';
import { Scenario } from '../../engine/scenario/schema/index.ts';
import { runScript } from './script.ts';
import { WHITE } from './fixtures.ts';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
  : [];
const load = (f: string) => Scenario.parse(parse(readFileSync(join(DIR, f), 'utf8'), { maxAliasCount: 100 }));

describe('bundled scenarios run headless to the end', () => {
  it('finds the bundled scenarios', () => {
    expect(files).toContain('gulf-shield.yaml');
  });

  for (const f of files) {
    it(f, () => {
      const sc = load(f);
      const compiled = compileScenario(sc);
      const run = runScript(sc, sc.meta.seed, [], compiled.meta.duration);
      expect(run.refused).toEqual([]);
      expect(run.state.phase).toBe('ended');
      expect(run.state.clock).toBe(compiled.meta.duration);
      expect(run.events.length).toBeGreaterThan(compiled.blue.length);
      const m = metrics(run.state);
      expect(m.teams.map((t) => t.team).sort()).toEqual(compiled.blue.map((b) => b.id).sort());
      for (const t of m.teams) {
        expect(t.timeline.length).toBeGreaterThan(1);
        expect(t.score.composite).toBeGreaterThanOrEqual(0);
        expect(t.score.composite).toBeLessThanOrEqual(100);
      }
      for (const b of compiled.blue) expect(project(run.state, { role: 'blue', team: b.id }).kind).toBe('blue');
      const r = createReplayer(run.log, { compiled, keepEvents: false });
      if (!r.ok) throw new Error(r.message);
      expect(stateHash(r.replayer.final())).toBe(stateHash(run.state));
    });
  }

  const tabletop = files.filter((f) => {
    const sc = load(f);
    return (sc.moves?.length ?? 0) > 0 && sc.meta.modes.includes('tabletop');
  });
  for (const f of tabletop) {
    it(`${f} in tabletop mode, move by move`, () => {
      const sc = load(f);
      const compiled = compileScenario(sc);
      const s = createExercise(compiled, { mode: 'tabletop' });
      expect(step(s, { type: 'start', actor: WHITE }).ok).toBe(true);
      // The first move is current from the start; each Next move goes to the following one.
      const seen: string[] = [s.move as string];
      for (;;) {
        const r = step(s, { type: 'move', actor: WHITE });
        if (!r.ok) {
          expect(r.code).toBe('NOT_FOUND');
          break;
        }
        if (s.phase === 'ended') break;
        seen.push(s.move as string);
        expect(project(s, { role: 'white' }).clock.move?.id).toBe(s.move);
      }
      expect(seen).toEqual([...compiled.moves].sort((a, b) => a.start - b.start).map((m) => m.id));
    });
  }
});
