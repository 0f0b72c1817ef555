/**
 * Every bundled scenario validates, and points editors at the committed JSON Schema.
 * Passes while scenarios/ is empty or still being filled.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validateScenarioText } from '../../../engine/index.ts';

const DIR = new URL('../../../scenarios/', import.meta.url);
const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()
  : [];
const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/scenario.schema.json';

describe('bundled scenarios', () => {
  it('scenarios/ holds only scenario files (YAML or JSON)', () => {
    const others = existsSync(DIR) ? readdirSync(DIR).filter((f) => !/\.(ya?ml|json)$/.test(f) && !f.startsWith('.')) : [];
    expect(others, '`ramparts validate scenarios/*` would try to read these').toEqual([]);
  });

  it.each(files)('%s is a valid scenario with no warnings', (f) => {
    const r = validateScenarioText(readFileSync(new URL(f, DIR)), `scenarios/${f}`);
    const shown = [...(r.ok ? [] : r.errors), ...r.warnings].map(formatDiagnostic).join('\n');
    expect(r.ok, shown).toBe(true);
    expect(r.warnings.map(formatDiagnostic)).toEqual([]);
  });

  it.each(files.filter((f) => /\.ya?ml$/.test(f)))('%s points editors at the JSON Schema', (f) => {
    const first = readFileSync(new URL(f, DIR), 'utf8').split('\n', 1)[0];
    expect(first).toBe(SCHEMA_LINE);
  });
});
