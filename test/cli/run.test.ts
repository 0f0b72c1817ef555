/**
 * `ramparts run` and `ramparts replay`: determinism by seed (in-process and through the real binary),
 * the JSON summary, --until, --log, replay to the live hash, and --at to the hash the live run had then.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario, createExercise, stateHash, step, validateScenarioText } from '../../engine/index.ts';
import type { RunReport } from '../../cli/commands/run.ts';
import type { ReplayReport } from '../../cli/commands/replay.ts';
import { GULF, jsonl, ramparts, rampartsJson, ROOT, scratch } from './ramparts.ts';

const HOUR = 3_600_000;
const tmp = scratch('run');
afterAll(() => tmp.cleanup());

const gulf = () => {
  const r = validateScenarioText(readFileSync(GULF), GULF);
  if (!r.ok) throw new Error('gulf-shield.yaml does not validate');
  return compileScenario(r.scenario);
};

/** The parts of a run's report that describe the state reached (replay reports the same). */
const outcome = (r: RunReport | ReplayReport) => ({
  scenario: r.scenario,
  scenarioHash: r.scenarioHash,
  seed: r.seed,
  stateHash: r.stateHash,
  phase: r.phase,
  simTimeMs: r.simTimeMs,
  events: r.events,
  objectives: r.objectives,
  red: r.red,
  scores: r.scores,
  teams: r.teams,
});

describe('ramparts run', () => {
  it('gives the same state hash for the same seed, another for another seed', async () => {
    const a = await rampartsJson<RunReport>('run', GULF, '--seed', '7');
    const b = await rampartsJson<RunReport>('run', GULF, '--seed', '7');
    const c = await rampartsJson<RunReport>('run', GULF, '--seed', '8');
    expect(a.stateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toEqual(a);
    expect(c.stateHash).not.toBe(a.stateHash);
    expect(a.seed).toBe(7);
    expect(a.phase).toBe('ended');
    expect(a.stop).toBe('ended');
    expect(a.simTimeMs).toBe(gulf().meta.duration);
    expect(a.events).toBeGreaterThan(100);
    expect(Object.keys(a.scores).sort()).toEqual(
      gulf()
        .blue.map((t) => t.id)
        .sort(),
    );
    for (const s of Object.values(a.scores)) expect(s.composite).toBeGreaterThanOrEqual(0);
    expect(a.objectives.length).toBeGreaterThan(0);
    expect(a.inputs).toBeNull();
  });

  it('through the real binary: the JSON of a spawned process has the in-process state hash', async () => {
    const out = execFileSync(process.execPath, ['bin/ramparts.mjs', 'run', 'scenarios/gulf-shield.yaml', '--seed', '7', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const spawned = JSON.parse(out) as RunReport;
    const inProcess = await rampartsJson<RunReport>('run', GULF, '--seed', '7');
    expect(spawned.stateHash).toBe(inProcess.stateHash);
    expect(spawned.events).toBe(inProcess.events);
  });

  it('uses the scenario seed by default and prints a readable summary', async () => {
    const r = await ramparts('run', GULF);
    expect(r.code).toBe(0);
    const json = await rampartsJson<RunReport>('run', GULF, '--seed', String(gulf().meta.seed));
    expect(r.out).toContain(`seed ${gulf().meta.seed}`);
    expect(r.out).toContain(`State hash: ${json.stateHash}`);
    expect(r.out).toMatch(/Red objectives: \d+ of \d+ achieved/);
    for (const t of gulf().blue) expect(r.out).toMatch(new RegExp(`^  ${t.id} `, 'm'));
  });

  it('--until stops early, with the clock there and the exercise still running', async () => {
    const r = await rampartsJson<RunReport>('run', GULF, '--seed', '7', '--until', '5h');
    expect(r.simTimeMs).toBe(5 * HOUR);
    expect(r.phase).toBe('running');
    expect(r.stop).toBe('until');
    const full = await rampartsJson<RunReport>('run', GULF, '--seed', '7');
    expect(r.events).toBeLessThan(full.events);
  });
});

describe('ramparts replay', () => {
  it('rebuilds the live run from its log: same hash and the same summary', async () => {
    const log = tmp.file('g7.log');
    const live = await rampartsJson<RunReport>('run', GULF, '--seed', '7', '--log', log);
    expect(live.log).toBe(log);
    const header = JSON.parse(readFileSync(log, 'utf8').split('\n')[0] as string) as Record<string, unknown>;
    expect(header).toMatchObject({ format: 'ramparts-log', version: 1, seed: 7, scenarioHash: live.scenarioHash });
    const replayed = await rampartsJson<ReplayReport>('replay', log);
    expect(outcome(replayed)).toEqual(outcome(live));
    expect(replayed.endTimeMs).toBe(live.simTimeMs);
    const verified = await ramparts('replay', log, '--verify');
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(live.stateHash);
  });

  it('--at gives the hash the live run had at that moment (recorded through the engine API)', async () => {
    const compiled = gulf();
    const times = [0, 90_000, 45 * 60_000, 5 * HOUR, 12 * HOUR + 1, 23 * HOUR + 59 * 60_000];
    const state = createExercise(compiled, { seed: 11 });
    expect(step(state, { type: 'start', actor: { role: 'white' } }).ok).toBe(true);
    const live: string[] = [];
    for (const t of times) {
      if (t > state.clock) expect(step(state, { type: 'advance', to: t, actor: { role: 'system' } }).ok).toBe(true);
      live.push(stateHash(state));
    }
    const log = tmp.file('g11.log');
    await rampartsJson('run', GULF, '--seed', '11', '--log', log);
    for (const [i, t] of times.entries()) {
      const r = await rampartsJson<ReplayReport>('replay', log, '--at', `${t}ms`);
      expect(r.stateHash, `--at ${t}ms`).toBe(live[i]);
      expect(r.simTimeMs).toBe(t);
      expect(r.at).toBe(t);
    }
    // Past the end: the final state.
    const past = await rampartsJson<ReplayReport>('replay', log, '--at', '3d');
    const end = await rampartsJson<ReplayReport>('replay', log);
    expect(past.stateHash).toBe(end.stateHash);
  });

  it('with inputs, --at equals a live run stopped there with --until', async () => {
    const inputs = tmp.file(
      'in.jsonl',
      jsonl([
        { at: '10m', actor: { role: 'blue', team: 'xs' }, cmd: { type: 'ack-inject', inject: 'i01-startex' } },
        { at: '2h', actor: { role: 'blue', team: 'xs' }, cmd: { type: 'action', action: 'isolate-host', target: { node: 'xs-dmz-web01' } } },
        { at: '2h', actor: { role: 'blue', team: 'xn' }, cmd: { type: 'sitrep', text: 'Phishing wave seen', severity: 'medium' } },
        { at: '3h', actor: { role: 'white' }, cmd: { type: 'adjudicate', item: { kind: 'sitrep', id: 'xn-S1' }, grade: 70 } },
        { at: '9h', actor: { role: 'blue', team: 'xs' }, cmd: { type: 'action', action: 'threat-hunt', target: { segment: 'xs-energy' } } },
      ]),
    );
    const log = tmp.file('in.log');
    const full = await rampartsJson<RunReport>('run', GULF, '--seed', '3', '--inputs', inputs, '--log', log);
    expect(full.inputs).toEqual({ applied: 5, refused: [], notReached: 0 });
    for (const at of ['2h', '3h', '4h30m', '9h']) {
      const stopped = await rampartsJson<RunReport>('run', GULF, '--seed', '3', '--inputs', inputs, '--until', at);
      const seek = await rampartsJson<ReplayReport>('replay', log, '--at', at);
      expect(seek.stateHash, `--at ${at}`).toBe(stopped.stateHash);
    }
    const stopped = await rampartsJson<RunReport>('run', GULF, '--seed', '3', '--inputs', inputs, '--until', '2h30m');
    expect(stopped.inputs?.notReached).toBe(2); // the 3h and 9h inputs
    const replayed = await rampartsJson<ReplayReport>('replay', log);
    expect(outcome(replayed)).toEqual(outcome(full));
  });

  it('replays an exercise package to the hash it records, and refuses an altered one', async () => {
    const log = tmp.file('p.log');
    const live = await rampartsJson<RunReport>('run', GULF, '--seed', '6', '--until', '6h', '--log', log);
    const pkg = tmp.file('p.json');
    const exported = await ramparts('export', log, '--format', 'package', '-o', pkg);
    expect(exported.code, exported.err).toBe(0);
    const replayed = await rampartsJson<ReplayReport>('replay', pkg);
    expect(outcome(replayed)).toEqual(outcome(live));
    const at = await rampartsJson<ReplayReport>('replay', pkg, '--at', '2h');
    const stopped = await rampartsJson<RunReport>('run', GULF, '--seed', '6', '--until', '2h');
    expect(at.stateHash).toBe(stopped.stateHash);
    const altered = tmp.file('altered.json', readFileSync(pkg, 'utf8').replace('"seed":6', '"seed":5'));
    const r = await ramparts('replay', altered);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^.*altered\.json:1: .+/m);
  });

  it('reports a broken log by line, and a log that does not reproduce by record', async () => {
    const log = tmp.file('b.log');
    await rampartsJson('run', GULF, '--seed', '2', '--until', '1h', '--log', log);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    const bad = tmp.file('bad.log', [lines[0], '{"t": 0, "command": {"type": "warp", "actor": {"role": "white"}}}', 'nope'].join('\n'));
    const r = await ramparts('replay', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:2: record.command.type`);
    expect(r.err).toContain(`${bad}:3: not JSON`);
    expect(r.err).not.toMatch(/\n\s+at /);
    const rec = JSON.parse(lines[2] as string) as { t: number; command: { to: number } };
    rec.t += 5;
    const shifted = tmp.file('shifted.log', [lines[0], lines[1], JSON.stringify(rec)].join('\n'));
    const s = await ramparts('replay', shifted);
    expect(s.code).toBe(1);
    expect(s.err).toMatch(new RegExp(`^${shifted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: record 2 was applied at T\\+5 ms`, 'm'));
    expect((await ramparts('replay', tmp.file('missing.log'))).code).toBe(1);
  });
});

describe('usage and input errors', () => {
  it('exits 2 on usage errors with a one-line reason and no stack trace', async () => {
    for (const args of [
      ['run'],
      ['run', GULF, '--seed', 'x'],
      ['run', GULF, '--until', 'soon'],
      ['run', GULF, '--bogus'],
      ['run', GULF, GULF],
      ['replay'],
      ['replay', 'a.log', '--at', '5 minutes'],
      ['run', GULF, '--seed'],
    ]) {
      const r = await ramparts(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(new RegExp(`^ramparts ${args[0]}: .+\\nRun 'ramparts ${args[0]} --help' for usage\\.\\n$`));
    }
  });

  it('exits 1 with located diagnostics for an invalid scenario, and runs nothing', async () => {
    const bad = tmp.file('bad.yaml', 'ramparts: 1\nmeta:\n  id: x\n  duration: forever\n');
    const r = await ramparts('run', bad, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `, 'm'));
    expect((await ramparts('run', tmp.file('none.yaml'))).err).toContain('none.yaml:1:1: (root): no such file');
  });

  it('--help documents the inputs file', async () => {
    const r = await ramparts('run', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('"at": "45m"');
    expect(r.out).toContain('--inputs FILE');
  });
});
