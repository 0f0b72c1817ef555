/** `ramparts whatif`: branch the flagship's log, write the branch, replay it, sweep it, refuse bad edits. */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GULF, ramparts, rampartsJson, scratch } from './ramparts.ts';

const s = scratch('whatif');
let log = '';

beforeAll(async () => {
  log = s.file('gulf.jsonl');
  const r = await ramparts('run', GULF, '--until', '6h', '--log', log);
  if (r.code !== 0) throw new Error(r.err);
}, 120_000);
afterAll(() => s.cleanup());

const ISOLATE = `- at: 45m
  actor: { role: blue, team: xs }
  cmd: { type: action, action: isolate-host, target: { node: xs-dmz-web01 } }
`;

interface WhatIfJson {
  parent: string;
  branch: { stateHash: string; refused: unknown[]; reseeds: unknown[] };
  comparison: { divergence: { t: number } | null; teams: { team: string }[] };
  sweep: { report: { runs: number; objectives: unknown[]; teams: unknown[] }; comparison: { runs: number } } | null;
}

describe('ramparts whatif', () => {
  it('prints its help and refuses a missing --at as a usage error', async () => {
    expect((await ramparts('whatif', '--help')).out).toMatch(/Usage: ramparts whatif LOG\|PACKAGE --at DUR/);
    const r = await ramparts('whatif', log);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--at DUR/);
  });

  it('branches with an added command, writes a branch log that replays to the same state hash, and that branches again', async () => {
    const edits = s.file('edits.yaml', ISOLATE);
    const out = s.file('branch.jsonl');
    const w = await rampartsJson<WhatIfJson>('whatif', log, '--at', '40m', '--edits', edits, '-o', out);
    expect(w.branch.refused).toEqual([]);
    expect(w.comparison.divergence?.t).toBe(45 * 60_000);
    const header = JSON.parse(readFileSync(out, 'utf8').split('\n')[0] as string) as { branch: { parent: string; at: number; edits: unknown[] } };
    expect(header.branch).toMatchObject({ parent: w.parent, at: 40 * 60_000, edits: [{ op: 'add', at: 45 * 60_000 }] });
    const replayed = await rampartsJson<{ stateHash: string }>('replay', out);
    expect(replayed.stateHash).toBe(w.branch.stateHash);
    // A branch of the branch without edits is the branch.
    const again = await rampartsJson<WhatIfJson>('whatif', out, '--at', '2h');
    expect(again.branch.stateHash).toBe(w.branch.stateHash);
    expect(again.comparison.divergence).toBeNull();
  }, 120_000);

  it('a sweep from T gives identical statistics with 1 and 2 workers', async () => {
    const policy = s.file('policy.yaml', 'team: xs\nrules:\n  - { on: alert, severity: high, do: isolate-host, within: 10m }\n');
    const one = await rampartsJson<WhatIfJson>('whatif', log, '--at', '1h', '--policy', policy, '--runs', '6', '--workers', '1');
    const two = await rampartsJson<WhatIfJson>('whatif', log, '--at', '1h', '--policy', policy, '--runs', '6', '--workers', '2');
    expect(one.sweep?.report.runs).toBe(6);
    expect(two.sweep).toEqual(one.sweep);
  }, 300_000);

  it('pins a finding that the AAR (English and Arabic) and the package carry, with its branch file', async () => {
    const edits = s.file('pin-edits.yaml', ISOLATE);
    const findings = s.file('findings.json');
    // Long enough for red to reach its objectives as played (T+12:30 to T+13:30).
    const log = s.file('gulf-14h.jsonl');
    expect((await ramparts('run', GULF, '--until', '14h', '--log', log)).code).toBe(0);
    const w = await ramparts('whatif', log, '--at', '40m', '--edits', edits, '--runs', '4', '--workers', '1', '--pin', findings, '--objective', 'obj-rps-down', '--note', 'Isolate the DMZ early');
    expect(w.code, w.err).toBe(0);
    const list = JSON.parse(readFileSync(findings, 'utf8')) as { id: string; runs: number; branch: { fileName: string; stateHash: string } }[];
    expect(list).toMatchObject([{ id: 'W1', runs: 4, branch: { fileName: 'whatif-W1.jsonl' } }]);
    const md = await ramparts('export', log, '--format', 'aar-md', '--findings', findings);
    expect(md.code, md.err).toBe(0);
    expect(md.out).toMatch(/What if: branches of the exercise/);
    expect(md.out).toMatch(/\*\*W1\.\*\* isolate-host xs-dmz-web01 \(xs\) at T\+00:45 (prevents obj-rps-down in \d+% of 4 runs, 95% interval \d+%–\d+%)\. _Evaluator note:_ Isolate the DMZ early/);
    expect(md.out).toContain(list[0]!.branch.stateHash);
    const ar = await ramparts('export', log, '--format', 'aar-md', '--lang', 'ar', '--findings', findings);
    expect(ar.out).toMatch(/ماذا لو: تفرعات من التمرين/);
    const pkg = s.file('exercise.package.json');
    expect((await ramparts('export', log, '--format', 'package', '--findings', findings, '-o', pkg)).code).toBe(0);
    const opened = JSON.parse(readFileSync(pkg, 'utf8')) as { whatIf: { branch: { log: string } }[] };
    expect(opened.whatIf).toHaveLength(1);
    const fromPkg = await ramparts('export', pkg, '--format', 'aar-md');
    expect(fromPkg.out).toContain(list[0]!.branch.stateHash);
    // The checksum covers the findings: a changed branch file is refused.
    const tampered = s.file('tampered.package.json', readFileSync(pkg, 'utf8').replace('whatif-W1.jsonl', 'whatif-W9.jsonl'));
    const refused = await ramparts('export', tampered, '--format', 'aar-md');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/checksum mismatch/);
    // A finding that is not a branch of this log is refused.
    const other = s.file('other.jsonl');
    expect((await ramparts('run', GULF, '--until', '2h', '--seed', '5', '--log', other)).code).toBe(0);
    const wrong = await ramparts('export', other, '--format', 'aar-md', '--findings', findings);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/not a branch of this exercise's log/);
  }, 300_000);

  it('bad edits are located errors and nothing runs (no branch file is written)', async () => {
    const out = s.file('never.jsonl');
    const bad = s.file(
      'bad.yaml',
      `${ISOLATE}- at: 10m
  actor: { role: blue, team: xs }
  cmd: { type: sitrep, text: late, severity: low }
- at: 1h
  actor: { role: red }
  cmd: { type: action, action: isolate-host, target: { node: xs-dmz-web01 } }
`,
    );
    const r = await ramparts('whatif', log, '--at', '40m', '--edits', bad, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:4:7: [1].at: T+10m is before the fork at T+40m`);
    expect(r.err).toMatch(new RegExp(`${bad}:8:\\d+: \\[2\\]\\.actor\\.role: a red actor may not send action`));
    expect(r.err).toMatch(/nothing was run/);
    expect(existsSync(out)).toBe(false);
    const drop = await ramparts('whatif', log, '--at', '40m', '--drop', '99999', '-o', out);
    expect(drop.code).toBe(1);
    expect(drop.err).toMatch(/--drop: 99999: no record 99999/);
    const form = await ramparts('whatif', log, '--at', '40m', '--edits', s.file('form.yaml', '- drop: twelve\n'));
    expect(form.code).toBe(1);
    expect(form.err).toMatch(/form\.yaml:1:9: \[0\]\.drop: a record number/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
