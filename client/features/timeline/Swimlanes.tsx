/**
 * Swimlanes per team (SVG, d3 scales): red attempts (filled when they succeeded), detections
 * (ticks, hollow for false positives) and responses (bars from request to end), with a cursor at
 * the scrubbed time. Clicking the chart moves the cursor there.
 */
import { useMemo, useRef } from 'react';
import { scaleLinear } from 'd3';
import { localText } from '../../../engine/constants.ts';
import { useDirection, useLang, useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';
import type { LaneMarks } from './lanes.ts';
import type { TruthView } from './source.ts';
import { useWidth } from '../shell/useWidth.ts';

const LABEL = 150;
const ROW = 15;
const LANE = ROW * 3 + 16;
const TOP = 22;

export function Swimlanes({ lanes, teams, start, end, cursor, onSeek }: { lanes: LaneMarks[]; teams: TruthView['teams']; start: number; end: number; cursor: number; onSeek: (t: number) => void }) {
  const t = useT();
  const lang = useLang();
  const rtl = useDirection() === 'rtl';
  const svg = useRef<SVGSVGElement>(null);
  const [box, W] = useWidth<HTMLElement>(900);
  const height = TOP + lanes.length * LANE + 6;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([start, Math.max(end, start + 1)])
        .range(rtl ? [W - LABEL, 8] : [LABEL, W - 8])
        .clamp(true),
    [start, end, rtl, W],
  );
  const name = (id: string) => localText(teams.find((tm) => tm.id === id)?.name, lang) || id;
  const seek = (e: React.MouseEvent<SVGSVGElement>) => {
    const el = svg.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * W;
    onSeek(Math.round(x.invert(px)));
  };
  return (
    <figure className="swimlanes" ref={box}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on the lanes is a shortcut; the scrubber beside them seeks by keyboard */}
      <svg ref={svg} viewBox={`0 0 ${W} ${height}`} role="img" aria-label={t('timeline.swimlanes')} onClick={seek}>
        {x.ticks(8).map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={TOP - 4} y2={height} className="grid" />
            <text x={Math.max(18, Math.min(W - 18, x(v)))} y={12} className="axis" textAnchor="middle">
              {formatExerciseTime(v).slice(2, 7)}
            </text>
          </g>
        ))}
        {lanes.map((lane, i) => {
          const y0 = TOP + i * LANE;
          const labelX = rtl ? W - 6 : 6;
          return (
            <g key={lane.team} data-team={lane.team}>
              <rect x={0} y={y0} width={W} height={LANE - 6} className={i % 2 ? 'lane odd' : 'lane'} />
              <text x={labelX} y={y0 + 12} className="lane-team" textAnchor="start">
                {truncate(name(lane.team), 40)}
              </text>
              <text x={labelX} y={y0 + ROW + 11} className="lane-row" textAnchor="start">
                {t('timeline.red')}
              </text>
              <text x={labelX} y={y0 + 2 * ROW + 11} className="lane-row" textAnchor="start">
                {t('timeline.detections')}
              </text>
              <text x={labelX} y={y0 + 3 * ROW + 9} className="lane-row" textAnchor="start">
                {t('timeline.responses')}
              </text>
              {lane.red.map((r, k) => (
                <g key={`r${k}`}>
                  <circle cx={x(r.t)} cy={y0 + ROW + 7} r={4.5} className={r.ok ? 'mark red ok' : 'mark red'}>
                    <title>{`${r.step} → ${r.node} ${formatExerciseTime(r.t)}`}</title>
                  </circle>
                  {r.detectedAt !== null ? <line x1={x(r.t)} x2={x(r.detectedAt)} y1={y0 + ROW + 7} y2={y0 + 2 * ROW + 7} className="link-detect" /> : null}
                </g>
              ))}
              {lane.detections.map((d, k) => (
                <rect key={`d${k}`} x={x(d.t) - 1.5} y={y0 + 2 * ROW + 1} width={3} height={12} className={d.falsePositive ? 'mark det fp' : 'mark det'}>
                  <title>{`${d.node} ${formatExerciseTime(d.t)}`}</title>
                </rect>
              ))}
              {lane.responses.map((r, k) => (
                <rect key={`a${k}`} x={Math.min(x(r.start), x(r.end))} y={y0 + 3 * ROW} width={Math.max(3, Math.abs(x(r.end) - x(r.start)))} height={10} rx={2} className={`mark resp st-${r.status}`}>
                  <title>{`${r.kind} ${r.target} ${formatExerciseTime(r.start)}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
        <line x1={x(cursor)} x2={x(cursor)} y1={TOP - 6} y2={height} className="cursor" />
      </svg>
      <figcaption className="chart-legend">
        <span>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4.5" className="mark red ok" />
          </svg>{' '}
          {t('timeline.legend.redOk')}
        </span>
        <span>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4.5" className="mark red" />
          </svg>{' '}
          {t('timeline.legend.redFail')}
        </span>
        <span>
          <svg width="6" height="12" aria-hidden="true">
            <rect x="1" y="0" width="3" height="12" className="mark det" />
          </svg>{' '}
          {t('timeline.legend.detection')}
        </span>
        <span>
          <svg width="6" height="12" aria-hidden="true">
            <rect x="1" y="0" width="3" height="12" className="mark det fp" />
          </svg>{' '}
          {t('timeline.legend.falsePositive')}
        </span>
        <span>
          <svg width="16" height="10" aria-hidden="true">
            <rect width="16" height="10" rx="2" className="mark resp st-done" />
          </svg>{' '}
          {t('timeline.legend.response')}
        </span>
      </figcaption>
    </figure>
  );
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
