/** What-if branches: fork a played log at T, replay the played commands after T with edits, a branch is a log. */
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  createReplayer,
  firstDivergence,
  openFork,
  parseLog,
  readEdits,
  runBranch,
  serialiseLog,
  stateHash,
  type BranchSpec,
  type Command,
  type OpenedFork,
  type RampartsLog,
} from '../../engine/index.ts';
import { baseScenario, blue, HOUR, MIN } from './fixtures.ts';
import { busyScript } from './script.ts';
import { compileScenario, createExercise, logHeader, step } from '../../engine/index.ts';

const SYSTEM = { role: 'system' } as const;

/** A real-time log as a server records it: the driver's ticks (system advances every 7 minutes) with the script's commands between them. */
function realtimeLog(until = 8 * HOUR): RampartsLog {
  const scenario = baseScenario();
  const state = createExercise(compileScenario(scenario), { seed: 11, mode: 'realtime' });
  const log: RampartsLog = { header: logHeader(scenario, 11, 'realtime'), records: [] };
  const apply = (command: Command): void => {
    const t = state.clock;
    const r = step(state, command);
    if (r.ok) log.records.push({ t, command, events: r.events });
  };
  apply({ type: 'start', actor: { role: 'white' } });
  const script = busyScript().sort((a, b) => a.at - b.at);
  let k = 0;
  for (let tick = 7 * MIN; tick <= until; tick += 7 * MIN) {
    for (; k < script.length && (script[k]?.at ?? Infinity) <= tick; k++) {
      const x = script[k]!;
      if (state.phase === 'running' && x.at > state.clock) apply({ type: 'advance', to: x.at, actor: SYSTEM });
      apply(x.command);
    }
    if (state.phase === 'running') apply({ type: 'advance', to: tick, actor: SYSTEM });
  }
  return log;
}

function open(log: RampartsLog): OpenedFork {
  const r = openFork(log, { snapshotEvery: 50 });
  if (!r.ok) throw new Error(r.message);
  return r.source;
}

function branch(source: OpenedFork, spec: BranchSpec) {
  const r = runBranch(source, spec);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.run;
}

const replayer = (log: RampartsLog) => {
  const r = createReplayer(log, { snapshotEvery: 50, verify: true });
  if (!r.ok) throw new Error(r.message);
  return r.replayer;
};

describe('a branch with no edits', () => {
  it('reproduces the played state hash at every moment after T, and the played events', () => {
    const parent = open(realtimeLog());
    const at = 95 * MIN + 30_000; // inside a tick's advance
    const run = branch(parent, { at, edits: [], reseed: null });
    expect(run.refused).toEqual([]);
    expect(stateHash(run.state)).toBe(stateHash(parent.replayer.final()));
    const played = parent.replayer.events.filter((e) => e.seq > run.start.seq);
    expect(canonicalJson(run.events)).toBe(canonicalJson(played));
    expect(firstDivergence(played, run.events)).toBeNull();
    const b = replayer(run.log);
    const moments = new Set<number>([at, parent.replayer.endTime]);
    for (const r of run.log.records) if (r.t >= at) moments.add(r.t);
    for (let t = at; t < parent.replayer.endTime; t += 11 * MIN + 7) moments.add(t);
    for (const t of moments) expect(stateHash(b.seek(t)), `T+${t}`).toBe(stateHash(parent.replayer.seek(t)));
  });

  it('works at T+0 and at the end of the log', () => {
    const parent = open(realtimeLog(2 * HOUR));
    for (const at of [0, parent.replayer.endTime]) {
      const run = branch(parent, { at, edits: [], reseed: null });
      expect(stateHash(run.state)).toBe(stateHash(parent.replayer.final()));
    }
  });
});

describe('a branch log', () => {
  it('names its parent, T and the edits, and replays to its own recorded hash', () => {
    const log = realtimeLog();
    const parent = open(log);
    const at = 45 * MIN;
    const isolate = log.records.findIndex((r) => r.command.type === 'action' && r.command.action === 'isolate' && r.t > at) + 1;
    const read = readEdits([{ drop: isolate }, { at: '50m', actor: { role: 'blue', team: 'kw' }, cmd: { type: 'action', action: 'isolate', target: { node: 'kw-web' } } }]);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const run = branch(parent, { at, edits: read.edits, reseed: 3 });
    expect(run.log.header.branch).toMatchObject({ parent: parent.hash, at, reseeds: [{ seed: 3 }], edits: read.edits });
    const text = serialiseLog(run.log);
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const b = replayer(parsed.log);
    expect(stateHash(b.final())).toBe(stateHash(run.state));
    // The branch's events differ from the played ones from the added isolation on.
    const played = parent.replayer.events.filter((e) => e.seq > run.start.seq);
    const d = firstDivergence(played, run.events);
    expect(d).not.toBeNull();
    expect(d!.t).toBeGreaterThanOrEqual(at);
  });

  it('is refused when its branch member is altered', () => {
    const parent = open(realtimeLog(2 * HOUR));
    const run = branch(parent, { at: HOUR, edits: [], reseed: 5 });
    const log = structuredClone(run.log);
    (log.header.branch as { reseeds: unknown }).reseeds = [{ record: 1e9, seed: 1 }];
    expect(parseLog(serialiseLog(log))).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringMatching(/reseeds/) }] });
  });

  it('re-seeded streams change what happens after T and nothing before', () => {
    const parent = open(realtimeLog());
    const at = 30 * MIN;
    const runs = [1, 2, 3].map((seed) => branch(parent, { at, edits: [], reseed: seed }));
    const hashes = new Set(runs.map((r) => stateHash(r.state)));
    expect(hashes.size).toBe(3);
    expect(stateHash(replayer(runs[0]!.log).seek(at - 1))).toBe(stateHash(parent.replayer.seek(at - 1)));
    // Same seed, same branch.
    expect(stateHash(branch(parent, { at, edits: [], reseed: 2 }).state)).toBe(stateHash(runs[1]!.state));
  });
});

describe('branching a branch', () => {
  it("keeps the parent branch's history: no edits give its state, before and after its own fork", () => {
    const root = open(realtimeLog());
    const b1 = branch(root, { at: 2 * HOUR, edits: [], reseed: 9 });
    const reread = parseLog(serialiseLog(b1.log));
    if (!reread.ok) throw new Error(JSON.stringify(reread.errors));
    const parent = open(reread.log);
    for (const at of [3 * HOUR, 2 * HOUR, HOUR]) {
      const b2 = branch(parent, { at, edits: [], reseed: null });
      expect(b2.log.header.branch?.parent).toBe(parent.hash);
      expect(stateHash(b2.state), `fork at ${at}`).toBe(stateHash(b1.state));
      expect(stateHash(replayer(b2.log).final())).toBe(stateHash(b1.state));
    }
    const b3 = branch(parent, { at: 3 * HOUR, edits: [], reseed: 4 });
    expect(stateHash(replayer(b3.log).final())).toBe(stateHash(b3.state));
    expect(b3.log.header.branch?.reseeds.map((x) => x.seed)).toEqual([9, 4]);
  });
});

describe('bad edits are located errors and nothing runs', () => {
  const log = realtimeLog(3 * HOUR);
  const parent = open(log);
  const at = HOUR;
  const before = log.records.findIndex((r) => r.command.actor.role === 'blue') + 1;
  const tick = log.records.findIndex((r) => r.t > at && r.command.actor.role === 'system') + 1;
  const cases: [string, unknown, (string | number)[], RegExp][] = [
    [
      'a command no seat could send (red sends a blue action)',
      { at: '70m', actor: { role: 'red' }, cmd: { type: 'action', action: 'isolate', target: { node: 'kw-web' } } },
      [0, 'actor', 'role'],
      /may not send action/,
    ],
    ['a command of the server', { at: '70m', actor: { role: 'system' }, cmd: { type: 'advance', to: 1 } }, [0, 'actor', 'role'], /not a seat/],
    ['a team that does not exist', { at: '70m', actor: blue('xx'), cmd: { type: 'sitrep', text: 'x', severity: 'low' } }, [0, 'actor', 'team'], /not a blue team/],
    ['a malformed command', { at: '70m', actor: blue('kw'), cmd: { type: 'sitrep', text: '', severity: 'low' } }, [0, 'cmd', 'text'], /./],
    ['a time before T', { at: '30m', actor: blue('kw'), cmd: { type: 'sitrep', text: 'x', severity: 'low' } }, [0, 'at'], /before the fork/],
    ['a record that does not exist', { drop: 100_000 }, [0, 'drop'], /no record 100000/],
    ['a record before T', { drop: before }, [0, 'drop'], /before the fork/],
    ["the clock's own advance", { drop: tick }, [0, 'drop'], /clock/],
    ['a move before T', { move: tick + 1, to: '10m' }, [0, 'to'], /before the fork/],
    ['a policy of an unknown action', { policy: { team: 'kw', rules: [{ on: 'alert', severity: 'high', do: 'nuke', within: '5m' }] } }, [0, 'policy', 'rules', 0, 'do'], /no action "nuke"/],
  ];
  for (const [what, edit, path, message] of cases) {
    it(what, () => {
      const read = readEdits([edit]);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      let observed = 0;
      const r = runBranch(parent, { at, edits: read.edits, reseed: null }, { observe: () => observed++ });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues).toContainEqual({ path, message: expect.stringMatching(message) });
      expect(observed).toBe(0);
    });
  }

  it("the edits file's own form: every problem at its place", () => {
    const r = readEdits({ edits: [{ drop: 'x' }, { move: 3 }, { at: 'soon', cmd: {} }, { nonsense: 1 }, { policy: { team: 'kw', rules: [{ on: 'never' }] } }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual([
        ['edits', 0, 'drop'],
        ['edits', 1, 'to'],
        ['edits', 2, 'at'],
        ['edits', 3],
        ['edits', 4, 'policy', 'rules', 0, 'do'],
        ['edits', 4, 'policy', 'rules', 0, 'on'],
      ]);
    }
  });
});

describe('edits at work', () => {
  it('a moved command applies at its new time; a policy answers alerts', () => {
    const log = realtimeLog();
    const parent = open(log);
    const at = 40 * MIN;
    const rec = log.records.findIndex((r) => r.command.type === 'action' && r.command.action === 'collect-forensics' && r.t > at) + 1;
    const moved = branch(parent, { at, edits: [{ op: 'move', record: rec, to: 41 * MIN + 500 }], reseed: null });
    const applied = moved.log.records.find((r) => r.t === 41 * MIN + 500 && r.command.type === 'action');
    expect(applied?.command).toEqual(log.records[rec - 1]?.command);
    expect(moved.refused).toEqual([]);
    // The same command moved before its team was granted assistance is refused in the branch, and reported.
    const grantNeeded = log.records.findIndex((r) => r.command.type === 'action' && r.command.action === 'isolate' && r.t > at) + 1;
    const early = branch(parent, { at, edits: [{ op: 'move', record: grantNeeded, to: 41 * MIN }], reseed: null });
    expect(early.refused).toMatchObject([{ origin: { kind: 'moved', record: grantNeeded }, at: 41 * MIN, type: 'action' }]);
    expect(stateHash(replayer(moved.log).final())).toBe(stateHash(moved.state));

    const policy = branch(parent, { at, edits: [{ op: 'policy', policy: { team: 'kw', replace: true, rules: [{ on: 'alert', severity: 'low', do: 'isolate', within: 2 * MIN }] } }], reseed: null });
    const alerts = policy.events.filter((e) => e.type === 'alert' && e.audience.includes('team:kw'));
    const isolations = policy.log.records.filter((r) => r.t >= at && r.command.type === 'action' && r.command.actor.role === 'blue' && r.command.actor.team === 'kw');
    expect(alerts.length).toBeGreaterThan(0);
    expect(isolations.length).toBeGreaterThan(0);
    for (const r of isolations) expect(r.command).toMatchObject({ action: 'isolate' });
    const firstAlert = alerts[0]!;
    expect(isolations[0]!.t).toBe(firstAlert.t + 2 * MIN);
    expect(stateHash(replayer(policy.log).final())).toBe(stateHash(policy.state));
  });
});
