/**
 * Score over time as lines (d3 scales and line shapes in SVG). Time runs in the reading direction:
 * left to right, mirrored in right-to-left interfaces.
 */
import { useMemo } from 'react';
import { line, scaleLinear } from 'd3';
import { useDirection } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';
import { useWidth } from '../shell/useWidth.ts';

export interface Series {
  id: string;
  label: string;
  color: string;
  points: { t: number; v: number }[];
}

const MIN_W = 320;
const H = 220;
const M = { top: 12, right: 16, bottom: 26, left: 40 };

export function ScoreChart({ series, title, cursor, yMax = 100 }: { series: Series[]; title: string; cursor?: number; yMax?: number }) {
  const rtl = useDirection() === 'rtl';
  const [box, width] = useWidth<HTMLElement>(640);
  const W = Math.max(MIN_W, width);
  const { x, y, paths, ticks } = useMemo(() => {
    const tMax = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.t)), cursor ?? 0);
    // The axis labels sit at the start side: the margins swap with the direction.
    const x = scaleLinear()
      .domain([0, tMax])
      .range(rtl ? [W - M.left, M.right] : [M.left, W - M.right]);
    const y = scaleLinear()
      .domain([0, yMax])
      .range([H - M.bottom, M.top]);
    const shape = line<{ t: number; v: number }>()
      .x((p) => x(p.t))
      .y((p) => y(p.v));
    return { x, y, paths: series.map((s) => ({ s, d: shape(s.points) ?? '' })), ticks: x.ticks(5) };
  }, [series, rtl, yMax, cursor, W]);
  return (
    <figure className="chart" ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        {y.ticks(4).map((v) => (
          <g key={`y${v}`}>
            <line x1={rtl ? M.right : M.left} x2={rtl ? W - M.left : W - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={rtl ? W - M.left + 6 : M.left - 6} y={y(v)} className="axis" textAnchor={rtl ? 'start' : 'end'} direction="ltr" dominantBaseline="middle">
              {v}
            </text>
          </g>
        ))}
        {ticks.map((v) => (
          <text key={`x${v}`} x={Math.max(24, Math.min(W - 24, x(v)))} y={H - 8} className="axis" textAnchor="middle">
            {formatExerciseTime(v).slice(2)}
          </text>
        ))}
        {paths.map(({ s, d }) => (
          <path key={s.id} d={d} fill="none" stroke={s.color} strokeWidth={2} />
        ))}
        {cursor !== undefined ? <line x1={x(cursor)} x2={x(cursor)} y1={M.top} y2={H - M.bottom} className="cursor" /> : null}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.id}>
            <svg width="14" height="4" aria-hidden="true">
              <rect width="14" height="4" fill={s.color} />
            </svg>{' '}
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export const CATEGORY_COLORS: Record<string, string> = {
  composite: '#e6edf3',
  availability: '#4cc38a',
  detection: '#f5c542',
  response: '#5aa9f0',
  reporting: '#b57ee8',
  cooperation: '#e864b0',
  penalties: '#f03e3e',
};

/** A palette for teams without a colour of their own. */
export const TEAM_PALETTE = ['#5aa9f0', '#4cc38a', '#f5c542', '#e864b0', '#b57ee8', '#f08c3a', '#63e6be', '#ff8787', '#a9e34b', '#74c0fc'];
