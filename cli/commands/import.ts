/**
 * `ramparts import FILE --from msel-csv|caldera|attack-flow [--into SCENARIO] [-o OUT]`: builds scenario
 * parts from other tools' files and, with --into, places them into a scenario and validates the result.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { spliceList } from '../yaml-splice.ts';
import type { CliCommand } from '../io.ts';
import { packagePath } from '../package-root.ts';
import { type CampaignT, type InjectT, parseScenarioText, type TextDiagnostic, validateScenarioObject } from '../../engine/index.ts';
import { type Diagnostic, formatDiagnostic, importAttackFlow, importCaldera, importMsel, type ImportResult, mselContext, placeCampaign, placeInjects, type TextFile } from '../../interchange/index.ts';
import { HELP, type ImportArgs, parseArgs } from './import-args.ts';

/** What went wrong reading an input file, as a one-line message. */
async function readText(path: string): Promise<{ ok: true; text: string; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    const bytes = await readFile(path);
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read: ${(error as Error).message}` };
  }
}

/** Every .yml/.yaml file under a folder (CALDERA keeps abilities in one folder per tactic), sorted. */
async function abilityFiles(dir: string): Promise<TextFile[] | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const names = (await readdir(dir, { recursive: true })).filter((n) => /\.ya?ml$/i.test(n)).sort();
  const out: TextFile[] = [];
  for (const name of names) {
    const read = await readText(join(dir, name));
    if (read.ok) out.push({ file: join(dir, name), text: read.text });
  }
  return out;
}

const SCHEMA = packagePath('schema', 'scenario.schema.json');

/** The editor-completion line, pointing at the schema from where the output file will be. */
function schemaLine(out: string | undefined): string {
  const from = out ? dirname(resolve(out)) : process.cwd();
  return `yaml-language-server: $schema=${relative(from, SCHEMA).split('\\').join('/')}`;
}

interface Outcome {
  ok: boolean;
  diagnostics: Diagnostic[];
  validation?: { errors: TextDiagnostic[]; warnings: TextDiagnostic[] };
  result?: unknown;
  yaml?: string;
}

async function runImport(a: ImportArgs): Promise<Outcome | { failed: string }> {
  const input = await readText(a.file);
  if (!input.ok) return { failed: `${a.file}: ${input.message}` };
  let base: { text: string; value: unknown; format: string } | undefined;
  if (a.into !== undefined) {
    const read = await readText(a.into);
    if (!read.ok) return { failed: `${a.into}: ${read.message}` };
    const parsed = parseScenarioText(read.text, a.into);
    if (!parsed.ok) return { ok: false, diagnostics: [], validation: { errors: parsed.errors, warnings: parsed.warnings } };
    base = { text: read.text, value: parsed.value, format: parsed.format };
  }
  let imported: ImportResult<CampaignT> | ImportResult<InjectT[]>;
  let rows: number[] | undefined;
  if (a.from === 'msel-csv') {
    const r = importMsel(input.bytes, {
      ...(base ? { context: mselContext(base.value) } : {}),
      ...(a.deadline ? { defaultDeadline: a.deadline } : {}),
      ...(a.dateOrder ? { dateOrder: a.dateOrder } : {}),
      ...(a.sheet !== undefined ? { sheet: a.sheet } : {}),
    });
    imported = r;
    rows = r.rows;
  } else if (a.from === 'attack-flow') {
    imported = importAttackFlow(input.text, { file: a.file, ...(a.campaignId ? { campaignId: a.campaignId } : {}) });
  } else {
    const dir = a.abilities ?? join(dirname(a.file), 'abilities');
    const abilities = await abilityFiles(dir);
    if (!abilities) return { failed: `${a.file}: no abilities folder at ${dir}; pass --abilities DIR` };
    imported = importCaldera({ file: a.file, text: input.text }, abilities, a.campaignId ? { campaignId: a.campaignId } : {});
  }
  if (!imported.ok) return { ok: false, diagnostics: imported.diagnostics };
  const diagnostics = [...imported.diagnostics];
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (a.strict && warnings > 0) return { ok: false, diagnostics: [...diagnostics, { severity: 'error', message: `--strict: ${warnings} warning(s); nothing imported` }] };
  const part = Array.isArray(imported.value) ? { injects: imported.value } : { campaigns: [imported.value] };
  if (!base) return { ok: true, diagnostics, result: part, yaml: stringify(part, { lineWidth: 0 }) };

  const placed = Array.isArray(imported.value)
    ? placeInjects(base.value, imported.value)
    : placeCampaign(base.value, imported.value, { ...(a.campaignId ? { campaignId: a.campaignId } : {}), ...(a.team ? { team: a.team } : {}) });
  diagnostics.push(...placed.diagnostics.map((d) => ({ ...d, file: d.file ?? a.into! })));
  if (!placed.ok) return { ok: false, diagnostics };
  const key = Array.isArray(imported.value) ? 'injects' : 'campaigns';
  const checked = validateScenarioObject(placed.value, a.into);
  // Nothing is written when the result is invalid: each error points at the imported row it comes
  // from (MSEL), else at the base scenario, never at an output file that does not exist.
  const located = (list: TextDiagnostic[]) => list.map((d) => locate(d, key, placed.value, imported.value, rows, a));
  const validation = { errors: checked.ok ? [] : located(checked.errors), warnings: located(checked.warnings) };
  if (!checked.ok) return { ok: false, diagnostics, validation };
  const items = placed.value[key] as { id?: unknown }[];
  return { ok: true, diagnostics, validation, result: placed.value, yaml: writeScenario(base, key, items, a.out) };
}

/** The complete scenario text: the base file with the imported items spliced in (its layout kept). */
function writeScenario(base: { text: string; value: unknown; format: string }, key: string, items: { id?: unknown }[], out: string | undefined): string {
  const spliced = base.format === 'yaml' ? spliceList(base.text, key, items, isDeepStrictEqual) : undefined;
  let body: string;
  if (spliced !== undefined) body = spliced;
  else {
    const doc = base.format === 'yaml' ? parseDocument(base.text) : parseDocument(stringify(base.value));
    doc.set(key, doc.createNode(items));
    body = doc.toString({ lineWidth: 0 });
  }
  return `# ${schemaLine(out)}\n${body.replace(/^# yaml-language-server:.*\n/, '')}`;
}

/** A validation finding about an imported inject, moved to the MSEL row it was read from. */
function locate(d: TextDiagnostic, key: string, placed: Record<string, unknown>, imported: CampaignT | InjectT[], rows: number[] | undefined, a: ImportArgs): TextDiagnostic {
  const m = /^injects\[(\d+)\]/.exec(d.path);
  if (key === 'injects' && m && rows && Array.isArray(imported)) {
    const item = (placed.injects as InjectT[])[Number(m[1])];
    const k = item ? imported.findIndex((i) => i.id === item.id) : -1;
    if (k >= 0 && rows[k] !== undefined) return { ...d, file: a.file, line: rows[k]!, col: 1, path: d.path.replace(/^injects\[\d+\]/, `inject ${item!.id}`) };
  }
  return { ...d, file: a.into ?? d.file };
}

export const command: CliCommand = {
  summary: 'build scenario parts from MSEL CSV, CALDERA or Attack Flow files',
  help: HELP,
  async run(args, io) {
    const a = parseArgs(args);
    const outcome = await runImport(a);
    if ('failed' in outcome) {
      if (a.json) io.out(JSON.stringify({ ok: false, diagnostics: [{ severity: 'error', message: outcome.failed }] }));
      else io.err(outcome.failed);
      return 1;
    }
    if (a.json) {
      io.out(
        JSON.stringify({
          ok: outcome.ok,
          from: a.from,
          file: a.file,
          diagnostics: outcome.diagnostics,
          ...(outcome.validation ? { validation: outcome.validation } : {}),
          ...(outcome.ok ? { result: outcome.result } : {}),
        }),
      );
    } else {
      for (const d of outcome.diagnostics) io.err(formatDiagnostic(a.file, d));
      for (const d of [...(outcome.validation?.errors ?? []), ...(outcome.validation?.warnings ?? [])]) io.err(formatDiagnostic(d));
    }
    if (!outcome.ok || outcome.yaml === undefined) return 1;
    if (a.out !== undefined) {
      try {
        await writeFile(a.out, outcome.yaml);
      } catch (error) {
        io.err(`${a.out}: cannot write: ${(error as Error).message}`);
        return 1;
      }
      if (!a.json) io.err(`wrote ${a.out}`);
    } else if (!a.json) io.out(outcome.yaml);
    return 0;
  },
};
