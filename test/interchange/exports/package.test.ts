/**
 * Exercise packages: exported from one directory, opened in a fresh one (through the API and through
 * the real binary), they replay to the live run's state hash; one byte changed anywhere is refused
 * with a message saying the file was altered; markings below the content are refused.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, stateHash } from '../../../engine/index.ts';
import { buildPackage, exerciseMarking, type ExercisePackage, loadExercise, logFromFile, openPackage, parseLogOrPackage } from '../../../interchange/index.ts';
import { repoRoot } from '../helpers.ts';
import { flagship, type Flagship } from './shared.ts';

const run = promisify(execFile);
let f: Flagship;
let pkg: ExercisePackage;
let text: string;
let fileName: string;
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ramparts-pkg-'));
  dirs.push(d);
  return d;
};

beforeAll(() => {
  f = flagship();
  const r = buildPackage(f.exercise);
  if (!r.ok) throw new Error(r.message);
  pkg = r.package;
  text = r.text;
  fileName = r.fileName;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('exercise packages', () => {
  it('hold the scenario, seed, command log, ratings and report, marked and checksummed', () => {
    expect(pkg.format).toBe('ramparts-package');
    expect(pkg.tlp).toBe('RED'); // the run shares one report under TLP:RED
    expect(pkg.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(pkg.seed).toBe(f.run.scenario.meta.seed);
    expect(pkg.scenario.hash).toBe(f.log.header.scenarioHash);
    expect(pkg.ratings.length).toBe(f.run.state.ratings.length);
    expect(pkg.report.overview.exercise.stateHash).toBe(stateHash(f.run.state));
    expect(pkg.final.stateHash).toBe(stateHash(f.run.state));
    expect(fileName).toBe('gulf-shield-2026-seed2016.TLP-RED.ramparts-package.json');
    // The marking and checksum come first, so `head` shows them.
    expect(text.slice(0, 80)).toMatch(/^\{"format":"ramparts-package","version":1,"tlp":"RED","checksum":"/);
  });

  it('exported from one directory, replays in a fresh one to the live state hash (API)', () => {
    const a = tempDir();
    writeFileSync(join(a, fileName), text);
    const b = tempDir();
    writeFileSync(join(b, 'received.json'), readFileSync(join(a, fileName)));
    const opened = logFromFile(readFileSync(join(b, 'received.json'), 'utf8'));
    if (!opened.ok || opened.kind !== 'package') throw new Error(opened.ok ? 'not a package' : opened.message);
    const r = replay(opened.log);
    if (!r.ok) throw new Error(r.message);
    expect(stateHash(r.state)).toBe(stateHash(f.run.state));
    expect(stateHash(r.state)).toBe(opened.package.final.stateHash);
    expect(r.events.length).toBe(f.run.events.length);
  });

  it('replays in a fresh directory through the real binary to the same state hash', async () => {
    const d = tempDir();
    writeFileSync(join(d, 'pkg.json'), text);
    const { stdout } = await run(process.execPath, [join(repoRoot, 'bin/ramparts.mjs'), 'export', 'pkg.json', '--format', 'json'], { cwd: d, maxBuffer: 64 * 1024 * 1024 });
    const results = JSON.parse(stdout) as { overview: { exercise: { stateHash: string } } };
    expect(results.overview.exercise.stateHash).toBe(stateHash(f.run.state));
  });

  it('refuses a package with one byte changed anywhere, saying it was altered', () => {
    const bytes = Buffer.from(text, 'utf8');
    // Positions: the structure at the start, the checksum, deterministic spread over the report and the log, the end.
    const positions = new Set<number>([0, 2, 12, 31, 45, 60, 90, 100, bytes.length - 2, bytes.length - 1]);
    let x = 12345;
    while (positions.size < 90) {
      x = (x * 1103515245 + 12345) % 2147483648;
      positions.add(x % bytes.length);
    }
    let parsable = 0;
    for (const pos of positions) {
      const copy = Buffer.from(bytes);
      copy[pos] = (copy[pos] as number) ^ 0x01;
      const altered = copy.toString('utf8');
      const r = logFromFile(altered);
      expect(r.ok, `byte ${pos} changed but the package opened`).toBe(false);
      if (r.ok) continue;
      expect(r.message, `byte ${pos}`).toContain('the file was altered after export');
      let parsed: Record<string, unknown> | null = null;
      try {
        parsed = JSON.parse(altered) as Record<string, unknown>;
      } catch {
        parsed = null;
      }
      // A change that keeps the file valid JSON (and its checksum member) changes a value or a key: the checksum says so.
      if (parsed !== null && typeof parsed.checksum === 'string') {
        parsable++;
        // 'expected' is the checksum the file records, which the changed byte may be part of.
        expect(r.message, `byte ${pos}`).toMatch(/^package checksum mismatch: the file was altered after export \(expected \S{64}, found [0-9a-f]{64}\)$/);
      }
    }
    expect(parsable).toBeGreaterThan(30);
  });

  it('names the expected and the found checksum', () => {
    const altered = text.replace('"seed":2016', '"seed":2017');
    const r = openPackage(altered);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe(
      `package checksum mismatch: the file was altered after export (expected ${pkg.checksum}, found ${JSON.parse(JSON.stringify(r.message.match(/found ([0-9a-f]{64})/)?.[1]))})`,
    );
    expect(r.message).not.toContain(`found ${pkg.checksum}`);
  });

  it('still opens when pretty-printed (whitespace is not content)', () => {
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    const r = openPackage(pretty);
    expect(r.ok).toBe(true);
  });

  it('refuses a marking below the content and allows a stricter one', () => {
    const low = buildPackage(f.exercise, { tlp: 'AMBER+STRICT' });
    expect(low).toMatchObject({ ok: false, message: expect.stringContaining('TLP:AMBER+STRICT is below what this exercise holds (TLP:RED, in intelligence report xs-R') });
    // The first two hours hold less than RED: their own level is allowed and a stricter one too, a lower one is not.
    const early = loadExercise({ header: f.log.header, records: f.log.records.filter((r) => r.t <= 2 * 3_600_000) });
    if (!early.ok) throw new Error(early.message);
    const levels = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
    const level = exerciseMarking(early.exercise.state).level;
    const i = levels.indexOf(level);
    expect(i).toBeGreaterThan(0);
    expect(i).toBeLessThan(4);
    const stricter = buildPackage(early.exercise, { tlp: levels[i + 1] });
    if (!stricter.ok) throw new Error(stricter.message);
    expect(stricter.fileName).toContain(`.TLP-${levels[i + 1]!.replace('+', '-')}.`);
    expect(openPackage(stricter.text).ok).toBe(true);
    expect(buildPackage(early.exercise, { tlp: level }).ok).toBe(true);
    expect(buildPackage(early.exercise, { tlp: levels[i - 1] }).ok).toBe(false);
  });

  it('reads logs as well, with located errors, through the same entry points', () => {
    const asLog = logFromFile(f.run.text);
    expect(asLog.ok && asLog.kind).toBe('log');
    const broken = f.run.text.split('\n');
    broken[3] = '{"t": 1, "command": {"type": "nope"}}';
    const r = parseLogOrPackage(broken.join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.line).toBe(4);
    const p = parseLogOrPackage(text.replace('"tlp":"RED"', '"tlp":"GREEN"'));
    expect(p).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringContaining('package checksum mismatch') }] });
    expect(logFromFile('hello')).toMatchObject({ ok: false });
    // Lines of JSON under a first line that names a package: neither one, and the message says why
    // (found by the hostile replay fuzz; it used to say "package is damaged" at a byte position).
    const lines = f.run.text.split('\n');
    lines[0] = '{"format":"ramparts-package","version":1}';
    expect(logFromFile(lines.join('\n'))).toMatchObject({ ok: false, message: expect.stringMatching(/neither a package nor a log/) });
  });

  it('is deterministic: the same log gives the same package bytes', () => {
    const again = buildPackage(f.exercise);
    expect(again.ok && again.text).toBe(text);
  });
});
