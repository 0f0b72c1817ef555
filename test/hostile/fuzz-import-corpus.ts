/**
 * The import fuzz's corpus and its mutators per format (fuzz-import.test.ts runs them). The corpus is
 * real files from test/fixtures/refdata: MSEL sheets on the three Crucible Blueprint templates (cells
 * filled by what each column's name says) and Ramparts' own MSEL export of the base scenario, the
 * CALDERA Ransack adversary with its abilities, and three Attack Flow 2.0 STIX bundles. The mutators
 * damage them at byte, line and structure level: CSV headers retagged, columns deleted or duplicated,
 * hostile cells, other delimiters; YAML files re-emitted after a structure edit; STIX objects edited
 * and their references pointed at the wrong object.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { exportMselCsv, mselContext, type TextFile } from '../../interchange/index.ts';
import type { InjectT } from '../../engine/index.ts';
import { chance, int, mutateBytes, mutateLines, mutateValue, pick, yamlText, type Rng } from './fuzz-mutate.ts';
import { ROOT } from './fuzz-scenarios.ts';

const SAMPLES = join(ROOT, 'test/fixtures/refdata/samples');
export const base = parseYaml(readFileSync(join(ROOT, 'test/fixtures/interchange/base.yaml'), 'utf8')) as Record<string, unknown>;
export const context = mselContext(base);
const decoder = new TextDecoder('utf-8');

// ---------------------------------------------------------------------------------------------------
// Corpus

/** Column names of each Crucible Blueprint MSEL template, in display order (repeats removed). */
function crucibleTemplates(): Map<string, string[]> {
  const seed = JSON.parse(readFileSync(join(SAMPLES, 'crucible-blueprint-msel-templates/seed-data.json'), 'utf8')) as {
    Msels: { Id: string; Name: string }[];
    DataFields: { MselId: string; Name: string; DisplayOrder: number }[];
  };
  const out = new Map<string, string[]>();
  for (const msel of seed.Msels) {
    const fields = seed.DataFields.filter((f) => f.MselId === msel.Id).sort((a, b) => a.DisplayOrder - b.DisplayOrder);
    out.set(msel.Name, [...new Set(fields.map((f) => f.Name))]);
  }
  return out;
}

/** A plausible cell for a column of any template, by what its name says. */
function cellFor(column: string, row: number): string {
  const c = column.toLowerCase();
  if (/number|control|^id$|^#$/.test(c)) return `E-${row + 1}`;
  if (/delivery time|local time/.test(c)) return `2025-03-01T${String(9 + row).padStart(2, '0')}:30:00+03:00`;
  if (/scenario time|simulated/.test(c)) return ['T+00:45', '01:30', '2h'][row % 3] as string;
  if (/time/.test(c)) return `${row + 1}h`;
  if (/move/.test(c)) return String(1 + (row % 2));
  if (/event type/.test(c)) return ['Inject', 'Contingency Inject', 'Expected Action'][row % 3] as string;
  if (/mode|method/.test(c)) return ['E-mail', 'Phone call', 'Press'][row % 3] as string;
  if (/^to|target|to org/.test(c)) return ['kw', 'Oman CERT', 'all blue teams'][row % 3] as string;
  if (/from/.test(c)) return ['Ministry of Interior', 'Help desk', 'Gulf Daily'][row % 3] as string;
  if (/expected/.test(c)) return ['Send a situation report within 30 minutes', 'Isolate the workstation and report within 1 hour', 'Acknowledge'][row % 3] as string;
  if (/objective/.test(c)) return ['Operational Coordination', 'obj-1', 'Cybersecurity'][row % 3] as string;
  if (/title/.test(c)) return `Inject ${row + 1}`;
  if (/message|description|details/.test(c))
    return ['A ransom note appears on a finance workstation.', 'Journalists ask about the outage, "now".', 'Oman shares the hash, of the wiper.'][row % 3] as string;
  return '';
}

function mselCorpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const [name, columns] of crucibleTemplates()) {
    const rows = [0, 1, 2].map((r) => columns.map((c) => cellFor(c, r)));
    out.push({ name: `crucible-${name}.csv`, text: stringifyCsv([columns, ...rows]) });
  }
  out.push({ name: 'ramparts-export.csv', text: exportMselCsv(base as { injects: InjectT[] }) });
  return out;
}

export const MSELS = mselCorpus();
const CALDERA_DIR = join(SAMPLES, 'caldera-stockpile-ransack');
export const ADVERSARY: TextFile = (() => {
  const f = readdirSync(CALDERA_DIR).find((x) => x.startsWith('adversary-')) as string;
  return { file: f, text: readFileSync(join(CALDERA_DIR, f), 'utf8') };
})();
export const ABILITIES: TextFile[] = readdirSync(join(CALDERA_DIR, 'abilities'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(CALDERA_DIR, 'abilities', f), 'utf8') }));
export const FLOWS = ['NotPetya.json', 'Shamoon.json', 'CISA-AA22-138B-VMWare-Workspace-TA1.json'].map((name) => {
  const text = readFileSync(join(SAMPLES, 'attack-flow', name), 'utf8');
  return { name, text, value: JSON.parse(text) as unknown };
});

// ---------------------------------------------------------------------------------------------------
// Mutators per format

const HEADER_NAMES = [
  'Event Number',
  '#',
  'Time',
  'Delivery Time',
  'Designated Scenario Time',
  'Event Type',
  'Title',
  'From',
  'To',
  'To Org',
  'Message',
  'Description',
  'Expected Participant Response',
  'Expected Actions',
  'Exercise Objective',
  'TLP',
  'Priority',
  'Move',
  'When',
  'Discussion Questions',
  'Message (ar)',
  'Notes',
  '',
];
const CELL_VALUES = [
  '',
  '0',
  '-5m',
  '99999999d',
  '1e400',
  'T+',
  'T+99:99',
  '2025-02-30 25:61',
  '13/13/2025 9:00 PM',
  'nowhere',
  'kw; kw; kw',
  'all',
  'TLP:PURPLE',
  'flash',
  'stepSucceeded: nowhere',
  '{ all: [ { scoreBelow: -1 } ] }',
  '{ bad',
  'sitrep within 0m: now',
  'Isolate the host\nand report',
  '"',
  '""',
  '\r\n',
  '\u0000',
  '\uD800',
];

export function mutateCsv(r: Rng, text: string): { input: string; how: string } {
  const kind = int(r, 10);
  if (kind < 3) return { input: decoder.decode(mutateBytes(r, Buffer.from(text, 'utf8'))), how: 'bytes' };
  if (kind < 5) return { input: mutateLines(r, text), how: 'lines' };
  const grid = parseCsv(text, { relax_column_count: true, bom: true }) as string[][];
  const edits = 1 + int(r, 4);
  /** Back to a grid of cells after a structure edit left other types in it. */
  const normalise = (v: unknown): unknown[][] => (Array.isArray(v) ? v : [v]).map((x) => (Array.isArray(x) ? x : [x]).map((c) => (typeof c === 'string' ? c : (JSON.stringify(c) ?? ''))));
  let g: unknown[][] = grid;
  for (let e = 0; e < edits; e++) {
    const rows = g;
    const row = int(r, rows.length);
    const width = (rows[0] ?? []).length;
    const col = int(r, Math.max(1, width));
    switch (int(r, 6)) {
      case 0: // retag a header
        if (rows[0]) rows[0][col] = pick(r, HEADER_NAMES);
        break;
      case 1: // delete or duplicate a column
        for (const x of rows) x.splice(col, chance(r, 0.5) ? 1 : 0, ...(chance(r, 0.5) ? [] : [x[col]]));
        break;
      case 2: // a hostile cell
        if (rows[row]) rows[row][col] = pick(r, CELL_VALUES);
        break;
      default:
        g = normalise(mutateValue(r, rows));
    }
  }
  const cells = g.map((x) => x.map((c) => (typeof c === 'string' ? c : (JSON.stringify(c) ?? ''))));
  const delimiter = pick(r, [',', ',', ';', '\t']);
  return { input: stringifyCsv(cells, { delimiter, ...(chance(r, 0.2) ? { quoted: true } : {}) }), how: 'cells' };
}

export function mutateYamlFile(r: Rng, f: TextFile): TextFile {
  const kind = int(r, 10);
  if (kind < 3) return { file: f.file, text: decoder.decode(mutateBytes(r, Buffer.from(f.text, 'utf8'))) };
  if (kind < 6) return { file: f.file, text: mutateLines(r, f.text) };
  let value: unknown;
  try {
    value = parseYaml(f.text);
  } catch {
    return { file: f.file, text: mutateLines(r, f.text) };
  }
  return { file: f.file, text: yamlText(mutateValue(r, value), (v) => stringifyYaml(v, { aliasDuplicateObjects: false, lineWidth: 0 })) };
}

export function mutateFlow(r: Rng, flow: { text: string; value: unknown }): { input: string | unknown; how: string } {
  const kind = int(r, 10);
  if (kind < 3) return { input: decoder.decode(mutateBytes(r, Buffer.from(flow.text, 'utf8'))), how: 'bytes' };
  if (kind < 4) return { input: mutateLines(r, flow.text), how: 'lines' };
  // Structure: mostly inside the objects (ids, refs, types, technique ids), sometimes the bundle itself.
  const value = structuredClone(flow.value) as { objects?: unknown[] };
  let mutated: unknown = value;
  if (Array.isArray(value.objects) && chance(r, 0.8)) {
    const edits = 1 + int(r, 4);
    for (let e = 0; e < edits; e++) {
      const objects = value.objects;
      const i = int(r, objects.length);
      if (chance(r, 0.2)) {
        // Point a reference at another object's id, or at itself.
        const o = objects[i] as Record<string, unknown> | undefined;
        const other = objects[int(r, objects.length)] as { id?: unknown } | undefined;
        if (o && typeof o === 'object') o[pick(r, ['effect_refs', 'on_true_refs', 'on_false_refs', 'asset_refs', 'source_ref', 'target_ref'])] = chance(r, 0.5) ? [other?.id, o.id] : other?.id;
      } else objects[i] = mutateValue(r, objects[i]);
    }
  } else mutated = mutateValue(r, value);
  return chance(r, 0.5) ? { input: mutated, how: 'structure-object' } : { input: JSON.stringify(mutated), how: 'structure-text' };
}
