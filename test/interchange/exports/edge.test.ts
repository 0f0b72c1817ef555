/**
 * Exports of exercises other than the flagship run: a log that never started (nothing to judge: no
 * vacuous findings, empty but valid outputs) and the tabletop scenario run headless to its end with no
 * blue play (every output builds, STIX objects still validate).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Command, compileScenario, createExercise, logHeader, type RampartsLog, type ScenarioT, step, validateScenarioText } from '../../../engine/index.ts';
import { AAR_SECTIONS, aarFromLog, aarHtml, aarMarkdown, buildPackage, navigatorLayer, openPackage, stixBundle } from '../../../interchange/index.ts';
import { repoRoot } from '../helpers.ts';
import { stixValidator } from './shared.ts';

function scenario(file: string): ScenarioT {
  const v = validateScenarioText(readFileSync(join(repoRoot, file)), file);
  if (!v.ok) throw new Error(`${file} is invalid`);
  return v.scenario;
}

describe('exports of other exercises', () => {
  it('a log that never started gives empty but valid outputs and no vacuous findings', () => {
    const s = scenario('scenarios/gulf-shield.yaml');
    const a = aarFromLog({ header: logHeader(s, 5, 'headless'), records: [] });
    if (!a.ok) throw new Error(a.message);
    expect(a.results.strengths).toEqual([]);
    expect(a.results.improvements).toEqual([]);
    expect(a.results.redSteps.every((x) => x.teams.length === 0)).toBe(true);
    const md = aarMarkdown(a.results);
    for (const h of AAR_SECTIONS) expect(md).toContain(`## ${h}`);
    expect(aarHtml(a.results, { d3: '' })).toContain('<svg id="chart-heatmap-svg"');
    const nav = navigatorLayer(a.results);
    expect(nav.ok && nav.layer.techniques).toEqual([]);
    const stix = stixBundle(a.exercise);
    expect(stix.ok && stix.bundle.objects.filter((o) => o.type === 'report')).toEqual([]);
    const pkg = buildPackage(a.exercise);
    expect(pkg.ok && openPackage(pkg.text).ok).toBe(true);
  });

  it('the tabletop scenario run headless without blue play exports everything, STIX still valid', () => {
    const s = scenario('scenarios/ransomware-tabletop.yaml');
    const c = compileScenario(s);
    const state = createExercise(c, { seed: 11, mode: 'headless' });
    const log: RampartsLog = { header: logHeader(s, 11, 'headless'), records: [] };
    const apply = (command: Command): void => {
      const t = state.clock;
      const r = step(state, command);
      if (!r.ok) throw new Error(r.message);
      log.records.push({ t, command });
    };
    apply({ type: 'start', actor: { role: 'white' } });
    apply({ type: 'advance', to: c.meta.duration, actor: { role: 'system' } });
    const a = aarFromLog(log);
    if (!a.ok) throw new Error(a.message);
    expect(a.results.overview.exercise.ended).toBe(true);
    // Nobody played blue: every team missed its deadlines, nothing was shared.
    for (const t of a.results.teams) if (t.injects.expectationsMissed > 0) expect(a.results.improvements.some((f) => f.team === t.id && f.rule === 'deadlines')).toBe(true);
    expect(a.results.intel).toEqual([]);
    const nav = navigatorLayer(a.results);
    if (!nav.ok) throw new Error(nav.message);
    expect(nav.layer.techniques.length).toBeGreaterThan(0);
    const stix = stixBundle(a.exercise);
    if (!stix.ok) throw new Error(stix.message);
    const { ajv, schemaFor } = stixValidator();
    for (const o of stix.bundle.objects) expect(ajv.getSchema(schemaFor(o.type))!(o), o.id).toBe(true);
  });
});
