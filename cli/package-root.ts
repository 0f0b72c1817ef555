/**
 * Where the ramparts package's own files are (the bundled scenarios, the built web client, the
 * scenario JSON Schema), whether this module runs from the sources of a checkout (cli/) or from the
 * compiled lib/ of a checkout or an installed package: the nearest folder above it whose
 * package.json is named "ramparts". Files a user names on the command line stay relative to the
 * working directory; only the package's own defaults come from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'ramparts') return (root = dir);
    if (dirname(dir) === dir) throw new Error(`cannot find the ramparts package above ${fileURLToPath(import.meta.url)}`);
  }
}

/** A path inside the package: `packagePath('scenarios')`. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
