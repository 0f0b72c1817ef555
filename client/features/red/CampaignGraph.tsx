/** A red campaign drawn as a graph of steps (SVG): status by colour and label, preconditions as arrows. */
import { useMemo } from 'react';
import type { RedStepView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { useDirection, useLang, useT } from '../../i18n/react.tsx';
import { layoutCampaign, type GraphStep } from './graph.ts';

const COL_W = 190;
const ROW_H = 64;
const BOX_W = 168;
const BOX_H = 50;

/** Step colours as the defenders read them: a step that succeeded is bad news (red), one that failed good (green). */
export const STEP_COLORS: Record<string, string> = {
  pending: '#5c6b7a',
  ready: '#5aa9f0',
  held: '#f5c542',
  running: '#f08c3a',
  succeeded: '#f03e3e',
  failed: '#4cc38a',
  aborted: '#93a4b6',
};
/** On the red cell's own console the other way round: its steps that succeeded are green, those that failed red. */
export const RED_STEP_COLORS: Record<string, string> = { ...STEP_COLORS, succeeded: '#4cc38a', failed: '#f03e3e' };

export function stepColors(perspective: 'red' | 'defence'): Record<string, string> {
  return perspective === 'red' ? RED_STEP_COLORS : STEP_COLORS;
}

export function CampaignGraph({
  steps,
  selected,
  onSelect,
  perspective = 'defence',
}: {
  steps: RedStepView[];
  selected?: string | null;
  onSelect?: (id: string) => void;
  perspective?: 'red' | 'defence';
}) {
  const colors = stepColors(perspective);
  const t = useT();
  const lang = useLang();
  const rtl = useDirection() === 'rtl';
  const layout = useMemo(() => layoutCampaign(steps.map((s): GraphStep => ({ id: s.id, tactic: s.tactic, requires: s.requires, requiresAny: s.requiresAny }))), [steps]);
  const width = Math.max(1, layout.columns) * COL_W + 20;
  const top = layout.by === 'tactic' ? 22 : 0;
  const height = Math.max(1, layout.rows) * ROW_H + 20 + top;
  const pos = (id: string) => {
    const p = layout.at.get(id) ?? { col: 0, row: 0 };
    const x = 10 + p.col * COL_W;
    return { x: rtl ? width - x - BOX_W : x, y: 10 + top + p.row * ROW_H };
  };
  return (
    <div className="graph-scroll">
      <svg className="campaign-graph" width={width} height={height} role="img" aria-label={t('red.graph')}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#93a4b6" />
          </marker>
        </defs>
        {layout.columnTactics.map((tactic, c) => {
          const x = 10 + c * COL_W;
          return (
            <text key={tactic || c} x={rtl ? width - x : x} y={16} className="tactic-label" textAnchor="start">
              {tactic || '—'}
            </text>
          );
        })}
        {layout.edges.map((e) => {
          const a = pos(e.from);
          const b = pos(e.to);
          const x1 = rtl ? a.x : a.x + BOX_W;
          const x2 = rtl ? b.x + BOX_W : b.x;
          const y1 = a.y + BOX_H / 2;
          const y2 = b.y + BOX_H / 2;
          const mid = (x1 + x2) / 2;
          return <path key={`${e.from}-${e.to}`} d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`} className={e.any ? 'edge any' : 'edge'} markerEnd="url(#arrow)" />;
        })}
        {steps.map((s) => {
          const p = pos(s.id);
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a selectable step is given the button role and Enter/Space below
            <g
              key={s.id}
              transform={`translate(${p.x},${p.y})`}
              className={`step st-${s.status}${selected === s.id ? ' selected' : ''}`}
              data-step={s.id}
              data-status={s.status}
              role={onSelect ? 'button' : undefined}
              tabIndex={onSelect ? 0 : undefined}
              onClick={onSelect ? () => onSelect(s.id) : undefined}
              onKeyDown={
                onSelect
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onSelect(s.id);
                      }
                    }
                  : undefined
              }
            >
              <title>{`${localText(s.name, lang) || s.id} · ${s.technique} · ${t(`redStatus.${s.status}`)}`}</title>
              <rect width={BOX_W} height={BOX_H} rx={5} fill="#16212e" stroke={colors[s.status] ?? '#888'} strokeWidth={selected === s.id ? 3 : 2} />
              <rect width={6} height={BOX_H} x={rtl ? BOX_W - 6 : 0} rx={2} fill={colors[s.status] ?? '#888'} />
              <text x={rtl ? BOX_W - 14 : 14} y={18} className="step-name" textAnchor="start">
                {truncate(localText(s.name, lang) || s.id, 22)}
              </text>
              <text x={rtl ? BOX_W - 14 : 14} y={36} className="step-meta" textAnchor="start">
                {s.technique} · {t(`redStatus.${s.status}`)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend-inline" aria-label={t('map.legend')}>
        {Object.entries(colors).map(([status, color]) => (
          <li key={status}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" rx="2" fill={color} />
            </svg>
            {t(`redStatus.${status}`)} <span className="muted">({steps.filter((st) => st.status === status).length})</span>
          </li>
        ))}
      </ul>
      {layout.by === 'tactic' ? <p className="muted">{t('red.byTactic')}</p> : null}
    </div>
  );
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
