/**
 * `ramparts import`, run in-process: parts printed as YAML, placement with --into (the written file
 * validates and carries the schema line), located errors with exit 1, usage errors with exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../cli/main.ts';
import type { CliIO } from '../../cli/io.ts';
import { validateScenarioText } from '../../engine/index.ts';
import { baseFile, repoRoot, samples } from './helpers.ts';

async function ramparts(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`), isTTY: false };
  const code = await main(['import', ...args], io);
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'ramparts-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const notPetya = join(samples, 'attack-flow/NotPetya.json');
const ransackDir = join(samples, 'caldera-stockpile-ransack');
const ransackFile = join(ransackDir, 'adversary-de07f52d-9928-4071-9142-cb1d3bd851e8-Ransack.yml');

describe('ramparts import', () => {
  it('prints an Attack Flow campaign as YAML, with notes and warnings on stderr', async () => {
    const r = await ramparts(notPetya, '--from', 'attack-flow', '--campaign-id', 'petya');
    expect(r.code).toBe(0);
    const part = parse(r.out) as { campaigns: { id: string; steps: unknown[] }[] };
    expect(part.campaigns[0]!.id).toBe('petya');
    expect(part.campaigns[0]!.steps).toHaveLength(21); // 23 actions, two without a technique
    expect(r.err).toContain(`${notPetya}: attack-action--efe3d7fe-9a22-4b05-a5af-1eb0f42aa41f: warning: "T0866" is not an ATT&CK Enterprise v18.1 technique id`);
  });

  it("places a CALDERA profile into a scenario and writes a file that validates, with its schema line and the base's comments", async () => {
    const out = join(tmp, 'ransack.yaml');
    const r = await ramparts(ransackFile, '--from', 'caldera', '--into', baseFile, '-o', out, '--team', 'om');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/scenario\.schema\.json$/);
    expect(lines.filter((l) => l.includes('yaml-language-server'))).toHaveLength(1);
    expect(text).toContain('# Base scenario for the interchange tests');
    const v = validateScenarioText(text, out);
    expect(v.ok).toBe(true);
    if (v.ok)
      expect(v.scenario.campaigns.map((c) => [c.id, c.steps[0]!.target.team])).toEqual([
        ['baseline', 'kw'],
        ['ransack', 'om'],
      ]);
  });

  it('finds abilities with --abilities anywhere, and says where it looked when they are missing', async () => {
    const dir = join(tmp, 'caldera');
    mkdirSync(join(dir, 'elsewhere', 'collection'), { recursive: true });
    copyFileSync(ransackFile, join(dir, 'adv.yml'));
    for (const f of ['collection__90c2efaa-8205-480d-8bb6-61d90dbaf81b.yml']) copyFileSync(join(ransackDir, 'abilities', f), join(dir, 'elsewhere', 'collection', f));
    const missing = await ramparts(join(dir, 'adv.yml'), '--from', 'caldera');
    expect(missing).toMatchObject({ code: 1, err: `${join(dir, 'adv.yml')}: no abilities folder at ${join(dir, 'abilities')}; pass --abilities DIR\n` });
    const partial = await ramparts(join(dir, 'adv.yml'), '--from', 'caldera', '--abilities', join(dir, 'elsewhere'));
    expect(partial.code).toBe(1);
    expect(partial.err).toContain(`${join(dir, 'adv.yml')}: c0da588f-79f0-4263-8998-7496b1a40596: step 2: no ability with this id`);
  });

  it('round-trips an MSEL through a CSV file into the scenario', async () => {
    const { exportMselCsv } = await import('../../interchange/index.ts');
    const base = parse(readFileSync(baseFile, 'utf8')) as { injects: never[] };
    const file = join(tmp, 'msel.csv');
    writeFileSync(file, exportMselCsv(base));
    const r = await ramparts(file, '--from', 'msel-csv', '--into', baseFile, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { ok: boolean; result: { injects: unknown[] }; diagnostics: { message: string }[] };
    expect(json.ok).toBe(true);
    // The one inject with a CRLF in its message comes back with a line feed (a sheet's CR is not text).
    expect(json.result.injects).toEqual(JSON.parse(JSON.stringify(base.injects).replace(/\\r\\n/g, '\\n')));
  });

  it('prints CSV errors as FILE:ROW:COL: column: message and exits 1 without writing', async () => {
    const file = join(tmp, 'bad.csv');
    const out = join(tmp, 'never.yaml');
    writeFileSync(file, 'Event Number,Time,To,Message\n1,45m,kw,ok\n2,whenever,Qatar,x\n');
    const r = await ramparts(file, '--from', 'msel-csv', '--into', baseFile, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      `${file}:3:2: Time: "whenever" is not a time: write a duration from T+0 (45m, 1h30m), a clock offset (01:30 or T+01:30), a day offset (D+1 02:45), an exercise day (Day 2 09:00) or a date-time (2025-03-01T09:30:00+03:00)`,
      `${file}:3:3: To: no blue team "Qatar" in the scenario (blue teams: kw, om, sa); write a team id or name, or all-blue`,
      `${file}:1:1: header: warning: no Delivery Method column: every inject is sent by email`,
      `${file}:1:1: header: warning: no From column: every inject comes from "Exercise Control"`,
      `${file}:1:1: header: warning: no Expected Player Action column: the injects expect no action from the players`,
    ]);
    expect(() => readFileSync(out)).toThrow();
  });

  it('--into splices the injects into the base file: nothing else in it is rewritten', async () => {
    const file = join(tmp, 'two.csv');
    const out = join(tmp, 'placed.yaml');
    writeFileSync(file, 'Event Number,Time,To,Delivery Method,From,Message,Expected Player Action\nnew-1,3h,kw,email,Control,Hello,Acknowledge\nnew-2,4h,om,phone,Control,Bye,Acknowledge\n');
    const r = await ramparts(file, '--from', 'msel-csv', '--into', baseFile, '-o', out);
    expect(r.code).toBe(0);
    const before = readFileSync(baseFile, 'utf8').split('\n');
    const after = readFileSync(out, 'utf8').split('\n');
    // Line 1 is the schema line (relative to the output); then the base file line for line, with the new injects after the last one.
    const added = after.length - before.length;
    const lastInject = before.findIndex((l, i) => i > before.indexOf('injects:') && /^\S/.test(l));
    const end = lastInject < 0 ? before.length : lastInject;
    expect(after.slice(1, end - (before[end - 1] === '' ? 1 : 0))).toEqual(before.slice(1, end - (before[end - 1] === '' ? 1 : 0)));
    expect(added).toBeGreaterThan(10);
    expect(after.slice(end + added)).toEqual(before.slice(end));
    expect(validateScenarioText(readFileSync(out, 'utf8'), out).ok).toBe(true);
  });

  it('--into: an imported inject that makes the scenario invalid is reported at its CSV row, and nothing is written', async () => {
    const file = join(tmp, 'badref.csv');
    const out = join(tmp, 'not-written.yaml');
    writeFileSync(
      file,
      'Event Number,Time,To,Delivery Method,From,Message,Expected Player Action,When\nok-1,1h,kw,email,C,fine,Acknowledge,\nbad-1,,kw,email,C,waits,Acknowledge,stepSucceeded: no-such-step\n',
    );
    const r = await ramparts(file, '--from', 'msel-csv', '--into', baseFile, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: inject bad-1\\.when\\.stepSucceeded: `, 'm'));
    expect(r.err).not.toContain(out);
    expect(() => readFileSync(out)).toThrow();
  });

  it('--strict refuses an import with warnings; --date-order reads day-first dates; .xlsx is read directly', async () => {
    const msel = join(repoRoot, 'test/fixtures/interchange/msel');
    const strict = await ramparts(join(msel, 'hseep.csv'), '--from', 'msel-csv', '--into', baseFile, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('warning: column not imported: Ramparts has no field for "Notes"');
    expect(strict.err).toContain('--strict: 1 warning(s); nothing imported');
    const ambiguous = await ramparts(join(msel, 'ddmm-dates.csv'), '--from', 'msel-csv', '--into', baseFile);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('ddmm-dates.csv:2:2: Date/Time Delivered: "01/03/2025 09:30" could be 1 March or January 3: say which with --date-order dmy or --date-order mdy');
    const dmy = await ramparts(join(msel, 'ddmm-dates.csv'), '--from', 'msel-csv', '--into', baseFile, '--date-order', 'dmy', '--json');
    expect(dmy.code).toBe(0);
    expect((await ramparts(join(msel, 'ddmm-dates.csv'), '--from', 'msel-csv', '--date-order', 'ymd')).code).toBe(2);
    const book = await ramparts(join(msel, 'workbook.xlsx'), '--from', 'msel-csv', '--into', baseFile, '--json');
    expect(book.code).toBe(0);
    const ids = (JSON.parse(book.out) as { result: { injects: { id: string }[] } }).result.injects.map((i) => i.id);
    expect(ids.slice(-3)).toEqual(['W-1', 'W-2', 'W-3']);
  });

  it('prints STIX diagnostics as FILE: object-id: message; a file of another shape is refused in one line', async () => {
    const file = join(tmp, 'loop.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--1',
        objects: [
          { type: 'attack-action', id: 'attack-action--a', technique_id: 'T1566', effect_refs: ['attack-action--b'] },
          { type: 'attack-action', id: 'attack-action--b', technique_id: 'T1204', effect_refs: ['attack-action--a'] },
        ],
      }),
    );
    const r = await ramparts(file, '--from', 'attack-flow');
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `${file}: attack-action--b: warning: the flow loops back on itself (attack-action--a -> attack-action--b -> attack-action--a); cut the edge attack-action--b -> attack-action--a`,
    );
    const other = join(tmp, 'other.json');
    writeFileSync(other, JSON.stringify({ nodes: [], edges: [] }));
    const refused = await ramparts(other, '--from', 'attack-flow');
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/not an Attack Flow: expected a STIX 2\.1 bundle .* or an Attack Flow Builder file \(\.afb/);
  });

  it('reports a placed scenario that does not validate, and writes nothing', async () => {
    const r = await ramparts(ransackFile, '--from', 'caldera', '--into', baseFile, '--campaign-id', 'baseline');
    expect(r.code).toBe(1);
    expect(r.err).toContain('injects[1].when.stepDetected: no step "encrypt"');
    expect(r.out).toBe('');
  });

  it('usage errors exit 2; unreadable files exit 1; --help exits 0', async () => {
    expect((await ramparts(notPetya)).code).toBe(2);
    expect((await ramparts(notPetya, '--from', 'stix')).err).toContain('--from must be msel-csv, caldera or attack-flow, not "stix"');
    expect((await ramparts('--from', 'attack-flow')).code).toBe(2);
    expect((await ramparts(notPetya, notPetya, '--from', 'attack-flow')).code).toBe(2);
    expect((await ramparts(notPetya, '--from', 'attack-flow', '--team', 'kw')).err).toContain('--team needs --into');
    expect((await ramparts(notPetya, '--from', 'attack-flow', '--campaign-id', 'no spaces')).code).toBe(2);
    expect((await ramparts(notPetya, '--from', 'attack-flow', '--frobnicate')).code).toBe(2);
    expect(await ramparts(join(tmp, 'nope.json'), '--from', 'attack-flow')).toMatchObject({ code: 1, err: `${join(tmp, 'nope.json')}: no such file\n` });
    expect(await ramparts(notPetya, '--from', 'attack-flow', '--into', join(repoRoot, 'nope.yaml'))).toMatchObject({ code: 1 });
    const help = await ramparts('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: ramparts import FILE --from msel-csv\|caldera\|attack-flow/);
  });
});
