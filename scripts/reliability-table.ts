/**
 * Prints the table of RELIABILITY.md from the figures the hostile-world suite recorded in
 * test-artifacts/hostile/*.json (`npm run test:hostile` runs the suite at full size, then this).
 * One row per test: what it tried (inputs, abuses, faults, rounds) and what was lost, crashed or
 * changed that must not have; then the totals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Figures = Record<string, number | string | boolean>;
const DIR = resolve(import.meta.dirname, '../test-artifacts/hostile');

const num = (f: Figures, ...keys: string[]): number => {
  let n = 0;
  for (const k of keys) if (typeof f[k] === 'number') n += f[k] as number;
  return n;
};
const cell = (n: number): string => (n === 0 ? '' : n.toLocaleString('en-US'));

let files: string[];
try {
  files = readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
} catch {
  console.error(`no figures in ${DIR}: run the hostile suite first (npm run test:hostile)`);
  process.exit(1);
}

const rows: string[] = [];
const total = { inputs: 0, abuses: 0, faults: 0, rounds: 0, bad: 0, unknown: 0 };
const modes = new Set<string>();
for (const file of files) {
  const area = file.replace(/\.json$/, '');
  const tests = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, Figures>;
  for (const [name, f] of Object.entries(tests)) {
    // Only what recordFigures wrote (other files there, like the soak's memory samples, are data).
    if (typeof f !== 'object' || f === null || typeof f.mode !== 'string') continue;
    modes.add(f.mode);
    const inputs = area === 'fuzz' ? num(f, 'inputs') : 0;
    const abuses = num(f, 'attempts');
    const faults = num(f, 'faults', 'restarts');
    const rounds = num(f, 'rounds');
    // What must be zero: acknowledged work lost, crashes, state changed by refused input, wrong codes.
    const bad = num(f, 'lost', 'crashes', 'stateChanged', 'unlocated', 'wrongCode', 'violations', 'refusedStored', 'gaps', 'duplicates');
    // Not a loss but an outcome a client could not know: refused (the answer was lost with the
    // connection to PostgreSQL or Redis) although the command was stored.
    const unknown = num(f, 'refusedButStored');
    total.unknown += unknown;
    total.inputs += inputs;
    total.abuses += abuses;
    total.faults += faults;
    total.rounds += rounds;
    total.bad += bad;
    rows.push(`| ${area} | ${name.replaceAll('|', '\\|')} | ${cell(inputs)} | ${cell(abuses)} | ${cell(faults)} | ${cell(rounds)} | ${bad} | ${cell(unknown)} |`);
  }
}
console.log(`Figures from test-artifacts/hostile (${[...modes].join(', ')} run)\n`);
console.log('| area | test | inputs tried | abuses tried | faults injected | rounds | lost / crashed / changed | refused but stored |');
console.log('|---|---|--:|--:|--:|--:|--:|--:|');
for (const r of rows) console.log(r);
console.log(
  `| **all** | | **${total.inputs.toLocaleString('en-US')}** | **${total.abuses.toLocaleString('en-US')}** | **${total.faults.toLocaleString('en-US')}** | **${total.rounds.toLocaleString('en-US')}** | **${total.bad}** | **${total.unknown}** |`,
);
if (total.bad > 0) process.exitCode = 1;
