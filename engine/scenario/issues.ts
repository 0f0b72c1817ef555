/**
 * zod issues to findings an author can act on: "missing required field", "expected a list, found
 * the text "x"", "unknown field "nmae"; did you mean "name"?". Union failures are narrowed to the
 * branch the input was evidently aiming at.
 */
import type { z } from 'zod';
import type { PathSegment } from '../lib/diagnostic.ts';
import type { Finding } from './finding.ts';
import { didYouMean } from './suggest.ts';
import { allowedKeys } from './schema-walk.ts';
import { movedFieldHint } from './upgrade.ts';

type Issue = z.core.$ZodIssue;

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a map of fields',
  array: 'a list',
  record: 'a map',
  null: 'nothing',
  undefined: 'nothing',
  bigint: 'a number',
};

/** What a value is, for "found ..." in messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 60 ? `the text "${v.slice(0, 57)}..."` : `the text ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return 'a map';
  return typeof v;
}

function quoteList(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** Findings for a failed parse of the whole scenario, in issue order. */
export function schemaFindings(issues: readonly Issue[], root: z.ZodType, basePath: readonly PathSegment[] = []): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) convert(issue, root, basePath, out);
  return out;
}

function convert(issue: Issue, root: z.ZodType, base: readonly PathSegment[], out: Finding[]): void {
  const path: PathSegment[] = [...base, ...(issue.path as PathSegment[])];
  const input = (issue as { input?: unknown }).input;
  const push = (message: string, key?: string) => out.push(key === undefined ? { path, message, severity: 'error' } : { path, message, severity: 'error', key });
  const last = path[path.length - 1];
  if (input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && typeof last === 'string') {
    push(`missing required field "${last}"`);
    return;
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = NOUNS[issue.expected] ?? issue.expected;
      if (input === undefined) {
        push('missing value');
      } else if (path.length === 0) {
        push(`a scenario is a map of fields (ramparts, meta, teams, network, campaigns, scoring, ...); found ${describeValue(input)}`);
      } else if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        push(`expected text, found ${describeValue(input)}: put the value in quotes`);
      } else if (issue.expected === 'int' && typeof input === 'number') {
        push(`expected a whole number, found ${input}`);
      } else {
        push(`expected ${expected}, found ${describeValue(input)}`);
      }
      return;
    }
    case 'invalid_value': {
      if (path.length === 1 && path[0] === 'ramparts') {
        // Older formats are upgraded before the schema sees them (upgrade.ts): name them too.
        push(`this version of Ramparts reads scenario formats 1 and ${quoteList(issue.values)} (it writes ${quoteList(issue.values)}); found ${describeValue(input)}`);
      } else if (issue.values.length === 1) {
        push(`expected ${quoteList(issue.values)}, found ${describeValue(input)}`);
      } else {
        const hint = typeof input === 'string' ? didYouMean(input, issue.values.map(String)) : '';
        push(`expected one of ${quoteList(issue.values)}; found ${describeValue(input)}${hint}`);
      }
      return;
    }
    case 'invalid_format': {
      const shown = typeof input === 'string' ? JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input) : 'the value';
      if (issue.format === 'datetime') push(`${shown} is not a date and time with offset: write it like 2025-03-01T08:00:00+03:00`);
      else if (issue.message.startsWith('Invalid')) push(`${shown} does not have the expected form ${(issue as { pattern?: string }).pattern ?? issue.format}`);
      else push(`${shown}: ${issue.message}`);
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'array' || issue.origin === 'set') {
        push(small ? `needs at least ${bound} item${bound === 1 ? '' : 's'}` : `holds at most ${bound} item${bound === 1 ? '' : 's'}`);
      } else if (issue.origin === 'string') {
        push(small ? (bound === 1 ? 'must not be empty' : `needs at least ${bound} characters`) : `is too long: at most ${bound} characters`);
      } else {
        const rel = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
        push(`must be ${rel} ${bound}, found ${describeValue(input)}`);
      }
      return;
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(root, path);
      for (const key of issue.keys) {
        if (key === '<<') {
          push('YAML merge keys ("<<") are not supported: write the fields out', key);
          continue;
        }
        const moved = movedFieldHint(path, key);
        if (moved !== '') {
          push(`unknown field "${key}"${moved}`, key);
          continue;
        }
        const hint = didYouMean(key, allowed);
        const list = hint === '' && allowed.length > 0 && allowed.length <= 12 ? ` (allowed here: ${allowed.join(', ')})` : '';
        push(`unknown field "${key}"${hint}${list}`, key);
      }
      return;
    }
    case 'invalid_union': {
      const branch = aimedBranch(issue.errors);
      if (branch) {
        for (const sub of branch) convert(sub, root, path, out);
        return;
      }
      const expected = new Set<string>();
      const options: string[] = [];
      for (const errors of issue.errors) {
        for (const e of errors) {
          if (e.path.length > 0) continue;
          if (e.code === 'invalid_type') expected.add(NOUNS[e.expected] ?? e.expected);
          else if (e.code === 'invalid_value') {
            expected.add(e.values.length === 1 ? quoteList(e.values) : `one of ${quoteList(e.values)}`);
            options.push(...e.values.map(String));
          }
        }
      }
      const list = [...expected];
      const hint = typeof input === 'string' ? didYouMean(input, options) : '';
      push(list.length > 0 ? `expected ${list.join(' or ')}; found ${describeValue(input)}${hint}` : 'does not match any allowed form');
      return;
    }
    case 'invalid_key':
    case 'invalid_element': {
      const inner = issue.issues[0];
      const why = inner ? (inner.code === 'invalid_format' && !inner.message.startsWith('Invalid') ? inner.message : 'not allowed here') : 'not allowed here';
      push(`${issue.code === 'invalid_key' ? 'key' : 'value'} ${JSON.stringify(input)} is not valid: ${why}`);
      return;
    }
    default:
      push(issue.message);
  }
}

/**
 * The union branch the input evidently aimed at: one whose complaints are all about fields inside
 * the value (so its outer type matched). With several, the one with the fewest complaints.
 */
function aimedBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  for (const errors of branches) {
    const inside = errors.length > 0 && errors.every((e) => e.path.length > 0 || e.code === 'unrecognized_keys' || e.code === 'custom');
    if (inside && (best === undefined || errors.length < best.length)) best = errors;
  }
  return best;
}
