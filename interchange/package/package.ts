/**
 * Exercise packages: one file holding an exercise's scenario, seed, command log, ratings and
 * after-action report, marked with a TLP level and sealed with a checksum, that another team's
 * Ramparts opens and replays exactly. How nations share what they learned.
 *
 * The file is one JSON object (keys in a fixed order, the TLP and checksum first so `head` shows them):
 *   { format: 'ramparts-package', version: 1, tlp, checksum, title, scenario: {id, title, version, hash},
 *     seed, mode, createdAtSim, createdIso, final: {stateHash, simTimeMs, events}, ratings, report, whatIf?, log }
 * `whatIf` (present only when evaluators pinned what-if findings) holds each finding with its branch
 * file; opening the package checks that each is a branch of the package's log and replays to its hash.
 * `log` is the complete ramparts log text (JSON Lines). `checksum` is the SHA-256 (hex) of the canonical
 * JSON of every other member: any change to any value, however small, breaks it.
 *
 * TLP: a package carries the whole log, so it must be marked at least as high as the most restrictive
 * thing in it (the scenario's marking, every inject delivered, every report shared); a lower --tlp is
 * refused. A higher one is allowed (a nation may restrict what it shares further).
 */
import { canonicalJson, parseLog, type RampartsLog, type RatingRt, serialiseLog, sha256Hex, stateHash, type TlpLevel } from '../../engine/index.ts';
import { exerciseMarking, pickText, TLP_RANK, type ExerciseRecord } from '../aar/exercise.ts';
import { buildAarResults } from '../aar/results.ts';
import type { AarResults } from '../aar/types.ts';
import { exerciseClock } from '../lib/timestamps.ts';
import { findingProblem, type WhatIfFinding } from '../whatif/finding.ts';

export const PACKAGE_FORMAT = 'ramparts-package';
export const PACKAGE_VERSION = 1;

export interface ExercisePackage {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_VERSION;
  tlp: TlpLevel;
  checksum: string;
  title: string;
  scenario: { id: string; title: string; version: string; hash: string };
  seed: number;
  mode: string;
  /** Simulated time at the end of the log. */
  createdAtSim: number;
  /** The exercise's wall-clock time at that moment (from the scenario's start date; never the exporter's clock). */
  createdIso: string;
  /** What a replay of the log must give. */
  final: { stateHash: string; simTimeMs: number; events: number };
  ratings: RatingRt[];
  report: AarResults;
  /** What-if findings pinned by evaluators, each with its branch file (absent when none was pinned). */
  whatIf?: WhatIfFinding[];
  log: string;
}

export type PackageResult = { ok: true; package: ExercisePackage; text: string; fileName: string } | { ok: false; message: string };
export type OpenResult = { ok: true; package: ExercisePackage; log: RampartsLog } | { ok: false; message: string };

/** The checksum of a package: SHA-256 of the canonical JSON of everything but the checksum. */
export function packageChecksum(pkg: Omit<ExercisePackage, 'checksum'> | Record<string, unknown>): string {
  const { checksum: _c, ...rest } = pkg as Record<string, unknown>;
  return sha256Hex(canonicalJson(rest));
}

/** A file name that shows what the package is and how it is marked. */
export function packageFileName(pkg: Pick<ExercisePackage, 'scenario' | 'seed' | 'tlp'>): string {
  return `${pkg.scenario.id}-seed${pkg.seed}.TLP-${pkg.tlp.replace('+', '-')}.ramparts-package.json`;
}

/**
 * Builds the package of an exercise record. `tlp` defaults to the highest marking of its content and
 * may not be lower (refused as a value, saying what carries the higher marking).
 */
export function buildPackage(x: ExerciseRecord, options: { tlp?: TlpLevel; lang?: string; report?: AarResults } = {}): PackageResult {
  const marking = exerciseMarking(x.state);
  const tlp = options.tlp ?? marking.level;
  if (TLP_RANK[tlp] < TLP_RANK[marking.level]) {
    return {
      ok: false,
      message: `TLP:${tlp} is below what this exercise holds (TLP:${marking.level}, in ${marking.source}): a package carries the whole log, so mark it TLP:${marking.level} or stricter`,
    };
  }
  const { state } = x;
  const sc = state.scenario;
  const end = state.clock;
  const body: Omit<ExercisePackage, 'checksum'> = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    tlp,
    title: `${pickText(sc.meta.title, options.lang)} (seed ${state.seed})`,
    scenario: { id: sc.meta.id, title: pickText(sc.meta.title, options.lang), version: sc.meta.version, hash: state.scenarioHash },
    seed: state.seed,
    mode: state.mode,
    createdAtSim: end,
    createdIso: exerciseClock(sc.meta.startDate).iso(end),
    final: { stateHash: stateHash(state), simTimeMs: end, events: state.seq },
    ratings: state.ratings.map((r) => ({ ...r })),
    report: options.report ?? buildAarResults(x, options.lang === undefined ? {} : { lang: options.lang }),
    ...(x.whatIf && x.whatIf.length > 0 ? { whatIf: [...x.whatIf] } : {}),
    log: serialiseLog(x.log),
  };
  const checksum = packageChecksum(body);
  const { format, version, tlp: level, ...rest } = body;
  const pkg: ExercisePackage = { format, version, tlp: level, checksum, ...rest };
  return { ok: true, package: pkg, text: `${JSON.stringify(pkg)}\n`, fileName: packageFileName(pkg) };
}

const altered = 'the file was altered after export';

const parsesAlone = (line: string): boolean => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

/**
 * Opens a package: checks that it is one, that its checksum matches (refusing an altered file with a
 * message that says so), its format version, and its log. Returns the package and its parsed log.
 */
export function openPackage(text: string): OpenResult {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    // One JSON document per line looks like a log whose first line is not a log header.
    const nl = text.indexOf('\n');
    if (nl > 0 && text.slice(nl + 1).trim() !== '' && parsesAlone(text.slice(0, nl))) {
      return { ok: false, message: 'neither a package nor a log: a package is one JSON document, but more lines follow the first; a log starts with a header line {"format": "ramparts-log", ...}' };
    }
    return { ok: false, message: `package is damaged: ${(e as Error).message} (${altered}, or it is truncated)` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'not a ramparts package: the file is not a JSON object' };
  const v = value as Record<string, unknown>;
  if (typeof v.checksum !== 'string') {
    return { ok: false, message: v.format === PACKAGE_FORMAT ? `package has no checksum: ${altered}` : 'not a ramparts package (no "format": "ramparts-package")' };
  }
  const found = packageChecksum(v);
  if (found !== v.checksum) return { ok: false, message: `package checksum mismatch: ${altered} (expected ${v.checksum}, found ${found})` };
  if (v.format !== PACKAGE_FORMAT) return { ok: false, message: `not a ramparts package (format ${JSON.stringify(v.format)})` };
  if (v.version !== PACKAGE_VERSION) return { ok: false, message: `unsupported package version ${String(v.version)}; this Ramparts reads version ${PACKAGE_VERSION}` };
  if (typeof v.log !== 'string') return { ok: false, message: 'package has no log' };
  const parsed = parseLog(v.log);
  if (!parsed.ok) {
    const e = parsed.errors[0];
    return { ok: false, message: `package log line ${e?.line ?? 1}: ${e?.message ?? 'invalid'}` };
  }
  const pkg = v as unknown as ExercisePackage;
  if (parsed.log.header.seed !== pkg.seed || parsed.log.header.scenarioHash !== pkg.scenario?.hash) {
    return { ok: false, message: 'package fields disagree with its log (seed or scenario hash): it was not made by ramparts export' };
  }
  if (v.whatIf !== undefined) {
    if (!Array.isArray(v.whatIf)) return { ok: false, message: 'package whatIf must be a list of findings' };
    for (const f of v.whatIf as WhatIfFinding[]) {
      const problem = typeof f === 'object' && f !== null && typeof f.branch?.log === 'string' ? findingProblem(f, parsed.log) : `a what-if finding without its branch file`;
      if (problem) return { ok: false, message: `package ${problem}` };
    }
  }
  return { ok: true, package: pkg, log: parsed.log };
}
