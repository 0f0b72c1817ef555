/**
 * The edits of `ramparts whatif` from its options and files, every problem located where the person
 * wrote it: `--drop 12` on the command line, an entry of the --edits file (FILE:LINE:COL: path), a
 * rule of the --policy file. The engine checks the edits (readEdits, readPolicy, then checkEdits while
 * branching); this module maps each issue back to its source.
 */
import { type BranchEdit, type Diagnostic, type EditIssue, formatPath, parseScenarioText, type PathSegment, readEdits, readPolicy, type SourceMap } from '../../engine/index.ts';
import { readInputFile } from '../load-scenario.ts';

const MAX_EDITS_BYTES = 16 * 1024 * 1024;

/** Where each edit came from, to locate the engine's issues about it. */
type Origin = { kind: 'drop'; text: string } | { kind: 'file'; file: string; map: SourceMap; base: PathSegment[]; index: number } | { kind: 'policy'; file: string; map: SourceMap };

export interface LoadedEdits {
  edits: BranchEdit[];
  origins: Origin[];
}
export type EditsResult = { ok: true; loaded: LoadedEdits } | { ok: false; errors: Diagnostic[] };

const diag = (file: string, line: number, col: number, path: readonly PathSegment[], message: string): Diagnostic => ({
  file,
  line,
  col,
  path: formatPath(path),
  message,
  severity: 'error',
});
/** A problem of a command-line option: no line, no path. */
const option = (name: string, message: string): Diagnostic => ({ file: name, message, severity: 'error' });

/** Reads a YAML or JSON file to a value with its source map, or its located problems. */
async function readDocument(file: string): Promise<{ ok: true; value: unknown; map: SourceMap } | { ok: false; errors: Diagnostic[] }> {
  const read = await readInputFile(file, MAX_EDITS_BYTES);
  if (!read.ok) return { ok: false, errors: [diag(file, 1, 1, [], read.message)] };
  const parsed = parseScenarioText(read.bytes, file);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, value: parsed.value, map: parsed.sourceMap() };
}

const locate = (file: string, map: SourceMap, path: PathSegment[], message: string): Diagnostic => {
  const { line, col } = map.locate(path);
  return diag(file, line, col, path, message);
};

/** The edits of --drop values, an --edits file and a --policy file, in that order. */
export async function loadEdits(drops: readonly string[], editsFile: string | undefined, policyFile: string | undefined): Promise<EditsResult> {
  const edits: BranchEdit[] = [];
  const origins: Origin[] = [];
  const errors: Diagnostic[] = [];
  for (const text of drops
    .flatMap((d) => d.split(','))
    .map((d) => d.trim())
    .filter((d) => d !== '')) {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 1) errors.push(option('--drop', `"${text}" is not a record number (record N is line N + 1 of the log)`));
    else {
      edits.push({ op: 'drop', record: n });
      origins.push({ kind: 'drop', text });
    }
  }
  if (editsFile !== undefined) {
    const doc = await readDocument(editsFile);
    if (!doc.ok) errors.push(...doc.errors);
    else {
      const r = readEdits(doc.value);
      if (!r.ok) for (const x of r.issues) errors.push(locate(editsFile, doc.map, x.path, x.message));
      else
        r.edits.forEach((e, index) => {
          edits.push(e);
          origins.push({ kind: 'file', file: editsFile, map: doc.map, base: r.base, index });
        });
    }
  }
  if (policyFile !== undefined) {
    const doc = await readDocument(policyFile);
    if (!doc.ok) errors.push(...doc.errors);
    else {
      const issues: EditIssue[] = [];
      const policy = readPolicy(doc.value, [], issues);
      for (const x of issues) errors.push(locate(policyFile, doc.map, x.path, x.message));
      if (policy) {
        edits.push({ op: 'policy', policy });
        origins.push({ kind: 'policy', file: policyFile, map: doc.map });
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, loaded: { edits, origins } };
}

/** The engine's issues about the edits (paths start with the edit's index), located at their sources. */
export function locateIssues(loaded: LoadedEdits, issues: readonly EditIssue[]): Diagnostic[] {
  return issues.map((x) => {
    const [index, ...rest] = x.path;
    const origin = typeof index === 'number' ? loaded.origins[index] : undefined;
    if (!origin) return option('--at', x.message);
    if (origin.kind === 'drop') return option('--drop', `${origin.text}: ${x.message}`);
    if (origin.kind === 'file') {
      // The engine names the command `cmd` and its sender `actor`, as the file does; drop/move/to/at too.
      return locate(origin.file, origin.map, [...origin.base, origin.index, ...rest], x.message);
    }
    return locate(origin.file, origin.map, rest[0] === 'policy' ? rest.slice(1) : rest, x.message);
  });
}
