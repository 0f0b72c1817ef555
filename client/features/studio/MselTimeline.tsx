/**
 * The MSEL as a timeline per blue team: a lane per team, a mark per inject at its time (filled when
 * scheduled, hollow when it waits on a condition, at its not-before time or at T+0), the exercise's
 * duration as the axis. SVG drawn from a pure layout (`layoutTimeline`); mirrored right to left.
 */
import { localText } from '../../../engine/constants.ts';
import { formatSimTime } from '../../../engine/constants.ts';
import { useDirection, useLang } from '../../i18n/react.tsx';
import { useStudioT } from './i18n/texts.ts';
import type { StudioModel } from './model.ts';

const ROW_H = 14;
/** Closest two marks may be in one row, as a share of the span (about their width at 640 px). */
const MIN_GAP = 0.02;
const LABEL_W = 90;
const WIDTH = 640;

/** `row`: marks too close to an earlier one in their lane go a row down, so none hides another. */
export interface TimelineMark {
  inject: string;
  team: string;
  lane: number;
  row: number;
  x: number;
  conditional: boolean;
  atMs: number | null;
}
export interface TimelineLayout {
  lanes: { team: string; label: string; rows: number }[];
  marks: TimelineMark[];
  spanMs: number;
  ticks: { x: number; ms: number }[];
}

/** Lanes (blue teams, in the scenario's order) and marks at x in [0, 1] of the span. */
export function layoutTimeline(model: StudioModel, durationMs: number | null, lang = 'en'): TimelineLayout {
  const blue = model.teams.filter((t) => t.role === 'blue');
  const lanes = blue.map((t) => ({ team: t.id, label: localText(t.name, lang) || t.id, rows: 1 }));
  const rowEnds = blue.map((): number[] => []);
  const laneOf = new Map(blue.map((t, i) => [t.id, i]));
  const latest = Math.max(0, ...model.injects.map((i) => i.atMs ?? 0));
  const spanMs = Math.max(durationMs ?? 0, latest, 60_000);
  const marks: TimelineMark[] = [];
  const untimed = new Map<number, number>();
  const place = (inject: StudioModel['injects'][number], team: string, lane: number): void => {
    const ends = rowEnds[lane] as number[];
    let x = (inject.atMs ?? 0) / spanMs;
    let row: number;
    if (inject.atMs === null) {
      // Waiting on a condition with no not-before time: side by side on a row of their own, below.
      const k = untimed.get(lane) ?? 0;
      untimed.set(lane, k + 1);
      x = (k * MIN_GAP) % 1;
      row = -1;
    } else {
      row = ends.findIndex((end) => x >= end + MIN_GAP);
      if (row < 0) row = ends.length;
      ends[row] = x;
    }
    marks.push({ inject: inject.id, team, lane, row, x, conditional: inject.conditional, atMs: inject.atMs });
  };
  for (const inject of model.injects) {
    for (const team of inject.to) {
      const lane = laneOf.get(team);
      if (lane !== undefined) place(inject, team, lane);
    }
  }
  lanes.forEach((lane, i) => {
    const timedRows = Math.max(1, (rowEnds[i] as number[]).length);
    lane.rows = timedRows + (untimed.has(i) ? 1 : 0);
    for (const m of marks) if (m.lane === i && m.row < 0) m.row = timedRows;
  });
  const step = [15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * 60_000).find((s) => spanMs / s <= 8) ?? 2880 * 60_000;
  const ticks: { x: number; ms: number }[] = [];
  for (let ms = 0; ms <= spanMs; ms += step) ticks.push({ x: ms / spanMs, ms });
  return { lanes, marks, spanMs, ticks };
}

export function MselTimeline({ model, selected, onPick, durationMs }: { model: StudioModel; selected: string | null; onPick: (inject: string) => void; durationMs: number | null }) {
  const t = useStudioT();
  const lang = useLang();
  const rtl = useDirection() === 'rtl';
  const layout = layoutTimeline(model, durationMs, lang);
  if (layout.lanes.length === 0) return <p className="muted">{t('studio.noTeams')}</p>;
  const plot = WIDTH - LABEL_W - 16;
  const xOf = (x: number) => (rtl ? WIDTH - LABEL_W - 8 - x * plot : LABEL_W + 8 + x * plot);
  const laneTop: number[] = [];
  let y = 0;
  for (const lane of layout.lanes) {
    laneTop.push(y);
    y += lane.rows * ROW_H + 10;
  }
  const height = y + 24;
  const titles = new Map(model.injects.map((i) => [i.id, localText(i.title, lang) || i.id]));
  return (
    <svg className="studio-timeline" width={WIDTH} height={height} aria-label={t('studio.timeline')}>
      {layout.ticks.map((tick) => (
        <g key={tick.ms}>
          <line x1={xOf(tick.x)} x2={xOf(tick.x)} y1={0} y2={height - 18} className="tick" />
          <text x={xOf(tick.x)} y={height - 4} className="tick-label" textAnchor="middle">
            {formatSimTime(tick.ms).replace(/:00$/, '')}
          </text>
        </g>
      ))}
      {layout.lanes.map((lane, i) => (
        <text key={lane.team} x={rtl ? WIDTH - 4 : 4} y={(laneTop[i] ?? 0) + 12} className="lane-label" textAnchor="start">
          {lane.label.slice(0, 12)}
        </text>
      ))}
      {layout.marks.map((m) => {
        const isSel = m.inject === selected;
        const when = m.atMs === null ? t('studio.onCondition') : formatSimTime(m.atMs);
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>; it has the button role, focus and Enter/Space
          <circle
            key={`${m.inject}@${m.team}`}
            cx={xOf(m.x)}
            cy={(laneTop[m.lane] ?? 0) + 8 + m.row * ROW_H}
            r={isSel ? 6 : 5}
            className={`mark${m.conditional ? ' conditional' : ''}${isSel ? ' selected' : ''}`}
            data-inject={m.inject}
            data-team={m.team}
            role="button"
            tabIndex={0}
            aria-label={`${m.inject} · ${m.team} · ${when}`}
            onClick={() => onPick(m.inject)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(m.inject);
              }
            }}
          >
            <title>{`${titles.get(m.inject) ?? m.inject} · ${when}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}
