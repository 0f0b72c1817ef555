/**
 * The MSEL as it was played: the scenario's injects and the ad-hoc injects the white cell fired, as
 * CSV in the HSEEP MSEL template's columns and order (Event Number, Designated Scenario Time, Event
 * Type, Inject Mode, From, To, Message, Expected Participant Response, Exercise Objective, Notes),
 * then what a re-import needs (title, sender role and organisation, critical task, TLP, priority,
 * move, condition, delay, questions, texts per language), then the play: the time since T+0, when a
 * condition fired, and per recipient team when the inject was delivered, acknowledged and answered,
 * the answer, the grade and the expected actions met. Times are wall-clock ISO 8601 at the start
 * date's offset and elapsed times are T+HH:MM:SS of one width, so that every time column sorts as text.
 * Re-importing the file gives back the injects as played (the play columns are named as not imported).
 */
import { stringify } from 'csv-stringify/sync';
import { type ExerciseState, formatDuration, type InjectT, parseDuration } from '../../engine/index.ts';
import type { MselField } from '../msel/columns.ts';
import { languagesOf } from '../msel/text.ts';
import { offsetMinutes } from '../msel/time.ts';
import { cells, TEXT_VALUES } from './msel-csv.ts';
import { civilDate, pad, parseIsoDateTime } from '../lib/timestamps.ts';

export function playedInjects(scenarioInjects: readonly InjectT[] | undefined, state: ExerciseState): InjectT[] {
  const adhoc = Object.values(state.injects)
    .filter((rt) => rt.adhoc !== null)
    .sort((a, b) => (a.adhoc as { t: number }).t - (b.adhoc as { t: number }).t || (a.id < b.id ? -1 : 1))
    .map((rt): InjectT => {
      const { t, title, to, channel, from, tlp, content, asks, evaluation } = rt.adhoc as NonNullable<typeof rt.adhoc>;
      return {
        id: rt.id,
        title,
        at: formatDuration(t),
        to,
        channel,
        from,
        type: 'contingency',
        content,
        ...(tlp === undefined ? {} : { tlp }),
        ...(asks === undefined ? {} : { asks }),
        ...(evaluation === undefined ? {} : { evaluation }),
      };
    });
  return [...(scenarioInjects ?? []), ...adhoc];
}

/** HSEEP MSEL template columns in its order (the Crucible Blueprint HSEEP template), then the rest. */
const PLAYED_HEADERS: readonly (readonly [MselField | 'notes', string])[] = [
  ['id', 'Event Number'],
  ['at', 'Designated Scenario Time'],
  ['type', 'Event Type'],
  ['channel', 'Inject Mode'],
  ['from', 'From'],
  ['to', 'To'],
  ['content', 'Message'],
  ['expects', 'Expected Participant Response'],
  ['objective', 'Exercise Objective'],
  ['notes', 'Notes'],
  ['title', 'Event Title'],
  ['fromRole', 'From Role'],
  ['fromOrg', 'From Organisation'],
  ['task', 'Critical Task'],
  ['tlp', 'TLP'],
  ['priority', 'Priority'],
  ['move', 'Move'],
  ['when', 'When'],
  ['delay', 'Delay'],
  ['questions', 'Discussion Questions'],
];

const PER_TEAM = ['Delivered', 'Acknowledged', 'Answered', 'Answer', 'Grade', 'Expected Actions Met'] as const;

export interface PlayedMselOptions {
  /** T+0 as the scenario gives it (meta.startDate). */
  startDate: string;
  /** Blue team ids, in scenario order: one group of play columns each. */
  teams: readonly string[];
}

/** "2025-03-01T09:30:00+03:00" for T+1h30m of an exercise that starts at 08:00+03:00. */
function wallClock(start: number, offset: number, simMs: number): string {
  const t = start + simMs + offset * 60_000;
  const day = Math.floor(t / 86_400_000);
  const { y, m, d } = civilDate(day);
  const s = Math.floor((t - day * 86_400_000) / 1000);
  const sign = offset < 0 ? '-' : '+';
  return `${y}-${pad(m)}-${pad(d)}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The injects as played, as CSV text (UTF-8 with a byte-order mark, one row per inject). */
export function exportPlayedMsel(injects: readonly InjectT[], state: ExerciseState, options: PlayedMselOptions): string {
  const start = parseIsoDateTime(options.startDate) ?? 0;
  const offset = offsetMinutes(/(Z|[+-]\d{2}:?\d{2})$/i.exec(options.startDate.trim())?.[1]) ?? 0;
  const when = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : wallClock(start, offset, ms));
  const played = injects.map((i) => ({ i, rt: state.injects[i.id] }));
  const fired = (i: InjectT) => {
    const teams = Object.values(state.injects[i.id]?.teams ?? {});
    const t = teams.map((x) => x.deliveredAt ?? x.due).filter((x): x is number => x !== null);
    return t.length > 0 ? Math.min(...t) : null;
  };
  const maxMs = Math.max(0, ...played.map(({ i }) => fired(i) ?? 0));
  const width = Math.max(2, String(Math.floor(maxMs / 3_600_000)).length);
  const elapsed = (ms: number | null) => {
    if (ms === null) return '';
    const s = Math.floor(ms / 1000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `T+${String(Math.floor(s / 3600)).padStart(width, '0')}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
  };
  const layout = PLAYED_HEADERS.map(([field, header]) => {
    const values = field === 'notes' ? undefined : TEXT_VALUES[field];
    return { field, header, languages: values ? languagesOf(injects.flatMap(values)) : [] };
  });
  const head = [
    ...layout.map((c) => c.header),
    ...layout.flatMap((c) => c.languages.map((l) => `${c.header} (${l})`)),
    'Elapsed',
    'Condition Fired',
    ...options.teams.flatMap((t) => PER_TEAM.map((c) => `${t}: ${c}`)),
  ];
  const rows = played.map(({ i, rt }) => {
    // Every template column first, then the per-language columns (HSEEP's order stays unbroken).
    const all = layout.map((c) => {
      if (c.field === 'notes') return { main: rt?.adhoc ? 'ad-hoc inject fired by the white cell' : '', langs: [] };
      if (c.field === 'at') return { main: i.at === undefined ? '' : when(scheduled(i.at)), langs: [] };
      const v = cells(c.field, i, c.languages);
      return { main: v.main, langs: c.languages.map((_, k) => v.langs[k] ?? '') };
    });
    const base = [...all.map((v) => v.main), ...all.flatMap((v) => v.langs)];
    const f = fired(i);
    const perTeam = options.teams.flatMap((team) => {
      const x = rt?.teams[team];
      if (!x) return PER_TEAM.map(() => '');
      const met = x.expects.filter((e) => e.met === true).length;
      return [when(x.deliveredAt), when(x.ackAt), when(x.answeredAt), x.answer ?? '', x.grade === null ? '' : String(x.grade), x.expects.length > 0 ? `${met}/${x.expects.length}` : ''];
    });
    return [...base, elapsed(f), i.when !== undefined ? when(f) : '', ...perTeam];
  });
  return stringify([head, ...rows], { bom: true, record_delimiter: 'unix', quoted_match: /\r/ });
}

/** The time an inject was planned for (its `at`), in sim ms. */
function scheduled(at: string): number {
  const d = parseDuration(at);
  return d.ok ? d.ms : 0;
}
