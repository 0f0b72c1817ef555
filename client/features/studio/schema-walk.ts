/**
 * A small walker over the scenario's JSON Schema (schema/scenario.schema.json, draft-07 as
 * generated from the engine's zod schema): the schemas that may describe the value at a path, the
 * keys a mapping there may have, the values a scalar there may take, and a one-line summary for
 * hover documentation. Pure; no DOM, no editor.
 */

/** The subset of JSON Schema the generated file uses. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
}

/** A step of a path: a mapping key, or an array item (any index: the schema does not tell items apart). */
export type SchemaPathSegment = string | number;

const own = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** Follows `$ref` and spreads `anyOf`/`oneOf`/`allOf` into the plain alternatives. */
export function expand(root: JsonSchema, s: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > 20) return [];
  if (s.$ref) {
    const name = s.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions && own(root.definitions, name) ? root.definitions[name] : undefined;
    return target ? expand(root, withDescription(target, s.description), depth + 1) : [];
  }
  const parts = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (parts.length === 0) return [s];
  const out: JsonSchema[] = [];
  // The combination's own fields (type, properties) still count beside its parts.
  const { anyOf: _a, oneOf: _o, allOf: _l, ...rest } = s;
  if (rest.type || rest.properties || rest.enum || rest.const !== undefined) out.push(rest);
  for (const p of parts) out.push(...expand(root, withDescription(p, s.description), depth + 1));
  return out;
}

function withDescription(s: JsonSchema, description: string | undefined): JsonSchema {
  return description && !s.description ? { ...s, description } : s;
}

/** The alternatives that may describe the value at `path` (empty when the path leaves the schema). */
export function schemasAt(root: JsonSchema, path: readonly SchemaPathSegment[]): JsonSchema[] {
  let current = expand(root, root);
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      if (typeof seg === 'number') {
        if (s.items) next.push(...expand(root, s.items));
      } else if (s.properties && own(s.properties, seg)) {
        next.push(...expand(root, s.properties[seg] as JsonSchema));
      } else if (typeof s.additionalProperties === 'object') {
        next.push(...expand(root, s.additionalProperties));
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

export interface KeyOption {
  key: string;
  required: boolean;
  description?: string;
  kind: 'object' | 'array' | 'scalar';
}

/** The keys a mapping at `path` may have, in the schema's order, without those in `present`. */
export function keysAt(root: JsonSchema, path: readonly SchemaPathSegment[], present: ReadonlySet<string> = new Set()): KeyOption[] {
  const seen = new Map<string, KeyOption>();
  for (const s of schemasAt(root, path)) {
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      if (present.has(key) || seen.has(key)) continue;
      const alts = expand(root, sub);
      const description = sub.description ?? alts.find((a) => a.description)?.description;
      seen.set(key, { key, required: (s.required ?? []).includes(key), kind: kindOf(alts), ...(description ? { description } : {}) });
    }
  }
  return [...seen.values()];
}

function kindOf(alts: readonly JsonSchema[]): KeyOption['kind'] {
  if (alts.some((a) => a.type === 'array')) return 'array';
  if (alts.length > 0 && alts.every((a) => a.type === 'object')) return 'object';
  return 'scalar';
}

/** The scalar values the schema names at `path`: enum members, constants, booleans. */
export function valuesAt(root: JsonSchema, path: readonly SchemaPathSegment[]): string[] {
  const out = new Set<string>();
  for (const s of schemasAt(root, path)) {
    for (const v of s.enum ?? []) out.add(String(v));
    if (s.const !== undefined) out.add(String(s.const));
    if (s.type === 'boolean') {
      out.add('true');
      out.add('false');
    }
  }
  return [...out];
}

/** What hover documentation says about the value at `path`: its description, type and allowed values. */
export function describeAt(root: JsonSchema, path: readonly SchemaPathSegment[]): string | null {
  const alts = schemasAt(root, path);
  if (alts.length === 0) return null;
  const lines: string[] = [];
  const description = alts.find((a) => a.description)?.description;
  if (description) lines.push(description);
  const types = [...new Set(alts.map(typeName))];
  lines.push(types.join(' | '));
  const values = valuesAt(root, path);
  if (values.length > 0 && values.length <= 30) lines.push(`one of: ${values.join(', ')}`);
  const range = alts.find((a) => a.minimum !== undefined || a.maximum !== undefined);
  if (range) lines.push(`from ${range.minimum ?? '…'} to ${range.maximum ?? '…'}`);
  return lines.join('\n');
}

function typeName(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === 'array') return `list of ${s.items ? (typeof s.items.type === 'string' ? s.items.type : 'items') : 'items'}`;
  if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object') return 'map';
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return s.type ?? 'value';
}
