/**
 * Completion and hover documentation for scenario YAML, from the scenario's JSON Schema and the ids
 * the document already declares (a step's `requires` offers the campaign's step ids, a node's
 * `segment` the segments...). Pure: text and offset in, options out; Editor.tsx hands them to
 * CodeMirror.
 */
import { describeAt, type JsonSchema, keysAt, valuesAt } from './schema-walk.ts';
import { contextAt, pathUnder } from './yaml-context.ts';

export interface CompletionOption {
  label: string;
  /** Text inserted in place of the typed word. */
  apply: string;
  type: 'property' | 'enum' | 'variable';
  detail?: string;
  info?: string;
  /** Required keys first. */
  boost?: number;
}

export interface Completion {
  from: number;
  options: CompletionOption[];
}

/** Ids declared in the document, by kind (see `REFERENCES`). */
export type DeclaredIds = ReadonlyMap<string, readonly string[]>;

/** Keys whose value (or list items) name something declared elsewhere in the scenario. */
const REFERENCES: ReadonlyMap<string, string> = new Map([
  ['segment', 'segment'],
  ['owner', 'team'],
  ['team', 'team'],
  ['to', 'team'],
  ['sharedWith', 'team'],
  ['requires', 'step'],
  ['requiresAny', 'step'],
  ['stepSucceeded', 'step'],
  ['stepDetected', 'step'],
  ['inject', 'inject'],
  ['node', 'node'],
  ['capability', 'capability'],
  ['objective', 'objective'],
  ['move', 'move'],
]);

function referenced(path: readonly (string | number)[], ids: DeclaredIds): string[] {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  const kind = last !== undefined ? REFERENCES.get(last) : undefined;
  return kind ? [...(ids.get(kind) ?? [])] : [];
}

/** What may be typed at `offset`: keys of the mapping, values of the key, or items of the list. */
export function completeAt(schema: JsonSchema, text: string, offset: number, ids: DeclaredIds = new Map()): Completion | null {
  const ctx = contextAt(text, offset);
  if (!ctx) return null;
  const options: CompletionOption[] = [];
  if (ctx.kind === 'key') {
    const indent = ' '.repeat(ctx.from - (text.lastIndexOf('\n', ctx.from - 1) + 1));
    for (const k of keysAt(schema, ctx.path, ctx.siblings)) {
      const apply = k.kind === 'scalar' ? `${k.key}: ` : k.kind === 'array' ? `${k.key}:\n${indent}  - ` : `${k.key}:\n${indent}  `;
      options.push({
        label: k.key,
        apply,
        type: 'property',
        detail: k.required ? `${k.kind}, required` : k.kind,
        ...(k.description ? { info: k.description } : {}),
        boost: k.required ? 1 : 0,
      });
    }
    if (ctx.itemPath) {
      for (const v of [...valuesAt(schema, ctx.itemPath), ...referenced(ctx.itemPath, ids)]) options.push({ label: v, apply: v, type: 'enum' });
    }
  } else {
    for (const v of valuesAt(schema, ctx.path)) options.push({ label: v, apply: v, type: 'enum' });
    for (const v of referenced(ctx.path, ids)) options.push({ label: v, apply: v, type: 'variable' });
  }
  const typed = ctx.word.toLowerCase();
  const kept = options.filter((o) => o.label.toLowerCase().startsWith(typed) || typed === '');
  return kept.length > 0 ? { from: ctx.from, options: dedupe(kept) } : null;
}

function dedupe(options: CompletionOption[]): CompletionOption[] {
  const byLabel = new Map<string, CompletionOption>();
  for (const o of options) if (!byLabel.has(o.label)) byLabel.set(o.label, o);
  return [...byLabel.values()];
}

/** Hover documentation for the key under `offset`: its path and what the schema says of it. */
export function hoverAt(schema: JsonSchema, text: string, offset: number): { from: number; to: number; path: string; text: string } | null {
  const under = pathUnder(text, offset);
  if (!under || offset < under.from || offset > under.to) return null;
  const doc = describeAt(schema, under.path);
  if (!doc) return null;
  const path = under.path
    .map((p) => (typeof p === 'number' ? '[]' : p))
    .join('.')
    .replace(/\.\[\]/g, '[]');
  return { from: under.from, to: under.to, path, text: doc };
}
