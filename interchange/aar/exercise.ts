/**
 * An exercise as the after-action exports read it: the log, the final state its replay gives, and
 * every event. `loadExercise` replays a log (pure, so the evaluator console can run it in the browser);
 * the helpers pick texts in one language and rank TLP levels.
 */
import type { WhatIfFinding } from '../whatif/finding.ts';
import { type EngineEvent, type ExerciseState, hashValue, localText, type LocalTextT, type RampartsLog, replay, TLP_RANK, type TlpLevel } from '../../engine/index.ts';

export interface ExerciseRecord {
  log: RampartsLog;
  state: ExerciseState;
  events: readonly EngineEvent[];
  /** What-if findings pinned by evaluators (interchange/whatif), for the report and the package. */
  whatIf?: readonly WhatIfFinding[];
}

export type LoadResult = { ok: true; exercise: ExerciseRecord } | { ok: false; message: string };

/** Replays a log to its end. Fails (as a value) when the log does not reproduce. */
export function loadExercise(log: RampartsLog): LoadResult {
  const r = replay(log);
  if (!r.ok) return { ok: false, message: `the log does not replay: ${r.message}` };
  return { ok: true, exercise: { log, state: r.state, events: r.events } };
}

/**
 * A key that identifies this exercise run (scenario, seed, mode and every command): export ids derive
 * from it, so the same log always gives the same ids and two different runs never share them.
 */
export function exerciseKey(log: RampartsLog): string {
  return hashValue({ scenario: log.header.scenarioHash, seed: log.header.seed, mode: log.header.mode, commands: log.records.map((r) => [r.t, r.command]) });
}

/** A participant-facing text in `lang` (English unless said): the engine's localText. */
export const pickText = (text: LocalTextT | undefined, lang = 'en'): string => localText(text, lang);

export { TLP_RANK };

export function maxTlp(a: TlpLevel, b: TlpLevel): TlpLevel {
  return TLP_RANK[a] >= TLP_RANK[b] ? a : b;
}

/**
 * The highest TLP level of what an exercise record holds, and what carries it: the scenario's own
 * marking, every inject delivered and every intelligence report shared. A document that holds all of
 * it (an AAR, a package) must be marked at least this.
 */
export function exerciseMarking(state: ExerciseState): { level: TlpLevel; source: string } {
  let level: TlpLevel = state.scenario.meta.tlp ?? 'CLEAR';
  let source = state.scenario.meta.tlp ? 'the scenario' : 'nothing marked';
  const raise = (l: TlpLevel | undefined, what: string): void => {
    if (l !== undefined && TLP_RANK[l] > TLP_RANK[level]) {
      level = l;
      source = what;
    }
  };
  for (const rt of Object.values(state.injects)) {
    const delivered = Object.values(rt.teams).some((t) => t.deliveredAt !== null);
    if (!delivered) continue;
    raise(rt.adhoc ? rt.adhoc.tlp : state.scenario.injects[rt.idx]?.tlp, `inject ${rt.id}`);
  }
  for (const r of Object.values(state.reports)) raise(r.tlp, `intelligence report ${r.id}`);
  return { level, source };
}

/** Team display name in `lang`. */
export function teamName(state: ExerciseState, id: string, lang = 'en'): string {
  const i = state.scenario.teamIndex.get(id);
  const t = i === undefined ? undefined : state.scenario.teams[i];
  return t ? pickText(t.name, lang) : id;
}

const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#dc2626', '#475569', '#0d9488'];

/** The team's colour from the scenario, else a fixed palette colour by its position. */
export function teamColor(state: ExerciseState, id: string): string {
  const i = state.scenario.teamIndex.get(id) ?? 0;
  return state.scenario.teams[i]?.color ?? (PALETTE[i % PALETTE.length] as string);
}

export const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Rounds a figure for the report (2 decimals) without changing integers. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Longest full name used as a label as it is; longer ones need a short name. */
const LABEL_MAX = 24;

/**
 * Each team's label where its full name does not fit (charts, narrow columns): the scenario's
 * `shortName` in `lang`, else the acronym a name ends with in parentheses ("... (SahCERT)"), else the
 * name when short, else the team id. Labels are unique: teams that would share one get their ids.
 */
export function teamLabels(state: ExerciseState, lang: string): Map<string, string> {
  const first = new Map<string, string>();
  for (const t of state.scenario.teams) {
    const name = pickText(t.name, lang);
    const short = t.shortName === undefined ? '' : pickText(t.shortName, lang);
    const acronym = /\(([^()]{1,24})\)\s*$/.exec(name)?.[1] ?? '';
    first.set(t.id, short || acronym || (name.length <= LABEL_MAX ? name : t.id));
  }
  const count = new Map<string, number>();
  for (const l of first.values()) count.set(l, (count.get(l) ?? 0) + 1);
  return new Map([...first].map(([id, l]) => [id, (count.get(l) ?? 0) > 1 ? id : l]));
}
