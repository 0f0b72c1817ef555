/**
 * Argument helpers shared by the commands: node:util parseArgs with its errors turned into one-line
 * usage errors (exit 2), and parsers for the values the commands take (durations, seeds, counts).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDuration } from '../engine/index.ts';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses `args` against `options` (strict: unknown options and missing values are usage errors).
 * `--help` is handled by the dispatcher before a command runs, so it is not listed here.
 */
export function parseCommandArgs(args: string[], options: Options): ParsedArgs {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as ParsedArgs['values'], positionals: r.positionals };
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }));
  }
}

/** node:util's messages are long and mention internals; keep the part that says what is wrong. */
function usageMessage(error: Error & { code?: string }): string {
  const m = error.message;
  const option = /'(-[^' ]+)/.exec(m)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? m}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing|ambiguous/.test(m)) return `option ${option ?? ''} needs a value`;
      if (/does not take an argument/.test(m)) return `option ${option ?? ''} takes no value`;
      return m.split('\n')[0] ?? m;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument: ${m}`;
    default:
      return m.split('\n')[0] ?? m;
  }
}

/** Exactly `n` positional arguments, named in the error (e.g. ['SCENARIO']). */
export function positionals(parsed: ParsedArgs, names: string[]): string[] {
  if (parsed.positionals.length < names.length) throw new UsageError(`missing ${names.slice(parsed.positionals.length).join(' ')}`);
  if (parsed.positionals.length > names.length) {
    throw new UsageError(`unexpected argument "${parsed.positionals[names.length]}" (takes ${names.join(' ')})`);
  }
  return parsed.positionals;
}

export const stringOpt = (parsed: ParsedArgs, name: string): string | undefined => {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
};

export const flag = (parsed: ParsedArgs, name: string): boolean => parsed.values[name] === true;

/** A duration option (`90s`, `45m`, `8h`, `1d2h`) in ms, or undefined when absent. */
export function durationOpt(parsed: ParsedArgs, name: string): number | undefined {
  const v = stringOpt(parsed, name);
  if (v === undefined) return undefined;
  const r = parseDuration(v);
  if (!r.ok) throw new UsageError(`--${name}: ${r.message}`);
  return r.ms;
}

/** A non-negative integer option (seeds, counts), or undefined when absent. */
export function intOpt(parsed: ParsedArgs, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = stringOpt(parsed, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim())) throw new UsageError(`--${name}: "${v}" is not a whole number`);
  const n = Number(v.trim());
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name}: ${v} is out of range (${min} to ${max})`);
  return n;
}

/** A seed list: `1,2,5-9` -> [1, 2, 5, 6, 7, 8, 9] (order kept, duplicates refused). */
export function seedList(text: string, name = 'seeds', maxCount = 1_000_000): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new UsageError(`--${name}: "${part}" is not a seed or a range like 5-9`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) throw new UsageError(`--${name}: bad range "${part.trim()}"`);
    if (out.length + (to - from + 1) > maxCount) throw new UsageError(`--${name}: more than ${maxCount} seeds`);
    for (let s = from; s <= to; s++) out.push(s);
  }
  if (new Set(out).size !== out.length) throw new UsageError(`--${name}: a seed is listed twice`);
  return out;
}
