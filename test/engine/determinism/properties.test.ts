/**
 * Property tests (fast-check) over random valid command streams built from each scenario's own ids:
 * - the live run and its replay (from the log text, events verified) reach the same state hash, and
 *   seek(t) gives the hash the live run had at t;
 * - a snapshot restored in the middle (between two commands, or inside an advance) and run on equals
 *   the uninterrupted run, and so does the original state object;
 * - the command line's driver (runHeadless behind an adapter) and runHeadless reach the same state.
 * On failure fast-check prints the seed and the shrunk stream; pin a regression with { seed, path }.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  compileScenario,
  createExercise,
  createReplayer,
  logHeader,
  parseLog,
  restore,
  runHeadless,
  serialiseLog,
  snapshot,
  stateHash,
  step,
  type CompiledScenario,
  type EngineEvent,
  type LogRecord,
} from '../../../engine/index.ts';
import { validateScenarioText, type ScenarioT } from '../../../engine/index.ts';
import { runScripted } from '../../../cli/headless.ts';
import { baseScenario } from '../fixtures.ts';
import { commandStream } from './commands.ts';

const bundled = (name: string): ScenarioT => {
  const file = join(import.meta.dirname, '..', '..', '..', 'scenarios', name);
  const r = validateScenarioText(readFileSync(file), file);
  if (!r.ok) throw new Error(`${name} does not validate`);
  return r.scenario;
};

interface Case {
  name: string;
  scenario: ScenarioT;
  runs: number;
}
const CASES: Case[] = [
  { name: 'base test scenario', scenario: baseScenario(), runs: 60 },
  { name: 'gulf-shield.yaml', scenario: bundled('gulf-shield.yaml'), runs: 6 },
];

/** A seed and a command stream for it (indicator values depend on the seed). */
const runArb = (c: CompiledScenario) =>
  fc
    .integer({ min: 0, max: 1_000_000 })
    .chain((seed) => fc.record({ seed: fc.constant(seed), inputs: commandStream(c, createExercise(c, { seed }).indicators), cut: fc.integer({ min: 0, max: c.meta.duration }) }));

for (const { name, scenario, runs } of CASES) {
  const compiled = compileScenario(scenario);

  describe(`properties: ${name}`, () => {
    it('live and replayed give the same state, at the end and at any moment', () => {
      fc.assert(
        fc.property(runArb(compiled), ({ seed, inputs, cut }) => {
          const hashAt = new Map<number, string>();
          const events: EngineEvent[] = [];
          const live = runScripted(compiled, {
            seed,
            inputs,
            record: true,
            observe: (evs, state) => {
              events.push(...evs);
              hashAt.set(state.clock, stateHash(state));
            },
          });
          const text = serialiseLog({ header: logHeader(scenario, seed, 'headless'), records: live.records });
          const parsed = parseLog(text);
          if (!parsed.ok) throw new Error(`log does not parse: ${JSON.stringify(parsed.errors[0])}`);
          const r = createReplayer(parsed.log, { verify: true, snapshotEvery: 200 });
          if (!r.ok) throw new Error(r.message);
          expect(stateHash(r.replayer.final())).toBe(stateHash(live.state));
          expect(canonicalJson(r.replayer.events)).toBe(canonicalJson(events));
          // The live state at a time is the state after the last command applied at that time.
          for (const [t, h] of hashAt) expect(stateHash(r.replayer.seek(t)), `seek(${t})`).toBe(h);
          // Any other moment: a live run stopped there with the same inputs.
          const stopped = runScripted(compiled, { seed, inputs, until: cut });
          expect(stateHash(r.replayer.seek(cut)), `seek(${cut})`).toBe(stateHash(stopped.state));
        }),
        { numRuns: runs },
      );
    });

    it('a snapshot restored in the middle (between commands or inside an advance) and run on equals the uninterrupted run', () => {
      fc.assert(
        fc.property(runArb(compiled), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ({ seed, inputs }, where) => {
          const live = runScripted(compiled, { seed, inputs, record: true });
          const records = live.records;
          const k = Math.min(records.length - 1, Math.floor(where * records.length));
          // Replay the first k records on a fresh exercise, then snapshot and restore.
          const first = createExercise(compiled, { seed });
          for (const r of records.slice(0, k)) expect(step(first, r.command).ok).toBe(true);
          let resumed = restore(snapshot(first));
          const next = records[k] as LogRecord;
          if (next.command.type === 'advance' && next.command.to > resumed.clock + 1) {
            // Stop half-way through the advance and snapshot again there.
            const mid = resumed.clock + Math.floor((next.command.to - resumed.clock) * where);
            expect(step(resumed, { ...next.command, to: mid }).ok).toBe(true);
            resumed = restore(snapshot(resumed));
          }
          for (const r of records.slice(k)) expect(step(resumed, r.command).ok).toBe(true);
          expect(stateHash(resumed)).toBe(stateHash(live.state));
          // The original object, with its live random generators, goes on to the same state too.
          for (const r of records.slice(k)) expect(step(first, r.command).ok).toBe(true);
          expect(stateHash(first)).toBe(stateHash(live.state));
        }),
        { numRuns: runs },
      );
    });

    it("the command line's driver and the engine's runHeadless reach the same state", () => {
      // One driver: the command line's runScripted is runHeadless with refusals told by line; this
      // holds the adapter to it (whole runs without an `end` input, as before the two were one).
      fc.assert(
        fc.property(runArb(compiled), ({ seed, inputs: all }) => {
          const inputs = all.filter((x) => x.command.type !== 'end');
          const cli = runScripted(compiled, { seed, inputs });
          const engine = runHeadless(compiled, { seed, inputs, keepEvents: false });
          expect(stateHash(cli.state)).toBe(stateHash(engine.state));
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    });
  });
}
