/**
 * The AAR/IP's document model (blocks the Markdown and HTML renderers draw) and what a section of it
 * is: a stable id, a heading in the report's language, and a writer of blocks from the results.
 */
import type { TlpLevel } from '../../engine/index.ts';
import type { Bidi } from './bidi.ts';
import type { ReaderDates } from './dates.ts';
import type { AarMessages } from './i18n/messages.ts';
import type { AarResults, Finding } from './types.ts';

export type ChartKind = 'scores' | 'swimlanes' | 'heatmap';
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export type Block =
  | { kind: 'tlp'; level: TlpLevel; handling: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { kind: 'para'; runs: Run[] }
  | { kind: 'list'; items: Run[][] }
  | { kind: 'table'; head: string[]; rows: string[][]; caption?: string }
  | { kind: 'chart'; chart: ChartKind; title: string; caption: string };

/** What a section reads: the results, its language's texts and the formatters of this report. */
export interface AarContext {
  r: AarResults;
  m: AarMessages;
  b: Bidi;
  lang: string;
  dates: ReaderDates;
  /** A duration in the report's units: `1h 05m`. */
  dur(ms: number | null | undefined): string;
  /** Exercise time, isolated: `T+12:45`. */
  when(ms: number | null | undefined): string;
  /** A team's name by id, isolated as needed (the id when the team is unknown). */
  team(id: string): string;
  /** A team's short label by id (TeamInfo.label), for wide tables. */
  label(id: string): string;
  /** A capability's name by id (an em dash for none). */
  cap(id: string | null): string;
  list(items: readonly string[], max?: number): string;
}

/** How a section writes: blocks in order, third-level headings numbered under the section's id. */
export interface AarWriter {
  h3(text: string): void;
  p(...runs: (Run | string)[]): void;
  list(items: Run[][]): void;
  table(head: string[], rows: (string | number)[][]): void;
  chart(chart: ChartKind, title: string, caption: string): void;
  /** Findings as a list (`S1. Title.` and the observation), or "None observed." */
  findings(fs: readonly Finding[]): void;
}

export interface AarSection {
  /** The section's anchor, stable across languages (`executive-summary`). */
  id: string;
  heading(m: AarMessages): string;
  write(ctx: AarContext, w: AarWriter): void;
}
