/**
 * The d3 the HTML report inlines: the UMD builds of just the d3 modules its charts use, concatenated in
 * dependency order (each extends the global `d3`), about 120 KB instead of the full 280 KB bundle. Read
 * from node_modules at export time; the report itself never loads anything. It lives here, beside the
 * command line and the server, so that both inline the same bytes and export the same report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** In dependency order: each module's UMD build expects the ones before it on the global `d3`. */
export const D3_MODULES = ['d3-array', 'd3-color', 'd3-interpolate', 'd3-format', 'd3-time', 'd3-time-format', 'd3-scale', 'd3-path', 'd3-shape', 'd3-selection', 'd3-axis'] as const;

const require = createRequire(import.meta.url);

/** The directory of an installed package (walks up from its resolved entry to its package.json). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the package directory of ${name}`);
    dir = up;
  }
}

let cached: string | undefined;

/** The d3 script text for `aarHtml`. Falls back to the full d3 UMD bundle if a module's build is missing. */
export function d3Bundle(): string {
  if (cached !== undefined) return cached;
  try {
    cached = D3_MODULES.map((m) => readFileSync(join(packageDir(m), 'dist', `${m}.min.js`), 'utf8').trim()).join('\n;\n');
  } catch {
    cached = readFileSync(join(packageDir('d3'), 'dist', 'd3.min.js'), 'utf8');
  }
  return cached;
}
