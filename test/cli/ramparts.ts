/**
 * Runs `ramparts` commands in-process with captured output, and small files for the run/replay/sweep
 * tests (a scratch directory, inputs files).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import type { CliIO } from '../../cli/io.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const GULF = join(ROOT, 'scenarios', 'gulf-shield.yaml');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function ramparts(...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`), isTTY: false };
  const code = await main(args, io);
  return { code, out, err };
}

/** Runs a command with --json and parses its output; fails loudly with stderr when it did not succeed. */
export async function rampartsJson<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const r = await ramparts(...args, '--json');
  if (r.code !== 0) throw new Error(`ramparts ${args.join(' ')} exited ${r.code}:\n${r.err}`);
  return JSON.parse(r.out) as T;
}

/** A scratch directory removed by the returned cleanup. */
export function scratch(prefix: string): { dir: string; file: (name: string, text?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `ramparts-${prefix}-`));
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, name);
      if (text !== undefined) writeFileSync(p, text);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** JSON Lines text of inputs. */
export const jsonl = (entries: unknown[]): string => `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`;
