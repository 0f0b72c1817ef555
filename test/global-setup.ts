/**
 * Before any test: compiles lib/ from the current sources (scripts/build-node.mjs, well under a
 * second), so that every test that starts `bin/ramparts.mjs` as a process runs today's code, never
 * an earlier build. Tests that import the TypeScript run the sources themselves.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-node.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}
