/**
 * fast-check arbitraries derived from the protocol's zod schemas (through their JSON Schema, which
 * zod generates): `validArb` builds values the schema accepts, `invalidArb` values that break it in one
 * place, chosen where the schema says something (a required key left out, an unknown key, a const or
 * enum missed, a pattern, length or range broken, a wrong type, an array too short), at any depth.
 * Each invalid value is checked against the zod schema itself, so it is invalid by construction.
 */
import fc from 'fast-check';
import { z } from 'zod';

/** The part of JSON Schema (draft 2020-12) that zod emits for the protocol's schemas. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
}

/** Generated strings stay short unless a bound asks for more: messages are capped at 64 KB. */
const SHORT = 24;

function intArb(min: number, max: number): fc.Arbitrary<number> {
  if (min >= -0x80000000 && max <= 0x7fffffff) return fc.integer({ min, max });
  return fc.oneof(fc.constantFrom(min, max), fc.bigInt(BigInt(Math.ceil(min)), BigInt(Math.floor(max))).map(Number));
}

/** Values the schema accepts. */
export function validArb(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validArb));
  switch (s.type) {
    case 'string': {
      const minLength = s.minLength ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxLength ?? SHORT, SHORT));
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const inBounds = (x: string) => x.length >= minLength && x.length <= (s.maxLength ?? Infinity);
        try {
          return fc.stringMatching(re).filter(inBounds);
        } catch {
          // fast-check cannot generate from some regexes (lookaheads): draw and keep the matches.
          return fc.oneof(fc.constantFrom('T1059', 'T1566.001', 'a', 'kw', 'x-1'), fc.string({ maxLength: 12 })).filter((x) => re.test(x) && inBounds(x));
        }
      }
      return fc.string({ minLength, maxLength, unit: fc.constantFrom('a', 'b', 'Z', '0', ' ', '-', 'é', 'ع', '😀') });
    }
    case 'integer':
      return intArb(s.minimum ?? -1e6, s.maximum ?? 1e6);
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? validArb(s.items) : fc.jsonValue(), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    case 'object': {
      const props = s.properties ?? {};
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArb(v)])), { requiredKeys: s.required ?? [] });
      if (typeof s.additionalProperties === 'object') {
        const keys = s.additionalProperties && s.propertyNames ? (validArb(s.propertyNames) as fc.Arbitrary<string>) : fc.string({ minLength: 1, maxLength: 6 });
        return fc.tuple(record, fc.dictionary(keys, validArb(s.additionalProperties), { minKeys: Object.keys(props).length === 0 ? 1 : 0, maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a }));
      }
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of another JSON type than the schema's. */
function wrongType(s: JsonSchema): fc.Arbitrary<unknown> {
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.constantFrom('', 'x', '0', 'true', 'null', '{}')],
    ['integer', fc.constantFrom(0, -1, 1, 7)],
    ['number', fc.constantFrom(0.5, -1.5, 1e21)],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], [null], [1, 'x'])],
    ['object', fc.constantFrom({}, { x: 1 }, { type: 'x' })],
  ];
  const types = new Set([s.type, ...(s.anyOf ?? s.oneOf ?? []).map((x) => x.type)]);
  if (types.has('number')) types.add('integer');
  return fc.oneof(...all.filter(([t]) => !types.has(t as JsonSchema['type'])).map(([, a]) => a));
}

/** Values that break `s` right here (not deeper); undefined when `s` constrains nothing here. */
function brokenHere(s: JsonSchema): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [wrongType(s)];
  if (s.const !== undefined && typeof s.const === 'string') {
    out.push(fc.constantFrom(`${s.const}x`, s.const.toUpperCase() === s.const ? s.const.toLowerCase() : s.const.toUpperCase(), '', ` ${s.const}`));
  }
  if (s.enum) out.push(fc.constantFrom('', 'other', ...s.enum.filter((e): e is string => typeof e === 'string').map((e) => `${e}!`)));
  if (s.type === 'string') {
    if (s.pattern) out.push(fc.constantFrom('', ' ', '../x', 'a b', 'x/y', '\u0000', '-lead', 'é', 'x'.repeat(90)).filter((x) => !new RegExp(s.pattern as string).test(x)));
    if ((s.minLength ?? 0) > 0) out.push(fc.constant('x'.repeat((s.minLength as number) - 1)));
    if (s.maxLength !== undefined && s.maxLength < 30_000) out.push(fc.constant('y'.repeat(s.maxLength + 1)));
  }
  if (s.type === 'integer' || s.type === 'number') {
    if (s.minimum !== undefined) out.push(fc.constantFrom(s.minimum - 1, s.minimum - 0.5, -1e300));
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) out.push(fc.constantFrom(s.maximum + 1, 1e300));
    if (s.type === 'integer') out.push(fc.constantFrom(0.5, 1.25, 2 ** 53 + 0.5));
  }
  if (s.type === 'array') {
    if ((s.minItems ?? 0) > 0) out.push(fc.constant([]));
    if (s.maxItems !== undefined && s.maxItems < 500 && s.items) out.push(fc.array(validArb(s.items), { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
  }
  return out;
}

/** Values that break `s` in one place, here or at any depth below. */
export function invalidArb(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const here = brokenHere(s);
  const deeper: fc.Arbitrary<unknown>[] = [];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && depth < 6) deeper.push(...alternatives.map((a) => invalidArb(a, depth + 1)));
  if (s.type === 'object' && depth < 6) {
    const props = s.properties ?? {};
    const required = s.required ?? [];
    const valid = validArb(s) as fc.Arbitrary<Record<string, unknown>>;
    // A required key left out (the discriminator too).
    if (required.length > 0)
      deeper.push(
        fc.tuple(valid, fc.constantFrom(...required)).map(([v, k]) => {
          const { [k]: _gone, ...rest } = v;
          return rest;
        }),
      );
    // An unknown key (strict objects), including the ones that have fooled servers.
    if (s.additionalProperties === false) {
      deeper.push(
        fc.tuple(valid, fc.constantFrom('actor', 'team', 'seat', 'exerciseId', '__proto__', 'constructor', 'Type', 'extra', ''), wrongType({})).map(([v, k, x]) => {
          const out = { ...v };
          Object.defineProperty(out, k, { value: x, enumerable: true, configurable: true, writable: true });
          return out;
        }),
      );
    }
    // One property broken, the rest valid.
    for (const [k, sub] of Object.entries(props)) {
      deeper.push(fc.tuple(valid, invalidArb(sub, depth + 1)).map(([v, x]) => ({ ...v, [k]: x })));
    }
  }
  if (s.type === 'array' && s.items && depth < 6) {
    deeper.push(
      fc.tuple(validArb(s), invalidArb(s.items, depth + 1), fc.nat()).map(([v, x, i]) => {
        const a = [...(v as unknown[])];
        if (a.length === 0) a.push(x);
        else a[i % a.length] = x;
        return a;
      }),
    );
  }
  return fc.oneof({ depthSize: 'small' }, ...here, ...deeper);
}

/** The value as the server sees it: after a trip through JSON (undefined dropped, NaN to null, ...). */
const overTheWire = (v: unknown): unknown => {
  const text = JSON.stringify(v);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
};

/** Values the zod schema refuses (as they arrive, after JSON), derived from its JSON Schema. */
export function refusedBy(schema: z.ZodType): fc.Arbitrary<unknown> {
  return invalidArb(jsonSchemaOf(schema))
    .map(overTheWire)
    .filter((v) => !schema.safeParse(v).success);
}

/** Values the zod schema accepts (as they arrive, after JSON), derived from its JSON Schema. */
export function acceptedBy(schema: z.ZodType): fc.Arbitrary<unknown> {
  return validArb(jsonSchemaOf(schema))
    .map(overTheWire)
    .filter((v) => schema.safeParse(v).success);
}
