/**
 * `ramparts export` in-process (every format, options, located errors, exit codes) and once through the
 * real binary (a package written under its suggested name in the current directory).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import type { CliIO } from '../../../cli/io.ts';
import { AAR_SECTIONS, type AarResults, importMselCsv, mselContext, type NavigatorLayer, playedInjects, type StixBundle } from '../../../interchange/index.ts';
import { stateHash } from '../../../engine/index.ts';
import { repoRoot } from '../helpers.ts';
import { flagship, type Flagship } from './shared.ts';

let f: Flagship;
let dir: string;
let logFile: string;

beforeAll(() => {
  f = flagship();
  dir = mkdtempSync(join(tmpdir(), 'ramparts-export-'));
  logFile = join(dir, 'flagship.log');
  writeFileSync(logFile, f.run.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`), isTTY: false };
  const code = await main(['export', ...args], io);
  return { code, out, err };
}

describe('ramparts export', () => {
  it('writes every format', async () => {
    const outFile = (name: string) => join(dir, name);
    for (const [format, name] of [
      ['json', 'r.json'],
      ['navigator', 'l.json'],
      ['stix', 's.json'],
      ['aar-md', 'r.md'],
      ['aar-html', 'r.html'],
      ['msel-csv', 'm.csv'],
      ['package', 'p.json'],
    ] as const) {
      const r = await cli(logFile, '--format', format, '-o', outFile(name));
      expect(r.code, `${format}: ${r.err}`).toBe(0);
      expect(r.err).toContain(`wrote ${outFile(name)}`);
    }
    const results = JSON.parse(readFileSync(outFile('r.json'), 'utf8')) as AarResults;
    expect(results.overview.exercise.stateHash).toBe(stateHash(f.run.state));
    expect((JSON.parse(readFileSync(outFile('l.json'), 'utf8')) as NavigatorLayer).versions.layer).toBe('4.5');
    expect((JSON.parse(readFileSync(outFile('s.json'), 'utf8')) as StixBundle).type).toBe('bundle');
    const md = readFileSync(outFile('r.md'), 'utf8');
    for (const s of AAR_SECTIONS) expect(md).toContain(`## ${s}`);
    expect(readFileSync(outFile('r.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(readFileSync(outFile('p.json'), 'utf8')).toMatch(/^\{"format":"ramparts-package"/);
  });

  it('writes the AAR/IP in the language and time zone asked for, and refuses an unknown zone', async () => {
    const ar = await cli(logFile, '--format', 'aar-md', '--lang', 'ar', '--tz', 'Asia/Riyadh');
    expect(ar.code, ar.err).toBe(0);
    expect(ar.out).toContain('## الملخص التنفيذي');
    expect(ar.out).toMatch(/19 نوفمبر 2026، 08:00 /);
    expect(ar.out).toContain('Asia/Riyadh');
    const bad = await cli(logFile, '--format', 'aar-md', '--tz', 'Mars/Olympus');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--tz: "Mars/Olympus" is not a time zone');
  });

  it('exports the MSEL as played: the scenario injects and the ad-hoc inject, round-tripping through the MSEL import', async () => {
    const r = await cli(logFile, '--format', 'msel-csv');
    expect(r.code).toBe(0);
    const back = importMselCsv(r.out.replace(/\n$/, ''), { context: mselContext(f.run.scenario) });
    if (!back.ok) throw new Error(JSON.stringify(back.diagnostics.slice(0, 3)));
    const played = playedInjects(f.run.scenario.injects, f.exercise.state);
    expect(back.value).toStrictEqual(played);
    expect(played.at(-1)).toMatchObject({ id: 'adhoc-1', at: '5h', type: 'contingency', tlp: 'AMBER' });
  });

  it('reads packages as well as logs and gives per-team views', async () => {
    const pkg = join(dir, 'team.pkg.json');
    expect((await cli(logFile, '--format', 'package', '-o', pkg)).code).toBe(0);
    const nav = await cli(pkg, '--format', 'navigator', '--team', 'xn');
    expect(nav.code).toBe(0);
    expect((JSON.parse(nav.out) as NavigatorLayer).name).toContain('NCSC-N');
    const stix = await cli(pkg, '--format', 'stix', '--team', 'xs', '--tlp', 'amber');
    expect(stix.code).toBe(0);
    const reports = (JSON.parse(stix.out) as StixBundle).objects.filter((o) => o.type === 'report');
    expect(reports.length).toBe(Object.values(f.exercise.state.reports).filter((x) => (x.from === 'xs' || x.to.includes('xs')) && ['CLEAR', 'GREEN', 'AMBER'].includes(x.tlp)).length);
  });

  it('refuses an altered package with the checksum message', async () => {
    const pkg = join(dir, 'altered.pkg.json');
    expect((await cli(logFile, '--format', 'package', '-o', pkg)).code).toBe(0);
    writeFileSync(pkg, readFileSync(pkg, 'utf8').replace('"seed":2016', '"seed":2015'));
    const r = await cli(pkg, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${pkg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: package checksum mismatch: the file was altered after export \\(expected [0-9a-f]{64}, found [0-9a-f]{64}\\)`));
  });

  it('locates errors in a broken log and in a log that does not replay', async () => {
    const lines = f.run.text.split('\n');
    const broken = join(dir, 'broken.log');
    const t = (JSON.parse(lines[4] as string) as { t: number }).t;
    writeFileSync(broken, [...lines.slice(0, 5), `{"t": ${t}, "command": 7}`, ...lines.slice(5)].join('\n'));
    const r = await cli(broken, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${broken}:6: record.command is missing`);
    const diverging = join(dir, 'diverging.log');
    // Record 3 acknowledges an inject; one that does not exist is refused on replay.
    expect(lines[3]).toContain('"type":"ack-inject"');
    lines[3] = (lines[3] as string).replace(/"inject":"[^"]+"/, '"inject":"no-such-inject"');
    writeFileSync(diverging, lines.join('\n'));
    const d = await cli(diverging, '--format', 'aar-md');
    expect(d.code).toBe(1);
    expect(d.err).toContain('the log does not replay: record 3');
    expect((await cli(join(dir, 'missing.log'), '--format', 'json')).err).toContain('missing.log: no such file');
  });

  it('uses exit status 2 for usage errors and 1 for a refused marking', async () => {
    expect((await cli(logFile)).code).toBe(2);
    expect((await cli(logFile, '--format', 'pdf')).code).toBe(2);
    expect((await cli(logFile, '--format', 'json', '--team', 'xs')).code).toBe(2);
    expect((await cli(logFile, '--format', 'stix', '--team', 'nobody')).code).toBe(2);
    expect((await cli(logFile, '--format', 'json', '--tlp', 'PURPLE')).code).toBe(2);
    expect((await cli(logFile, '--format', 'json', '--bogus')).code).toBe(2);
    const low = await cli(logFile, '--format', 'aar-md', '--tlp', 'GREEN');
    expect(low.code).toBe(1);
    expect(low.err).toContain('TLP:GREEN is below what this exercise holds (TLP:RED');
    const pkgLow = await cli(logFile, '--format', 'package', '--tlp', 'AMBER', '-o', join(dir, 'low.json'));
    expect(pkgLow.code).toBe(1);
    expect(existsSync(join(dir, 'low.json'))).toBe(false);
    let help = '';
    expect(await main(['export', '--help'], { out: (t) => void (help += t), err: () => {}, isTTY: false })).toBe(0);
    expect(help).toContain('--format');
  });

  it('through the binary, writes a package under its suggested name in the current directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ramparts-cwd-'));
    try {
      const { stderr } = await promisify(execFile)(process.execPath, [join(repoRoot, 'bin/ramparts.mjs'), 'export', logFile, '--format', 'package'], { cwd });
      const name = 'gulf-shield-2026-seed2016.TLP-RED.ramparts-package.json';
      expect(stderr).toContain(`wrote ${name} (TLP:RED, checksum `);
      expect(existsSync(join(cwd, name))).toBe(true);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
