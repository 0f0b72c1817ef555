import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatPath, validateScenarioObject, validateScenarioText, type ValidationResult } from '../../../engine/index.ts';

const MINIMAL_URL = new URL('../../fixtures/scenarios/minimal.yaml', import.meta.url);
const minimalText = readFileSync(MINIMAL_URL, 'utf8');

function valid(r: ValidationResult) {
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r;
}

describe('validateScenarioText', () => {
  it('accepts the minimal fixture without warnings, from text and from bytes', () => {
    const fromText = valid(validateScenarioText(minimalText, 'minimal.yaml'));
    expect(fromText.warnings).toEqual([]);
    expect(fromText.scenario.teams.map((t) => t.id)).toEqual(['white', 'kw', 'om', 'red']);
    const fromBytes = valid(validateScenarioText(readFileSync(MINIMAL_URL), 'minimal.yaml'));
    expect(fromBytes.scenario).toEqual(fromText.scenario);
  });

  it('reads the same scenario from JSON and reports the same problems at JSON positions', () => {
    const scenario = valid(validateScenarioText(minimalText, 'minimal.yaml')).scenario;
    const json = JSON.stringify(scenario, null, 2);
    expect(valid(validateScenarioText(json, 'minimal.json')).scenario).toEqual(scenario);
    const broken = json.replace('"segment": "kw-corp"', '"segment": "kw-crop"');
    const r = validateScenarioText(broken, 'broken.json');
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    const line = broken.split('\n').findIndex((l) => l.includes('"kw-crop"')) + 1;
    const col = (broken.split('\n')[line - 1] ?? '').indexOf('"kw-crop"') + 1;
    expect(errors.map(formatDiagnostic)).toEqual([`broken.json:${line}:${col}: network.nodes[0].segment: no segment "kw-crop"; did you mean "kw-corp"?`]);
  });

  it('reports every error at once, in source order', () => {
    const text = minimalText
      .replace('  duration: 8h\n', '  duration: eight hours\n')
      .replace('      criticality: 2\n', '      criticality: 9\n')
      .replace('    channel: news\n', '    channel: pigeon\n');
    const r = validateScenarioText(text, 's.yaml');
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((d) => d.path)).toEqual(['meta.duration', 'network.nodes[0].criticality', 'injects[0].channel']);
    expect(errors.map((d) => d.line)).toEqual([...errors.map((d) => d.line)].sort((a, b) => a - b));
  });

  it('keeps the meaning checks for a schema-valid file: several reference errors in one run', () => {
    const text = minimalText.replace('      owner: kw\n', '      owner: kuwait\n').replace('    move: m1\n', '    move: m9\n');
    const r = validateScenarioText(text, 's.yaml');
    expect(r.ok ? [] : r.errors.map((d) => d.path)).toEqual(['network.segments[0].owner', 'injects[0].move']);
  });

  it('reports unknown fields at the key, with a suggestion', () => {
    const text = minimalText.replace('  seed: 42\n', '  sede: 42\n');
    const r = validateScenarioText(text, 's.yaml');
    const errors = r.ok ? [] : r.errors.map(formatDiagnostic);
    expect(errors).toContain('s.yaml:12:3: meta.sede: unknown field "sede"; did you mean "seed"?');
    expect(errors).toContain('s.yaml:5:1: meta.seed: missing required field "seed"');
  });

  it('accepts anchors and aliases that are reused normally', () => {
    const text = minimalText.replace('      sensors: [edr]\n', '      sensors: &std [edr, av]\n').replace('      kind: domain-controller\n', '      kind: domain-controller\n      sensors: *std\n');
    const r = valid(validateScenarioText(text, 's.yaml'));
    expect(r.scenario.network.nodes[1]?.sensors).toEqual(['edr', 'av']);
  });
});

describe('validateScenarioObject', () => {
  it('validates an in-memory scenario; diagnostics have no position', () => {
    const scenario = valid(validateScenarioText(minimalText, 'm.yaml')).scenario;
    expect(valid(validateScenarioObject(scenario)).scenario).toEqual(scenario);
    const bad = structuredClone(scenario);
    bad.campaigns[0]!.steps[0]!.technique = 'T1002';
    const r = validateScenarioObject(bad, 'import');
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual(['import: campaigns[0].steps[0].technique: T1002 was revoked in ATT&CK; use T1560 (Archive Collected Data) instead']);
  });

  it('does not throw on values that are not scenarios', () => {
    for (const v of [null, undefined, 42, 'text', [], [1, 2], { ramparts: 1 }]) {
      const r = validateScenarioObject(v);
      expect(r.ok).toBe(false);
    }
  });

  it('refuses values that contain themselves or nest too deeply, instead of overflowing the stack', () => {
    const scenario = valid(validateScenarioText(minimalText, 'm.yaml')).scenario;
    const loop = structuredClone(scenario) as unknown as { injects: { when: { all: unknown[] } }[] };
    const condition = { all: [] as unknown[] };
    condition.all.push(condition);
    loop.injects[0]!.when = condition;
    const looped = validateScenarioObject(loop);
    expect(looped.ok ? [] : looped.errors).toEqual([{ file: '<scenario>', line: 0, col: 0, path: 'injects[0].when.all[0]', message: 'the value contains itself', severity: 'error' }]);
    let deep: unknown = { stepSucceeded: 'phish' };
    for (let i = 0; i < 10_000; i++) deep = { all: [deep] };
    loop.injects[0]!.when = deep as { all: unknown[] };
    const r = validateScenarioObject(loop);
    expect(r.ok ? '' : r.errors[0]?.message).toBe('nested more than 64 levels deep');
  });

  it('handles a chain of 20,000 steps, each requiring and following the one before', () => {
    const scenario = structuredClone(valid(validateScenarioText(minimalText, 'm.yaml')).scenario);
    const steps = scenario.campaigns[0]!.steps;
    for (let i = 1; i < 20_000; i++) {
      const prev = steps[steps.length - 1]!.id;
      steps.push({ id: `hop-${i}`, name: `Hop ${i}`, technique: 'T1021.001', target: { sameAs: prev }, requires: [prev], success: { base: 0.9 }, effects: ['compromise'] });
    }
    const r = validateScenarioObject(scenario);
    expect(r.ok ? r.warnings : r.errors).toEqual([]);
    // Close the chain into a loop: reported once, with its length.
    steps[0]!.requires = ['hop-19999'];
    const looped = validateScenarioObject(scenario);
    expect(looped.ok ? [] : looped.errors.map((d) => d.message)).toEqual([
      'precondition loop: phish -> hop-19999 -> hop-19998 -> hop-19997 -> hop-19996 -> ... (19993 more) ... -> hop-2 -> hop-1 -> encrypt -> zerologon -> phish' +
        '; these steps wait for each other and never run',
    ]);
  });

  it('round-trips through YAML text', () => {
    const scenario = valid(validateScenarioText(minimalText, 'm.yaml')).scenario;
    expect(valid(validateScenarioText(stringify(scenario), 'again.yaml')).scenario).toEqual(scenario);
  });
});

describe('diagnostic format', () => {
  it('writes paths with dots and bracketed indexes, quoting odd keys', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['network', 'nodes', 3, 'segment'])).toBe('network.nodes[3].segment');
    expect(formatPath(['teams', 0, 'name', 'fr CA'])).toBe('teams[0].name["fr CA"]');
    expect(formatPath(['$schema'])).toBe('$schema');
  });

  it('prints FILE:LINE:COL: path: message, warnings marked after the location', () => {
    const d = { file: 'a.yaml', line: 3, col: 7, path: 'meta.id', message: 'bad', severity: 'error' as const };
    expect(formatDiagnostic(d)).toBe('a.yaml:3:7: meta.id: bad');
    expect(formatDiagnostic({ ...d, severity: 'warning' })).toBe('a.yaml:3:7: warning: meta.id: bad');
    expect(formatDiagnostic({ ...d, line: 0, col: 0 })).toBe('a.yaml: meta.id: bad');
  });
});
