/**
 * A faster way through a zod schema for values it accepts. zod's own parse builds a payload with an
 * issue list for every value and calls through a run/parse/checks layer per schema; on the 2,036
 * nodes and 335 steps of stress.yaml that was the largest part of loading it (about 15 % of a cold
 * `ramparts run`). This walks the same schema definitions with plain closures and answers only one
 * question: does zod accept the value, and if so with what output? Anything it is not sure of is
 * left to zod: a value it refuses makes the caller run zod's `safeParse`, whose issues are then the
 * only ones reported, so every message stays zod's own.
 *
 * It is exact by construction for the kinds it handles (strict and stripping objects, arrays,
 * optional, unions, lazy, records keyed by a pattern, string, number, boolean, enum, literal): their type test and output are
 * zod 4's (schemas.js, read for 4.6), and every check and refinement runs through zod's own check
 * function in zod's order. Any other kind (records, formats with coercion, defaults, transforms, ...)
 * is an island: zod's `run` on that value alone. test/engine/scenario/fast-parse.test.ts compares
 * both on the bundled scenarios and on thousands of damaged values.
 */
import type { z } from 'zod';

/** The parts of zod's internals this reads (zod 4's `_zod`). */
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Internals {
  def: Record<string, unknown> & { type: string; checks?: Schema[]; when?: (p: Payload) => boolean };
  traits: Set<string>;
  run(payload: Payload, ctx: object): Payload | Promise<Payload>;
  check?: (payload: Payload) => unknown;
  optin?: string;
  optout?: string;
  values?: Set<unknown>;
  innerType?: Schema;
}
interface Schema {
  _zod: Internals;
}

/** What a walk returns when zod would not accept the value (or this cannot tell). */
const REFUSED: unique symbol = Symbol('refused');
type Parse = (value: unknown) => unknown;

const parsers = new WeakMap<object, Parse>();

/**
 * Objects and arrays met so far in this parse. zod's memoizer (its support for values that contain
 * themselves) gives an object reached twice through a recursive schema one output shared by both
 * places; this builds a copy per place. So a value that holds any object twice (YAML aliases, objects
 * built in memory) is left to zod, and the outputs are the same values with the same sharing.
 */
let seen = new Set<object>();
/** The objects added to `seen`, in order: a union option that refuses takes its visits back. */
let visits: object[] = [];

/** zod's output for `value` when zod accepts it; `{ ok: false }` means "ask zod". */
export function fastParse(schema: z.ZodType, value: unknown): { ok: true; value: unknown } | { ok: false } {
  seen = new Set();
  visits = [];
  try {
    const out = parserOf(schema as unknown as Schema)(value);
    return out === REFUSED ? { ok: false } : { ok: true, value: out };
  } finally {
    seen = new Set();
    visits = [];
  }
}

/** False when `v` was met before in this parse (see `seen`). */
function firstVisit(v: object): boolean {
  if (seen.has(v)) return false;
  seen.add(v);
  visits.push(v);
  return true;
}

/** Schemas whose parser is being built: a schema reached again meanwhile (through a lazy) gets a deferred one. */
const building = new Set<object>();

function parserOf(s: Schema): Parse {
  const known = parsers.get(s);
  if (known) return known;
  if (building.has(s)) {
    let built: Parse | undefined;
    return (v) => (built ??= parsers.get(s) as Parse)(v);
  }
  building.add(s);
  try {
    const p = build(s);
    parsers.set(s, p);
    return p;
  } finally {
    building.delete(s);
  }
}

function build(s: Schema): Parse {
  const checks = checksOf(s);
  const parse = typeParser(s);
  if (checks.length === 0) return parse;
  return (v) => {
    const out = parse(v);
    return out === REFUSED ? REFUSED : runChecks(checks, out);
  };
}

/** The checks zod's `run` applies after the type's parse: the schema itself first when it is a check. */
function checksOf(s: Schema): Schema[] {
  const own = s._zod.def.checks ?? [];
  return s._zod.traits.has('$ZodCheck') ? [s, ...own] : [...own];
}

/** zod's runChecks on a payload without issues: each check whose `when` allows it, until one adds an issue. */
function runChecks(checks: readonly Schema[], value: unknown): unknown {
  const p: Payload = { value, issues: [] };
  for (const ch of checks) {
    const when = ch._zod.def.when;
    if (when && !when(p)) continue;
    const r = (ch._zod.check as (p: Payload) => unknown)(p);
    if (r instanceof Promise || p.issues.length > 0) return REFUSED;
  }
  return p.value;
}

/** zod's `run` on one value: its output when it has no issues. */
function island(s: Schema): Parse {
  return (v) => {
    const r = s._zod.run({ value: v, issues: [] }, { async: false });
    return r instanceof Promise || r.issues.length > 0 ? REFUSED : r.value;
  };
}

function typeParser(s: Schema): Parse {
  const def = s._zod.def;
  if (def.coerce) return island(s);
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : REFUSED);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : REFUSED);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : REFUSED);
    case 'enum':
    case 'literal': {
      const values = s._zod.values as Set<unknown>;
      return (v) => (values.has(v) ? v : REFUSED);
    }
    case 'optional': {
      const inner = def.innerType as Schema;
      if (inner._zod.optin === 'defaulted' || s._zod.traits.has('$ZodExactOptional')) return island(s);
      const p = parserOf(inner);
      return (v) => (v === undefined ? undefined : p(v));
    }
    case 'lazy': {
      let inner: Parse | undefined;
      return (v) => (inner ??= parserOf(s._zod.innerType as Schema))(v);
    }
    case 'array': {
      const el = parserOf(def.element as Schema);
      return (v) => {
        if (!Array.isArray(v) || !firstVisit(v)) return REFUSED;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const x = el(v[i]);
          if (x === REFUSED) return REFUSED;
          out[i] = x;
        }
        return out;
      };
    }
    case 'union':
      return unionParser(s);
    case 'object':
      return objectParser(s);
    case 'record':
      return recordParser(s);
    default:
      return island(s);
  }
}

function unionParser(s: Schema): Parse {
  const def = s._zod.def;
  // Exclusive and discriminated unions choose differently from "the first option that accepts".
  if (def.inclusive === false || def.discriminator !== undefined) return island(s);
  const options = (def.options as Schema[]).map(parserOf);
  return (v) => {
    const mark = visits.length;
    for (const p of options) {
      const out = p(v);
      if (out !== REFUSED) return out;
      // The option's output is dropped: the objects it met are met for the first time by the next one.
      while (visits.length > mark) seen.delete(visits.pop() as object);
    }
    return REFUSED;
  };
}

function objectParser(s: Schema): Parse {
  const def = s._zod.def;
  const catchall = def.catchall as Schema | undefined;
  // Strict (unknown keys refused) or stripping (unknown keys dropped); a catchall schema is zod's.
  const strict = catchall !== undefined && catchall._zod.def.type === 'never';
  if (catchall !== undefined && !strict) return island(s);
  const shape = def.shape as Record<string, Schema>;
  const keys = Object.keys(shape).filter((k) => k !== '__proto__');
  const keySet = new Set(Object.keys(shape));
  const fields = keys.map((key) => {
    const child = shape[key] as Schema;
    return { key, parse: parserOf(child), optin: child._zod.optin, optional: child._zod.optout === 'optional' };
  });
  // A field optional on the way in but not out (a default) is filled in by zod.
  if (fields.some((f) => f.optin !== undefined && !f.optional)) return island(s);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !firstVisit(v)) return REFUSED;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const present = f.key in input;
      if (f.optin !== undefined) {
        // zod: an absent optional key contributes nothing, and its issues are ignored.
        if (!present && f.optin === 'optional') continue;
        const x = f.parse(input[f.key]);
        if (x === REFUSED) {
          if (!present) continue;
          return REFUSED;
        }
        if (present || x !== undefined) out[f.key] = x;
      } else {
        if (!present) return REFUSED;
        const x = f.parse(input[f.key]);
        if (x === REFUSED) return REFUSED;
        out[f.key] = x;
      }
    }
    if (strict) for (const key in input) if (!keySet.has(key)) return REFUSED;
    return out;
  };
}

/**
 * A record whose keys are any string its key schema accepts (no fixed key set, not loose): zod 4's
 * $ZodRecord, the branch without `values`. Localised texts are such records (2,457 of them in
 * stress.yaml, each a zod `run` before). Only plain objects with no symbol keys are taken; a key or
 * value zod would refuse (or retry as a number) is left to zod.
 */
function recordParser(s: Schema): Parse {
  const def = s._zod.def;
  const keyType = def.keyType as Schema;
  if (keyType._zod.values !== undefined || def.mode === 'loose') return island(s);
  const key = parserOf(keyType);
  const value = parserOf(def.valueType as Schema);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !firstVisit(v)) return REFUSED;
    const proto = Object.getPrototypeOf(v);
    if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(v).length > 0) return REFUSED;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(input)) {
      if (k === '__proto__') continue;
      const outKey = key(k);
      if (outKey === REFUSED) return REFUSED;
      if (outKey === '__proto__') continue;
      const x = value(input[k]);
      if (x === REFUSED) return REFUSED;
      out[outKey as string] = x;
    }
    return out;
  };
}
