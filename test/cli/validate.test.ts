import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIO } from '../../cli/io.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// As the user would type it, relative to where the tests run.
const MINIMAL = relative(process.cwd(), join(ROOT, 'test/fixtures/scenarios/minimal.yaml'));
const minimalText = readFileSync(join(ROOT, MINIMAL), 'utf8');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false };
  const code = await main(['validate', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = mkdtempSync(join(tmpdir(), 'ramparts-validate-'));
const write = (name: string, text: string | Uint8Array) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

describe('ramparts validate (in process)', () => {
  it('exits 0 for a valid file and prints a summary line', async () => {
    const r = await run([MINIMAL]);
    expect(r).toEqual({ code: 0, out: `${MINIMAL}: valid`, err: '' });
  });

  it('prints every error located, a summary per file and a total; exits 1', async () => {
    const bad = write('bad.yaml', minimalText.replace('  duration: 8h\n', '  duration: soon\n').replace('      owner: kw\n', '      owner: kw\n      colour: red\n'));
    const r = await run([MINIMAL, bad]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      `${MINIMAL}: valid`,
      `${bad}:11:13: meta.duration: "soon": write a duration like 90s, 45m, 8h or 1d2h`,
      `${bad}:35:7: network.segments[0].colour: unknown field "colour" (allowed here: cidr, id, name, owner, sensors, sharedWith, zone)`,
      `${bad}: invalid (2 errors)`,
      '2 files: 1 valid, 1 invalid',
    ]);
  });

  it('prints warnings but stays valid; --strict makes them fail; --quiet hides them', async () => {
    const warned = write('warned.yaml', minimalText.replace('        tactic: initial-access\n', '        tactic: impact\n'));
    const r = await run([warned]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /warned\.yaml:\d+:\d+: warning: campaigns\[0\]\.steps\[0\]\.tactic: T1566\.002 \(Spearphishing Link\) belongs to initial-access, not impact\n.*warned\.yaml: valid \(1 warning\)$/,
    );
    expect((await run(['--strict', warned])).code).toBe(1);
    expect(await run(['--quiet', warned])).toEqual({ code: 0, out: '', err: '' });
  });

  it('reports missing files, directories and unreadable files as located errors', async () => {
    const locked = write('locked.yaml', minimalText);
    chmodSync(locked, 0o000);
    const r = await run(['nope.yaml', scratch, locked]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('nope.yaml:1:1: (root): no such file');
    expect(r.out).toContain(`${scratch}:1:1: (root): is a directory`);
    // root can read anything: then the file is simply valid.
    if (process.getuid?.() !== 0) expect(r.out).toContain(`${locked}:1:1: (root): permission denied`);
    chmodSync(locked, 0o644);
  });

  it('--json prints one object with every diagnostic', async () => {
    const bad = write('bad2.yaml', minimalText.replace('    move: m1\n', '    move: m7\n'));
    const r = await run(['--json', MINIMAL, bad]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { ok: boolean; files: { file: string; ok: boolean; errors: unknown[]; warnings: unknown[] }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.files.map((f) => [f.file, f.ok])).toEqual([
      [MINIMAL, true],
      [bad, false],
    ]);
    expect(parsed.files[1]?.errors).toEqual([{ file: bad, line: 145, col: 11, path: 'injects[0].move', message: 'no move "m7"; did you mean "m1"?', severity: 'error' }]);
  });

  it('exits 2 on usage errors and prints help on --help', async () => {
    expect((await run([])).code).toBe(2);
    const unknown = await run(['--frobnicate', MINIMAL]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown option --frobnicate');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: ramparts validate FILE...');
  });
});

describe('ramparts validate (real process)', () => {
  const bin = join(ROOT, 'bin/ramparts.mjs');
  const spawn = (args: string[]) => spawnSync(process.execPath, [bin, 'validate', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('exits 0, 1 and 2 as documented and never prints a stack trace', () => {
    const binary = write('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
    const bomb = write(
      'bomb.yaml',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
    );
    const deep = write('deep.yaml', `a: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`);
    const ok = spawn([MINIMAL]);
    expect(ok.status).toBe(0);
    const bad = spawn([MINIMAL, binary, bomb, deep, deep, 'missing.yaml']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`${binary}:1:5: (root): NUL byte`);
    expect(bad.stdout).toContain(`${bomb}:2:8: b[0]: YAML aliases expand to too much data`);
    expect(bad.stdout).toContain(`${deep}:1:`);
    expect(bad.stdout).toContain('6 files: 1 valid, 5 invalid');
    const usage = spawn([]);
    expect(usage.status).toBe(2);
    for (const r of [ok, bad, usage]) expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at |Error:|node:internal/);
  });
});
