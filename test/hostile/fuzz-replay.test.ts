/**
 * Hostile world, bad input: log files given to `replay`. A real log from a headless run (the minimal
 * fixture with blue, white and red commands, every record with its events) is damaged: truncated,
 * bytes flipped, lines reordered, deleted, duplicated or replaced by garbage, record fields (t, command,
 * events) and header fields (format, version, seed, mode, scenario, scenarioHash) changed. Each damaged
 * log is read as `ramparts replay` reads it (logFromFile, then createReplayer with --verify), and:
 *
 * - refused: every error names a line of the file (1..lines), at or after the first line the damage
 *   touched, with a message; a replay failure names a record that is in the file;
 * - accepted: the log is the original (a neutral change: spacing, key order, CRLF, blank lines, events
 *   left out), and replays to the original state hash; or a prefix of it (a log cut after a record is
 *   the log of an earlier moment), and replays to that moment's hash; or it was altered where nothing
 *   could tell (a changed record that carries no events to verify against: counted, not a failure);
 *   never an altered record that carries its events and still replays, silently, to another hash.
 *
 * Exercise packages (the log sealed with a checksum and the final state hash) are damaged the same
 * way, with and without a recomputed checksum: any change that is not neutral is refused with a
 * message, and a resealed package that still opens must replay to the hash it records or be refused
 * for it, as `ramparts replay PACKAGE` does.
 *
 * A sample of refused logs goes through `ramparts replay` in a child process: exit 1, the error on
 * stderr naming FILE:LINE.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canonicalJson, createReplayer, stateHash } from '../../engine/index.ts';
import { type ExercisePackage, logFromFile } from '../../interchange/index.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';
import { countLines, FINAL_HASH, judge, type MutatedLog, type Outcome, PACKAGE_CANON } from './fuzz-replay-cases.ts';
import { mutatedLog, mutatedPackage } from './fuzz-replay-damage.ts';
import { ROOT } from './fuzz-scenarios.ts';

const SEED = 'hostile-replay-1';
/** Seeds that once found a bug, kept so it stays fixed (none yet: add `'seed', // what it found`). */
const REGRESSION_SEEDS: string[] = [];
const INPUTS = scale(600, 20_000);
const PACKAGES = scale(200, 5_000);
const CLI_LOGS = scale(3, 24);

for (const seed of [SEED, ...REGRESSION_SEEDS]) {
  describe(`log files given to replay (seed ${seed})`, () => {
    it(
      `reads ${INPUTS} damaged logs: a located error, the same hash, or a change that carries nothing to verify`,
      () => {
        const c = { inputs: 0, verified: 0, crashes: 0, refused: 0, refusedParse: 0, refusedReplay: 0, same: 0, prefix: 0, unverifiable: 0, violations: 0 };
        const problems: string[] = [];
        for (let i = 0; i < INPUTS && problems.length < 10; i++) {
          const m = mutatedLog(seed, i);
          // Even inputs as `ramparts replay --verify` reads them, odd ones as plain `ramparts replay`.
          const verify = i % 2 === 0;
          c.inputs++;
          if (verify) c.verified++;
          const what = `seed ${seed} input ${i} (${m.how}${verify ? ', --verify' : ''})`;
          let o: Outcome;
          try {
            o = judge(m, verify);
          } catch (error) {
            c.crashes++;
            problems.push(`${what}: threw ${(error as Error).stack ?? String(error)}`);
            continue;
          }
          if (o.kind === 'violation') {
            c.violations++;
            problems.push(`${what}: ${o.message}`);
          } else if (o.kind === 'refused') {
            c.refused++;
            if (o.line > 0) c.refusedParse++;
            else c.refusedReplay++;
          } else if (o.kind === 'same') c.same++;
          else if (o.kind === 'prefix') c.prefix++;
          else if (o.kind === 'unverifiable') c.unverifiable++;
        }
        recordFigures('fuzz', `replay logs (seed ${seed})`, { ...c, stateChanged: c.violations, seed });
        expect(problems.join('\n\n')).toBe('');
        expect(c.refusedParse).toBeGreaterThan(0);
        expect(c.refusedReplay).toBeGreaterThan(0);
        expect(c.same).toBeGreaterThan(0);
      },
      budgetMs(900_000),
    );

    it(
      `opens ${PACKAGES} damaged exercise packages: refused with a message, or replayed to the hash they record`,
      () => {
        const c = { inputs: 0, crashes: 0, refusedOpen: 0, refusedReplay: 0, refusedFinalHash: 0, same: 0, violations: 0, resealed: 0 };
        const problems: string[] = [];
        for (let i = 0; i < PACKAGES && problems.length < 10; i++) {
          const m = mutatedPackage(seed, i);
          c.inputs++;
          if (m.resealed) c.resealed++;
          const what = `seed ${seed} package ${i} (${m.how}${m.resealed ? ', resealed' : ''})`;
          try {
            const opened = logFromFile(m.text);
            if (!opened.ok) {
              if (!opened.message.trim()) problems.push(`${what}: refused without a message`);
              c.refusedOpen++;
              continue;
            }
            if (opened.kind !== 'package') {
              problems.push(`${what}: read as a plain log`);
              continue;
            }
            const altered = canonicalJson(opened.package) !== PACKAGE_CANON;
            if (altered && !m.resealed) {
              c.violations++;
              problems.push(`${what}: an altered package opened although its checksum was not recomputed`);
              continue;
            }
            // What `ramparts replay PACKAGE` does next.
            const rep = createReplayer(opened.log, { snapshotEvery: Infinity, keepEvents: false });
            if (!rep.ok) {
              c.refusedReplay++;
              continue;
            }
            const hash = stateHash(rep.replayer.final());
            // Refused by `ramparts replay` when it does not reach the hash the package records. (A package
            // resealed with a matching final hash is a forgery a checksum cannot tell: it is not a signature.)
            if (hash !== (opened.package as ExercisePackage).final?.stateHash) c.refusedFinalHash++;
            else if (!altered && hash !== FINAL_HASH) {
              c.violations++;
              problems.push(`${what}: the unaltered package replays to ${hash}, not ${FINAL_HASH}`);
            } else c.same++;
          } catch (error) {
            c.crashes++;
            problems.push(`${what}: threw ${(error as Error).stack ?? String(error)}`);
          }
        }
        recordFigures('fuzz', `replay packages (seed ${seed})`, { ...c, stateChanged: c.violations, seed });
        expect(problems.join('\n\n')).toBe('');
        expect(c.refusedOpen).toBeGreaterThan(0);
        expect(c.same).toBeGreaterThan(0);
      },
      budgetMs(900_000),
    );
  });
}

describe('ramparts replay (child process)', () => {
  it(
    `exits 1 on ${CLI_LOGS} damaged logs, naming FILE:LINE on stderr`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ramparts-fuzz-replay-'));
      try {
        // The first refused inputs of a seed of their own.
        const picked: { m: MutatedLog; file: string; line: number; verify: boolean }[] = [];
        for (let i = 0; picked.length < CLI_LOGS && i < 10_000; i++) {
          const m = mutatedLog(`${SEED}-cli`, i);
          const verify = picked.length % 2 === 0;
          const o = judge(m, verify);
          if (o.kind !== 'refused') continue;
          const file = join(dir, `log-${i}.jsonl`);
          writeFileSync(file, m.text);
          picked.push({ m, file, line: o.line, verify });
        }
        const results = await Promise.all(
          picked.map(async ({ file, verify }) => {
            try {
              await promisify(execFile)(process.execPath, [join(ROOT, 'bin/ramparts.mjs'), 'replay', file, ...(verify ? ['--verify'] : [])], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
              return { code: 0, stderr: '' };
            } catch (error) {
              const e = error as { code?: number; stderr?: string };
              return { code: e.code ?? -1, stderr: e.stderr ?? '' };
            }
          }),
        );
        results.forEach((res, k) => {
          const { m, file, line } = picked[k]!;
          const what = `${m.how}${picked[k]!.verify ? ' (--verify)' : ''}: ${res.stderr.slice(0, 400)}`;
          expect(res.code, what).toBe(1);
          const named = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+): \\S`, 'm').exec(res.stderr);
          expect(named, what).not.toBeNull();
          const n = Number(named![1]);
          expect(n, what).toBeGreaterThanOrEqual(1);
          expect(n, what).toBeLessThanOrEqual(countLines(m.text));
          // A parse error names the same line in-process and on the command line.
          if (line > 0) expect(n, what).toBe(line);
          expect(res.stderr, what).not.toMatch(/\n\s+at |TypeError|RangeError|SyntaxError: Unexpected/);
        });
        recordFigures('fuzz', 'ramparts replay (child process)', { inputs: picked.length, crashes: 0, stateChanged: 0, seed: `${SEED}-cli` });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    budgetMs(300_000),
  );
});
