/**
 * The product's import graph, read from the source text the way the bundler and Node resolve it:
 * every `import ... from`, `export ... from`, side-effect `import '...'` and `import('...')` with a
 * literal specifier. Relative specifiers resolve to files of the checkout; the rest are packages
 * (`zod`, `node:fs`). Comments are dropped first so that documentation may show an import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The folders of product code: what ships (tests, benchmarks and scripts are not product). */
export const PRODUCT = ['engine', 'interchange', 'protocol', 'server', 'client', 'cli', 'native', 'bin'] as const;

export interface Import {
  /** The specifier as written. */
  spec: string;
  /** The file it names, relative to the checkout (`engine/index.ts`), or undefined for a package. */
  file: string | undefined;
  /** `import type` / `export type`: erased when compiled, so it loads nothing. */
  typeOnly: boolean;
  /** `import('...')`: loaded when the code asks, not with the module. */
  dynamic: boolean;
  line: number;
}

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

/** Every source file under `dir` (relative to the checkout), skipping node_modules. */
export function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    if (name === 'node_modules') return [];
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) return sourceFiles(p);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The text with comments blanked (newlines kept, so line numbers hold); strings are left alone. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && next === '/' && !/[:\w'"`]$/.test(out.slice(-1))) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      // Copy a string whole so that "//" or "/*" inside it is not taken for a comment.
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"\n]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const abs = resolve(ROOT, dirname(from), spec);
  const candidates = [abs, `${abs}.ts`, `${abs}.tsx`, join(abs, 'index.ts')];
  const found = candidates.find((p) => existsSync(p) && statSync(p).isFile());
  return relative(ROOT, found ?? abs);
}

/** The imports of one file (a path relative to the checkout). */
export function importsOf(file: string): Import[] {
  const text = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const out: Import[] = [];
  for (const m of text.matchAll(STATIC)) {
    const spec = m[3] as string;
    out.push({ spec, file: resolveSpec(file, spec), typeOnly: Boolean(m[2]), dynamic: false, line: lineAt(m.index) });
  }
  for (const m of text.matchAll(DYNAMIC)) {
    const spec = m[1] as string;
    out.push({ spec, file: resolveSpec(file, spec), typeOnly: false, dynamic: true, line: lineAt(m.index) });
  }
  return out;
}

/** The graph of every file under `dirs`: file -> its imports. */
export function importGraph(dirs: readonly string[]): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  for (const dir of dirs) for (const f of sourceFiles(dir)) graph.set(f, importsOf(f));
  return graph;
}

/**
 * The files and packages `start` loads with it: static imports followed to the end, type-only ones
 * and `import()` left out (they load nothing, or load later). Packages appear as their specifier.
 */
export function loadedWith(start: string, graph: Map<string, Import[]> = new Map()): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    if (!SOURCE.test(f)) continue;
    let imports = graph.get(f);
    if (!imports) {
      imports = importsOf(f);
      graph.set(f, imports);
    }
    for (const i of imports) {
      if (i.typeOnly || i.dynamic) continue;
      if (i.file === undefined) seen.add(i.spec);
      else todo.push(i.file);
    }
  }
  return seen;
}

/** Every cycle of the graph's edges between its own files, each as the files in order (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, Import[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const edges = (f: string): string[] => (graph.get(f) ?? []).flatMap((i) => (i.file !== undefined && graph.has(i.file) ? [i.file] : []));
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges(v).includes(v)) found.push(component.reverse());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}
