/**
 * Benchmarks: `npm run bench` runs every module and prints a table; `npm run bench -- validate`
 * runs the modules whose name is given; `--json` prints the results as JSON.
 *
 * To add a benchmark: a module exporting `name` and `run(): Promise<BenchResult[]>` (see
 * bench/types.ts, which also has `medianMs`), and one line in BENCHES below. Benchmarks report;
 * they do not fail the build (a missed target is marked in the table).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchModule, BenchResult } from './types.ts';

/** Each module by its name (the module's `name`): only the ones asked for are loaded. */
const BENCHES: [string, () => Promise<BenchModule>][] = [
  ['cli', () => import('./cli.ts')],
  ['validate', () => import('./validate.ts')],
  ['engine', () => import('./engine.ts')],
  ['replay', () => import('./replay.ts')],
  ['sweep', () => import('./sweep.ts')],
  ['client', () => import('./client.ts')],
  ['server', () => import('./server.ts')],
  ['scale', () => import('./scale.ts')],
  ['fork', () => import('./fork.ts')],
  ['whatif', () => import('./whatif.ts')],
  ['studio', () => import('./studio.ts')],
];

function met(r: BenchResult): boolean | undefined {
  if (r.target === undefined) return undefined;
  return r.higherIsBetter ? r.value >= r.target : r.value <= r.target;
}

function table(rows: { module: string; r: BenchResult }[]): string {
  const cells = rows.map(({ module, r }) => {
    const ok = met(r);
    return [
      module,
      r.name,
      `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`,
      r.target === undefined ? '' : `${r.higherIsBetter ? '>=' : '<='} ${r.target} ${r.unit}`,
      ok === undefined ? '' : ok ? 'ok' : 'MISSED',
      r.note ?? '',
    ];
  });
  const head = ['module', 'measure', 'value', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  // Benchmarks that start `ramparts` as a process measure lib/: compile it from the current sources.
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-node.mjs', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
  const json = argv.includes('--json');
  const only = argv.filter((a) => !a.startsWith('-'));
  const rows: { module: string; r: BenchResult }[] = [];
  for (const [key, load] of BENCHES) {
    if (only.length > 0 && !only.includes(key)) continue;
    const mod = await load();
    if (!json) process.stderr.write(`running ${mod.name}...\n`);
    for (const r of await mod.run()) rows.push({ module: mod.name, r });
  }
  if (rows.length === 0) {
    console.error(`no benchmark named ${only.join(', ')}`);
    return 2;
  }
  console.log(
    json
      ? JSON.stringify(
          rows.map(({ module, r }) => ({ module, ...r, met: met(r) })),
          null,
          2,
        )
      : table(rows),
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
