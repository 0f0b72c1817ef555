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

  it('bad edits are located errors and nothing runs (no branch file is written)', async () => {
    const out = s.file('never.jsonl');
    const bad = s.file('bad.yaml', `${ISOLATE}- at: 10m
  actor: { role: blue, team: xs }
  cmd: { type: sitrep, text: late, severity: low }
- at: 1h
  actor: { role: red }
  cmd: { type: action, action: isolate-host, target: { node: xs-dmz-web01 } }
`);
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
