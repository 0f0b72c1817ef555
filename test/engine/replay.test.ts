/** The log format, replay of a recorded log, and seek to any moment. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, createReplayer, parseLog, replay, serialiseLog, stateHash } from '../../engine/index.ts';
import { baseScenario, HOUR, MIN, SYSTEM } from './fixtures.ts';
import { busyScript, runScript } from './script.ts';
import { stressScenario } from './stress-fixture.ts';

const small = () => stressScenario({ teams: 3, nodesPerTeam: 40, steps: 40, injects: 30, hours: 8 });

describe('log format', () => {
  it('serialises and parses back to the same log', () => {
    const run = runScript(baseScenario(), 4, busyScript(), 8 * HOUR);
    const text = serialiseLog(run.log);
    expect(text.split('\n')[0]).toContain('"format":"ramparts-log"');
    const parsed = parseLog(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(canonicalJson(parsed.log)).toBe(canonicalJson(run.log));
  });

  it('reports every problem with its line number', () => {
    const run = runScript(baseScenario(), 4, busyScript().slice(0, 3), HOUR);
    const lines = serialiseLog(run.log).trimEnd().split('\n');
    lines[2] = '{not json';
    lines[3] = JSON.stringify({ t: 5, command: { type: 'sitrep', text: '', severity: 'low', actor: { role: 'blue', team: 'kw' } } });
    const r = parseLog(lines.join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
      expect(r.errors[0]?.message).toMatch(/not JSON/);
      expect(r.errors[1]?.message).toMatch(/record\.command\.text/);
    }
    expect(parseLog('')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseLog('{"format":"other"}\n')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });

  it('detects a scenario altered after recording', () => {
    const run = runScript(baseScenario(), 4, [], HOUR);
    const log = structuredClone(run.log);
    log.header.scenario.meta.duration = '9h';
    expect(parseLog(serialiseLog(log))).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringMatching(/scenarioHash/) }] });
  });
});

describe('replay', () => {
  it('a recorded log replays to the live state hash and events, verified record by record', () => {
    const run = runScript(baseScenario(), 4, busyScript(), 8 * HOUR);
    const parsed = parseLog(serialiseLog(run.log));
    if (!parsed.ok) throw new Error('log did not parse');
    const r = createReplayer(parsed.log, { verify: true, snapshotEvery: 25 });
    if (!r.ok) throw new Error(r.message);
    expect(stateHash(r.replayer.final())).toBe(stateHash(run.state));
    expect(canonicalJson(r.replayer.events)).toBe(canonicalJson(run.events));
    expect(r.replayer.snapshots).toBeGreaterThan(5);
  });

  it('seek(t) equals the live state hash at every recorded moment', () => {
    const run = runScript(baseScenario(), 4, busyScript(), 8 * HOUR, { hashes: true });
    const r = createReplayer(run.log, { snapshotEvery: 40 });
    if (!r.ok) throw new Error(r.message);
    // The live state at a time is the state after the last record applied at or before it.
    const last = new Map<number, string>();
    for (const h of run.hashes) last.set(h.clock, h.hash);
    for (const [clock, hash] of last) expect(stateHash(r.replayer.seek(clock)), `T+${clock}`).toBe(hash);
  });

  it('seek inside a long advance equals a live run that stopped there', () => {
    const sc = small();
    const full = runScript(sc, 8, [], 8 * HOUR);
    const r = createReplayer(full.log, { snapshotEvery: 100 });
    if (!r.ok) throw new Error(r.message);
    expect(r.replayer.snapshots).toBeGreaterThan(3);
    for (const t of [0, 17 * MIN, HOUR + 1, 3 * HOUR + 33 * MIN, 7 * HOUR + 59 * MIN]) {
      const live = runScript(sc, 8, [], t);
      expect(stateHash(r.replayer.seek(t)), `T+${t}`).toBe(stateHash(live.state));
    }
    expect(stateHash(r.replayer.seek(100 * HOUR))).toBe(stateHash(full.state));
  });

  it('replay(log, { at }) returns the state and the events up to then', () => {
    const run = runScript(baseScenario(), 4, busyScript(), 8 * HOUR);
    const r = replay(run.log, { at: 2 * HOUR });
    if (!r.ok) throw new Error(r.message);
    expect(r.state.clock).toBe(2 * HOUR);
    expect(r.events.every((e) => e.t <= 2 * HOUR)).toBe(true);
    expect(r.events.at(-1)?.seq).toBe(r.state.seq);
  });

  it('a log that does not reproduce fails as a value naming the record', () => {
    const run = runScript(baseScenario(), 4, busyScript(), 8 * HOUR);
    const tampered = structuredClone(run.log);
    const withEvents = tampered.records.findIndex((x, i) => i > 1 && (x.events?.length ?? 0) > 0);
    (tampered.records[withEvents]!.events![0]!.data as Record<string, unknown>).extra = 1;
    expect(createReplayer(tampered, { verify: true })).toMatchObject({ ok: false, record: withEvents });
    const shifted = structuredClone(run.log);
    shifted.records[2]!.t += 1;
    expect(createReplayer(shifted)).toMatchObject({ ok: false, record: 2 });
    const other = structuredClone(run.log);
    other.records.splice(1, 0, { t: 0, command: { type: 'advance', to: 0, actor: SYSTEM } });
    other.records[2] = { ...other.records[2]!, command: { type: 'start', actor: { role: 'white' } } };
    expect(createReplayer(other)).toMatchObject({ ok: false, record: 2, message: expect.stringMatching(/refused/) });
  });
});
