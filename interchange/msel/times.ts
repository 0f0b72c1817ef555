/**
 * MSEL time cells to time since T+0 for one sheet: T+0 is the scenario's start date in its time zone
 * (meta.timeZone, else the start date's own offset); without a scenario, the earliest time in the
 * sheet. Exercise days count from the start date's calendar day (Day 1), clock times in a Local Time
 * column are read on the start date (a time before the start is the next day, with a warning).
 */
import { formatDuration } from '../../engine/index.ts';
import { type DateOrder, parseIsoLocal, parseTimeCell, type TimeCell } from './time.ts';
import { addDays, knownTimeZone, localDate, toEpoch, type Zone } from './zone.ts';

const DAY = 86_400_000;

export interface TimeReference {
  /** Epoch ms of T+0; undefined when the sheet's times are all offsets. */
  t0?: number;
  zone: Zone;
  /** What T+0 is, for messages. */
  startText: string;
  /** Whether T+0 was taken from the sheet (no scenario start date). */
  fromSheet: boolean;
  /** Without a start date or calendar dates, exercise days and clock times are placed on a made-up calendar. */
  synthetic: boolean;
}

export type Resolved = { ok: true; value: string; warning?: string } | { ok: false; message: string };

/** The zone a scenario's wall clock runs in, and a warning when its name is unknown. */
export function scenarioZone(startDate: string | undefined, timeZone: string | undefined): { zone: Zone; warning?: string } {
  const offset = startDate ? (parseIsoLocal(startDate)?.offset ?? 0) : 0;
  if (timeZone && knownTimeZone(timeZone)) return { zone: { timeZone, offset } };
  return { zone: { offset }, ...(timeZone ? { warning: `the scenario's time zone "${timeZone}" is not known here; local times are read at the start date's offset` } : {}) };
}

/** Synthetic calendar for sheets without a start date: Day n and clock times on day n of 2000-01. */
const SYNTHETIC = { y: 2000, mo: 1, d: 1 };

/** Epoch ms of a cell that names a wall-clock time; undefined for offsets. */
function instant(cell: TimeCell, zone: Zone, start: { y: number; mo: number; d: number } | undefined): number | undefined {
  if (!cell.ok || cell.kind === 'offset') return undefined;
  if (cell.kind === 'datetime') return toEpoch(cell.at, zone);
  const date = addDays(start ?? SYNTHETIC, cell.kind === 'day' ? cell.day - 1 : 0);
  const ms = cell.ms;
  return toEpoch({ ...date, h: Math.floor(ms / 3_600_000), mi: Math.floor((ms % 3_600_000) / 60_000), s: Math.floor((ms % 60_000) / 1000) }, start ? zone : { offset: 0 });
}

/**
 * T+0 for a sheet whose cells were read with `read`: the start date when the scenario gives one, else
 * the earliest wall-clock time among the cells (exercise days and clock times only when the sheet has
 * no calendar dates, which they could not be placed against).
 */
export function timeReference(cells: readonly TimeCell[], startDate: string | undefined, zone: Zone): TimeReference {
  const start = startDate ? parseIsoLocal(startDate) : undefined;
  if (start) return { t0: toEpoch(start, zone), zone, startText: startDate!, fromSheet: false, synthetic: false };
  const dated = cells.filter((c) => c.ok && c.kind === 'datetime');
  const pool = dated.length > 0 ? dated : cells;
  let earliest: number | undefined;
  for (const c of pool) {
    const t = instant(c, zone, undefined);
    if (t !== undefined) earliest = earliest === undefined ? t : Math.min(earliest, t);
  }
  return { ...(earliest !== undefined ? { t0: earliest } : {}), zone, startText: 'the earliest time in the sheet', fromSheet: true, synthetic: dated.length === 0 };
}

/** One parsed cell as time since T+0 (a duration), or why it cannot be. */
export function resolveTime(cell: TimeCell, text: string, ref: TimeReference): Resolved {
  if (!cell.ok) return cell;
  if (cell.kind === 'offset') return { ok: true, value: cell.value };
  if (ref.t0 === undefined) return { ok: false, message: `"${text}" is a wall-clock time but the sheet gives no date to count from; import with --into SCENARIO (its start date is T+0)` };
  const startDay = ref.fromSheet ? undefined : localDate(ref.t0, ref.zone);
  if (ref.fromSheet && cell.kind !== 'datetime' && !ref.synthetic) {
    return { ok: false, message: `"${text}" is an exercise day or a clock time, which needs the scenario's start date when other cells are calendar dates; import with --into SCENARIO` };
  }
  if (ref.synthetic && cell.kind === 'datetime')
    return { ok: false, message: `"${text}" is a calendar date in a sheet whose other times have none; import with --into SCENARIO (its start date is T+0)` };
  let t = instant(cell, ref.zone, startDay);
  let warning: string | undefined;
  if (cell.kind === 'clock' && t! < ref.t0) {
    t = t! + DAY;
    warning = `${text} is before the exercise starts (${ref.startText}); read as the next day, T+${formatDuration(t - ref.t0)}`;
  }
  if (t! < ref.t0) return { ok: false, message: `${text} is before the exercise starts (T+0 is ${ref.startText})` };
  return { ok: true, value: formatDuration(t! - ref.t0), ...(warning ? { warning } : {}) };
}

/** Reads every time cell of a column; ambiguous numeric dates name an unambiguous one elsewhere when there is one. */
export function readTimeColumn(texts: readonly string[], options: { local: boolean; dateOrder?: DateOrder }): TimeCell[] {
  const cells = texts.map((t) => (t.trim() === '' ? ({ ok: false, message: '' } as TimeCell) : parseTimeCell(t, options)));
  if (options.dateOrder) return cells;
  const hint = texts.find((t, i) => t.trim() !== '' && cells[i]!.ok && /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(t.trim()));
  if (!hint) return cells;
  const [a] = hint.trim().split(/[/.-]/).map(Number);
  const order = (a ?? 0) > 12 ? 'dmy' : 'mdy';
  return cells.map((c) => (!c.ok && c.ambiguous ? { ...c, message: `${c.message} (the column's "${hint.trim()}" can only be ${order === 'dmy' ? 'day/month' : 'month/day'})` } : c));
}
