/**
 * Looks into the zod definition at a path, for messages that list what is allowed there.
 * Reads zod 4's `_zod.def`, the documented way to introspect a schema.
 */
import type { z } from 'zod';
import type { PathSegment } from '../lib/diagnostic.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
}

function def(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional, nullable, default, lazy and readonly wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const d = def(s);
    if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type)) s = d.innerType;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else return s;
  }
  return s;
}

/** The (unwrapped) schemas that may describe the value at `path`: several when unions are involved. */
export function schemasAt(root: z.ZodType, path: readonly PathSegment[]): z.ZodType[] {
  let current = [unwrap(root)];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    const expand = (s: z.ZodType) => {
      const d = def(s);
      if (d.type === 'union' && d.options) for (const o of d.options) expand(unwrap(o));
      else if (d.type === 'object' && d.shape && typeof seg === 'string' && d.shape[seg]) next.push(unwrap(d.shape[seg]));
      else if (d.type === 'array' && d.element && typeof seg === 'number') next.push(unwrap(d.element));
      else if (d.type === 'record' && d.valueType) next.push(unwrap(d.valueType));
    };
    for (const s of current) expand(s);
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** Field names an object at `path` accepts (object shapes and enum-keyed records), sorted. */
export function allowedKeys(root: z.ZodType, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  const add = (s: z.ZodType) => {
    const d = def(s);
    if (d.type === 'union' && d.options) for (const o of d.options) add(unwrap(o));
    else if (d.type === 'object' && d.shape) for (const k of Object.keys(d.shape)) keys.add(k);
    else if (d.type === 'record' && d.keyType) {
      const kd = def(unwrap(d.keyType));
      if (kd.entries) for (const k of Object.keys(kd.entries)) keys.add(k);
    }
  };
  for (const s of schemasAt(root, path)) add(s);
  return [...keys].sort();
}
