/**
 * The --inputs command file: the three shapes it reads, every problem located by line and column
 * before anything runs, refusals during the run reported by line, and containment figures that agree
 * with the engine's own compromise episodes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type CompiledScenario, compileScenario, formatDiagnostic, validateScenarioText } from '../../engine/index.ts';
import { parseInputs } from '../../cli/inputs.ts';
import { runScripted } from '../../cli/headless.ts';
import { ContainmentTracker, outcomeOf } from '../../engine/index.ts';
import type { RunReport } from '../../cli/commands/run.ts';
import { GULF, jsonl, ramparts, rampartsJson, scratch } from './ramparts.ts';

const tmp = scratch('inputs');
afterAll(() => tmp.cleanup());
let cached: CompiledScenario | undefined;
const gulf = (): CompiledScenario => {
  if (cached) return cached;
  const r = validateScenarioText(readFileSync(GULF), GULF);
  if (!r.ok) throw new Error('gulf-shield.yaml does not validate');
  return (cached = compileScenario(r.scenario));
};
const xs = { role: 'blue', team: 'xs' };
const messages = (text: string, file = 'in.jsonl') => {
  const r = parseInputs(text, file, gulf());
  return r.ok ? [] : r.errors.map(formatDiagnostic);
};

describe('parseInputs', () => {
  it('reads JSON Lines with comments and blank lines, durations and ms, sorted by time keeping file order', () => {
    const text = [
      '# blue script',
      JSON.stringify({ at: '1h', actor: xs, cmd: { type: 'sitrep', text: 'second', severity: 'low' } }),
      '',
      JSON.stringify({ at: 600_000, actor: xs, cmd: { type: 'ack-inject', inject: 'i01-startex' } }),
      JSON.stringify({ at: '1h', actor: xs, cmd: { type: 'sitrep', text: 'third', severity: 'low' } }),
    ].join('\n');
    const r = parseInputs(text, 'in.jsonl', gulf());
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    expect(r.from).toBe('lines');
    expect(r.inputs.map((i) => [i.at, i.line, i.command.type])).toEqual([
      [600_000, 4, 'ack-inject'],
      [3_600_000, 2, 'sitrep'],
      [3_600_000, 5, 'sitrep'],
    ]);
    expect(r.inputs[0]?.command.actor).toEqual(xs);
  });

  it('locates every problem of a JSON Lines file by line and column, all at once', () => {
    const lines = [
      JSON.stringify({ at: '5x', actor: xs, cmd: { type: 'ack-inject', inject: 'i01-startex' } }),
      JSON.stringify({ at: '30m', actor: { role: 'blue', team: 'qq' }, cmd: { type: 'action', action: 'isolate-host', target: { node: 5 } } }),
      JSON.stringify({ at: '1h', actor: xs, cmd: { type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 5 } }),
      JSON.stringify({ at: '2h', actor: xs, cmd: { type: 'sitrep', text: 'ok', severity: 'low' }, extra: 1 }),
      '{"at": "2h", "actor": {"role": "blue", "team": "xs"}, "cmd": {"type": "sitrep"}',
      JSON.stringify({ at: '30h', actor: { role: 'white' }, cmd: { type: 'start' } }),
      JSON.stringify({ at: '3h', actor: xs, cmd: { type: 'action', action: 'isolate', target: { node: 'xs-nope', segment: 'xs-dmz' } } }),
      JSON.stringify({ at: '3h', actor: xs, cmd: { type: 'warp' } }),
      '[1, 2]',
    ];
    const m = messages(lines.join('\n'));
    const col = (line: number, needle: string) => (lines[line - 1] as string).indexOf(needle) + 1;
    expect(m).toEqual([
      `in.jsonl:1:${col(1, '"5x"')}: at: "5x" is not a duration; write it like 90s, 45m, 8h or 1d2h`,
      `in.jsonl:2:${col(2, '"qq"')}: actor.team: no blue team "qq" in this scenario (blue teams: xs, xr, xn, xm, xz)`,
      `in.jsonl:2:${col(2, '5}')}: cmd.target.node: Invalid input: expected string, received number`,
      `in.jsonl:3:${col(3, '"blue"')}: actor.role: a blue actor may not send adjudicate (allowed: white)`,
      `in.jsonl:4:${col(4, '"extra"')}: extra: unknown key "extra": an input has only "at", "actor" and "cmd"`,
      expect.stringMatching(/^in\.jsonl:5:\d+: \(root\): not a JSON object: .*\(one input per line\)$/),
      `in.jsonl:6:${col(6, '"30h"')}: at: T+1d6h is not before the end of the exercise (T+1d): the command would never apply`,
      expect.stringMatching(/^in\.jsonl:7:\d+: cmd\.action: no action "isolate" in this scenario \(actions: isolate-host, /),
      expect.stringMatching(new RegExp(`^in\\.jsonl:7:${col(7, '"xs-nope"')}: cmd\\.target\\.node: no node "xs-nope" in this scenario \\(nodes: xs-dmz-fw01, `)),
      expect.stringMatching(/^in\.jsonl:8:\d+: cmd\.type: Invalid discriminator value/),
      'in.jsonl:9:1: (root): an input is an object { "at": "45m", "actor": { "role": ... }, "cmd": { "type": ... } }',
    ]);
    expect(messages(JSON.stringify({ at: '1h', actor: { role: 'white' }, cmd: { type: 'start' } }))).toEqual([
      expect.stringMatching(/^in\.jsonl:1:\d+: cmd\.type: the run starts the exercise itself/),
    ]);
  });

  it('reads a JSON or YAML array and locates problems inside it', () => {
    const json = '[\n  {"at": "5m",\n   "actor": {"role": "blue", "team": "xs"},\n   "cmd": {"type": "ack-inject"}}\n]\n';
    expect(messages(json, 'in.json')).toEqual(['in.json:4:4: [0].cmd.inject: Invalid input: expected string, received undefined']);
    const yaml = '- at: 5m\n  actor: {role: blue, team: xs}\n  cmd: {type: ack-inject, inject: i01-startex}\n- at: 1h\n  actor: {role: red}\n  cmd: {type: red-launch, step: nope}\n';
    expect(messages(yaml, 'in.yaml')).toEqual([expect.stringMatching(/^in\.yaml:6:\d+: \[1\]\.cmd\.step: no red step "nope" in this scenario/)]);
    const ok = parseInputs(yaml.split('\n').slice(0, 3).join('\n'), 'in.yaml', gulf());
    expect(ok).toMatchObject({ ok: true, from: 'document', inputs: [{ at: 300_000, line: 1 }] });
    expect(messages('{"at": "5m"}', 'in.json')).toEqual([expect.stringMatching(/^in\.json:1:1: \(root\): a command file holds an array/)]);
  });

  it('reads a ramparts log as inputs: its commands at their times, without the start and the advances', async () => {
    const inputs = tmp.file(
      'in.jsonl',
      jsonl([
        { at: '10m', actor: xs, cmd: { type: 'ack-inject', inject: 'i01-startex' } },
        { at: '2h', actor: xs, cmd: { type: 'sitrep', text: 'seen', severity: 'high' } },
      ]),
    );
    const log = tmp.file('rec.log');
    await rampartsJson('run', GULF, '--seed', '4', '--inputs', inputs, '--log', log);
    const r = parseInputs(readFileSync(log, 'utf8'), log, gulf());
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
    expect(r.from).toBe('log');
    expect(r.inputs.map((i) => [i.at, i.command.type, i.line])).toEqual([
      [600_000, 'ack-inject', 4],
      [7_200_000, 'sitrep', 6],
    ]);
    // Running the same seed with the log as inputs reproduces the recorded run.
    const a = await rampartsJson<RunReport>('run', GULF, '--seed', '4', '--inputs', inputs);
    const b = await rampartsJson<RunReport>('run', GULF, '--seed', '4', '--inputs', log);
    expect(b.stateHash).toBe(a.stateHash);
  });
});

describe('inputs during a run', () => {
  it('reports refused inputs with their line, goes on, and fails only with --strict', async () => {
    const inputs = tmp.file(
      'refused.jsonl',
      jsonl([
        { at: '10m', actor: xs, cmd: { type: 'ack-inject', inject: 'i01-startex' } },
        { at: '20m', actor: xs, cmd: { type: 'ack-inject', inject: 'i01-startex' } },
        { at: '30m', actor: xs, cmd: { type: 'grant-assistance', request: 'xr-H9' } },
      ]),
    );
    const r = await ramparts('run', GULF, '--seed', '5', '--inputs', inputs, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as RunReport;
    expect(report.inputs?.applied).toBe(1);
    expect(report.inputs?.refused.map((x) => [x.line, x.type])).toEqual([
      [2, 'ack-inject'],
      [3, 'grant-assistance'],
    ]);
    expect(r.err).toMatch(/refused\.jsonl:2: refused at T\+00:20:00: ack-inject: [A-Z_]+: /);
    expect(r.err).toMatch(/refused\.jsonl:3: refused at T\+00:30:00: grant-assistance: NOT_FOUND: /);
    expect((await ramparts('run', GULF, '--seed', '5', '--inputs', inputs, '--strict')).code).toBe(1);
  });

  it('an invalid inputs file runs nothing: exit 1, no summary, no log', async () => {
    const inputs = tmp.file('bad.jsonl', '{"at": "1h"}\n');
    const log = tmp.file('never.log');
    const r = await ramparts('run', GULF, '--inputs', inputs, '--log', log, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${inputs}:1:1: (root): missing "actor"`);
    expect(r.err).toContain(`${inputs}: invalid inputs (2 errors); nothing was run`);
    expect(() => readFileSync(log)).toThrow();
  });

  it('containment figures agree with the engine: isolating compromised nodes closes their episodes', () => {
    const c = gulf();
    // First find which xs nodes red compromises and when, then isolate each one 30 minutes later.
    const first = new ContainmentTracker(c);
    const compromisedAt = new Map<string, number>();
    runScripted(c, {
      seed: 9,
      observe: (events) => {
        first.add(events);
        for (const e of events) {
          const d = e.data as { node?: string; integrity?: string };
          if (e.type === 'node.state' && d.node?.startsWith('xs-') && d.integrity === 'compromised' && !compromisedAt.has(d.node)) compromisedAt.set(d.node, e.t);
        }
      },
    });
    expect(compromisedAt.size).toBeGreaterThan(1);
    const isolate = c.actionByKind.isolate;
    const inputs = [...compromisedAt]
      .map(([node, t], i) => ({
        at: Math.min(t + 1_800_000, c.meta.duration - 1),
        line: i + 1,
        command: { type: 'action' as const, action: isolate, target: { node }, actor: { role: 'blue' as const, team: 'xs' } },
      }))
      .sort((a, b) => a.at - b.at);
    const tracker = new ContainmentTracker(c);
    const run = runScripted(c, { seed: 9, inputs, observe: (events) => tracker.add(events) });
    const o = outcomeOf(run.state, tracker);
    for (const t of o.teams) {
      const score = run.state.teams[t.team]!.score;
      expect(t.compromises, t.team).toBe(score.episodes);
      expect(t.contained, t.team).toBe(score.episodes - Object.keys(score.open).length);
    }
    const xsOut = o.teams.find((t) => t.team === 'xs')!;
    expect(xsOut.contained).toBeGreaterThan(0);
    expect(xsOut.meanTimeToContainMs).toBeGreaterThan(0);
    expect(first.team('xs').contained).toBe(0);
  });
});
