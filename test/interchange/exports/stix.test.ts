/**
 * STIX 2.1 export of the flagship run: every object validates against its own type's official OASIS
 * schema, markings are the official TLP 2.0 ones, references resolve, patterns match their indicator
 * kinds, scope per team and TLP ceiling hold, and the same log gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLog } from '../../../engine/index.ts';
import { exerciseClock, loadExercise, stixBundle, type StixBundle, stixJson, type StixObject, stixPattern, TLP2_MARKING_IDS } from '../../../interchange/index.ts';
import { refdata } from '../helpers.ts';
import { flagship, stixValidator, type Flagship } from './shared.ts';

const OFFICIAL = JSON.parse(readFileSync(join(refdata, 'tlp2-markings.json'), 'utf8')) as {
  tlp_2_0_ids: Record<string, string>;
  tlp_2_0_marking_definitions: { id: string }[];
};
const OFFICIAL_IDS = new Set(Object.values(OFFICIAL.tlp_2_0_ids));

let f: Flagship;
let bundle: StixBundle;
beforeAll(() => {
  f = flagship();
  const r = stixBundle(f.exercise);
  if (!r.ok) throw new Error(r.message);
  bundle = r.bundle;
});

const byType = (b: StixBundle, type: string): StixObject[] => b.objects.filter((o) => o.type === type);

/** Every identifier an object refers to (…_ref and …_refs properties). */
function refsOf(o: StixObject): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k.endsWith('_ref') && typeof v === 'string') out.push(v);
    if (k.endsWith('_refs') && Array.isArray(v)) out.push(...(v as string[]));
  }
  return out;
}

describe('STIX 2.1 bundle of the flagship run', () => {
  it('holds every kind of object the issue asks for', () => {
    expect(bundle.type).toBe('bundle');
    for (const type of ['identity', 'report', 'indicator', 'attack-pattern', 'sighting', 'relationship', 'marking-definition']) {
      expect(byType(bundle, type).length, type).toBeGreaterThan(0);
    }
    expect(byType(bundle, 'report')).toHaveLength(Object.keys(f.exercise.state.reports).length);
  });

  it("validates every object against its own type's official schema", () => {
    const { ajv, schemaFor } = stixValidator();
    const failures: string[] = [];
    for (const o of bundle.objects) {
      const validate = ajv.getSchema(schemaFor(o.type));
      if (!validate) throw new Error(`schema for ${o.type} not compiled`);
      if (!validate(o)) failures.push(`${o.id}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it('would catch an invalid object (the validator is live)', () => {
    const { ajv, schemaFor } = stixValidator();
    const indicator = byType(bundle, 'indicator')[0] as StixObject;
    const validate = ajv.getSchema(schemaFor('indicator'))!;
    const { valid_from: _drop, ...broken } = indicator;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...indicator, created: '2026-11-19T05:00:00Z' })).toBe(false);
  });

  it('uses only the official TLP 2.0 markings, and includes their definitions unchanged', () => {
    const defs = byType(bundle, 'marking-definition');
    for (const d of defs) {
      expect(OFFICIAL_IDS.has(d.id)).toBe(true);
      expect(d).toEqual(OFFICIAL.tlp_2_0_marking_definitions.find((x) => x.id === d.id));
    }
    const used = new Set<string>();
    for (const o of bundle.objects) {
      if (o.type === 'marking-definition') continue;
      const refs = o.object_marking_refs as string[] | undefined;
      expect(refs, `${o.id} has no marking`).toBeDefined();
      for (const m of refs ?? []) {
        expect(OFFICIAL_IDS.has(m), `${o.id} marking ${m}`).toBe(true);
        used.add(m);
      }
    }
    expect(new Set(defs.map((d) => d.id))).toEqual(used);
    // The run shares under CLEAR, GREEN, AMBER, AMBER+STRICT and RED: all five appear.
    expect(used.size).toBe(5);
  });

  it('marks each report with its own TLP and each indicator with the strictest report carrying it', () => {
    const rank = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
    const ids = Object.fromEntries(rank.map((l) => [TLP2_MARKING_IDS[l], rank.indexOf(l)]));
    for (const r of Object.values(f.exercise.state.reports)) {
      const o = bundle.objects.find((x) => x.type === 'report' && (x.description as string).includes(`(report ${r.id})`));
      expect(o?.object_marking_refs).toEqual([TLP2_MARKING_IDS[r.tlp]]);
    }
    for (const ind of byType(bundle, 'indicator')) {
      const value = (ind.name as string).replace(/^\S+( address| name| key)? /, '');
      const carrying = Object.values(f.exercise.state.reports).filter((r) => r.indicators.some((v) => (ind.pattern as string).includes(`'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`)));
      expect(carrying.length, value).toBeGreaterThan(0);
      const strictest = Math.max(...carrying.map((r) => rank.indexOf(r.tlp)));
      expect(ids[(ind.object_marking_refs as string[])[0] as string]).toBe(strictest);
    }
  });

  it('has unique ids and every reference resolves inside the bundle', () => {
    const ids = bundle.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    const dangling = bundle.objects.flatMap((o) =>
      refsOf(o)
        .filter((r) => !known.has(r))
        .map((r) => `${o.id} -> ${r}`),
    );
    expect(dangling).toEqual([]);
  });

  it('builds patterns by indicator kind and references ATT&CK correctly', () => {
    const s = f.exercise.state;
    const kindOf = new Map(s.scenario.indicators.map((c, i) => [s.indicators[i] as string, c.kind]));
    const expected: Record<string, RegExp> = {
      sha256: /^\[file:hashes\.'SHA-256' = '[0-9a-f]{64}'\]$/,
      ipv4: /^\[ipv4-addr:value = '[\d.]+'\]$/,
      domain: /^\[domain-name:value = '[a-z0-9.-]+'\]$/,
      url: /^\[url:value = 'https?:\/\/[^']+'\]$/,
      email: /^\[email-addr:value = '[^']+@[^']+'\]$/,
      filename: /^\[file:name = '[^']+'\]$/,
      'registry-key': /^\[windows-registry-key:key = 'HKLM\\\\[^']+'\]$/,
      'user-agent': /^\[network-traffic:extensions\.'http-request-ext'\.request_header\.'User-Agent' = '[^']+'\]$/,
    };
    let checked = 0;
    for (const ind of byType(bundle, 'indicator')) {
      expect(ind.pattern_type).toBe('stix');
      const value = [...kindOf.keys()].find((v) => (ind.name as string).endsWith(` ${v}`));
      if (value === undefined) continue;
      const re = expected[kindOf.get(value) as string];
      if (!re) continue;
      expect(ind.pattern).toMatch(re);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    for (const ap of byType(bundle, 'attack-pattern')) {
      const ref = (ap.external_references as { source_name: string; external_id: string; url: string }[])[0]!;
      expect(ref.source_name).toBe('mitre-attack');
      expect(ref.external_id).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(ref.url).toBe(`https://attack.mitre.org/techniques/${ref.external_id.replace('.', '/')}/`);
    }
    for (const rel of byType(bundle, 'relationship')) {
      expect(rel.relationship_type).toBe('indicates');
      expect(rel.source_ref).toMatch(/^indicator--/);
      expect(rel.target_ref).toMatch(/^attack-pattern--/);
    }
  });

  it('escapes backslashes and quotes in pattern strings', () => {
    expect(stixPattern('registry-key', 'HKLM\\SOFTWARE\\Run')).toBe("[windows-registry-key:key = 'HKLM\\\\SOFTWARE\\\\Run']");
    expect(stixPattern('filename', "it's.exe")).toBe("[file:name = 'it\\'s.exe']");
  });

  it('dates objects from the scenario start date plus simulated time, and sightings from the alerts', () => {
    const s = f.exercise.state;
    const clock = exerciseClock(s.scenario.meta.startDate);
    expect(clock.iso(0)).toBe('2026-11-19T05:00:00.000Z');
    for (const r of Object.values(s.reports)) {
      const o = bundle.objects.find((x) => x.type === 'report' && (x.description as string).includes(`(report ${r.id})`))!;
      expect(o.published).toBe(clock.iso(r.t));
    }
    for (const sg of byType(bundle, 'sighting')) {
      expect((sg.first_seen as string) <= (sg.last_seen as string)).toBe(true);
      expect(sg.count as number).toBeGreaterThan(0);
      const team = (sg.where_sighted_refs as string[])[0]!;
      const teamId = bundle.objects.find((o) => o.id === team)!.description as string;
      expect(teamId).toMatch(/^Blue team (xs|xr|xn|xm|xz) /);
    }
    for (const o of bundle.objects) if (o.created && o.modified) expect((o.created as string) <= (o.modified as string)).toBe(true);
  });

  it('gives one team only what it saw: its reports sent and received, its own sightings', () => {
    const r = stixBundle(f.exercise, { team: 'xn' });
    if (!r.ok) throw new Error(r.message);
    const xnIdentity = r.bundle.objects.find((o) => o.type === 'identity' && (o.description as string).startsWith('Blue team xn '))!.id;
    const visible = Object.values(f.exercise.state.reports).filter((x) => x.from === 'xn' || x.to.includes('xn'));
    expect(byType(r.bundle, 'report')).toHaveLength(visible.length);
    // The RED report from xs to xr only never reaches xn.
    expect(byType(r.bundle, 'report').some((o) => (o.name as string).includes('eyes only'))).toBe(false);
    for (const sg of byType(r.bundle, 'sighting')) expect(sg.where_sighted_refs).toEqual([xnIdentity]);
    expect(stixBundle(f.exercise, { team: 'nobody' })).toMatchObject({ ok: false, message: expect.stringContaining('no blue team "nobody"') });
  });

  it('leaves out reports above a TLP ceiling', () => {
    const r = stixBundle(f.exercise, { maxTlp: 'GREEN' });
    if (!r.ok) throw new Error(r.message);
    const allowed = new Set([TLP2_MARKING_IDS.CLEAR, TLP2_MARKING_IDS.GREEN]);
    for (const o of r.bundle.objects) for (const m of (o.object_marking_refs as string[] | undefined) ?? []) expect(allowed.has(m)).toBe(true);
    expect(byType(r.bundle, 'report').length).toBe(Object.values(f.exercise.state.reports).filter((x) => x.tlp === 'CLEAR' || x.tlp === 'GREEN').length);
  });

  it('is deterministic: the same log, replayed again from its text, gives the same bytes', () => {
    const again = parseLog(f.run.text);
    if (!again.ok) throw new Error('log');
    const x = loadExercise(again.log);
    if (!x.ok) throw new Error(x.message);
    const b = stixBundle(x.exercise);
    if (!b.ok) throw new Error(b.message);
    expect(stixJson(b.bundle)).toBe(stixJson(bundle));
  });
});
