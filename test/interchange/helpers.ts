/** Shared inputs of the interchange tests: the reference samples (test/fixtures/refdata) and the base scenario. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { stringify } from 'csv-stringify/sync';
import { formatDiagnostic as formatScenarioDiagnostic, validateScenarioObject } from '../../engine/index.ts';
import type { TextFile } from '../../interchange/index.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Reference data copied into the repository (see its README), so any checkout runs the tests. */
export const refdata = resolve(repoRoot, 'test/fixtures/refdata');
export const samples = join(refdata, 'samples');
export const baseFile = join(repoRoot, 'test/fixtures/interchange/base.yaml');

export const ATTACK_FLOW_SAMPLES = ['NotPetya.json', 'Shamoon.json', 'CISA-AA22-138B-VMWare-Workspace-TA1.json', 'NotPetya.afb', 'Shamoon.afb', 'CISA-AA22-138B-VMWare-Workspace-TA1.afb'] as const;

export function attackFlowText(name: string): string {
  return readFileSync(join(samples, 'attack-flow', name), 'utf8');
}

export function loadBase(): Record<string, unknown> {
  return parse(readFileSync(baseFile, 'utf8')) as Record<string, unknown>;
}

export function ransack(): { adversary: TextFile; abilities: TextFile[] } {
  const dir = join(samples, 'caldera-stockpile-ransack');
  const adv = readdirSync(dir).find((f) => f.startsWith('adversary-'))!;
  const abilities = readdirSync(join(dir, 'abilities'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, 'abilities', f), 'utf8') }));
  return { adversary: { file: adv, text: readFileSync(join(dir, adv), 'utf8') }, abilities };
}

/** Validation errors as printable lines (empty when the scenario is valid). */
export function validationErrors(scenario: unknown): string[] {
  const v = validateScenarioObject(scenario, 'placed');
  return v.ok ? [] : v.errors.map(formatScenarioDiagnostic);
}

interface SeedData {
  Msels: { Id: string; Name: string }[];
  DataFields: { MselId: string; Name: string; DisplayOrder: number }[];
}

/** Column names of each Crucible Blueprint MSEL template, in display order, repeats removed. */
export function crucibleTemplates(): Map<string, string[]> {
  const seed = JSON.parse(readFileSync(join(samples, 'crucible-blueprint-msel-templates/seed-data.json'), 'utf8')) as SeedData;
  const out = new Map<string, string[]>();
  for (const msel of seed.Msels) {
    const fields = seed.DataFields.filter((f) => f.MselId === msel.Id).sort((a, b) => a.DisplayOrder - b.DisplayOrder);
    out.set(msel.Name, [...new Set(fields.map((f) => f.Name))]);
  }
  return out;
}

/** CSV text from a header row and rows given as column -> value (missing columns are empty). */
export function csv(columns: readonly string[], rows: readonly Record<string, string>[], delimiter = ','): string {
  return stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))], { delimiter });
}
