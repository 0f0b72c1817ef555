/** The map's legend: status colours, kind shapes, the isolation ring and the alert badge. */
import { useT } from '../i18n/react.tsx';
import type { NodeStatus } from './model.ts';
import { ISOLATED_RING, SHAPE_LEGEND, STATUS_COLOR, type Shape } from './style.ts';

function ShapeIcon({ shape, color }: { shape: Shape; color: string }) {
  const common = { fill: color };
  return (
    <svg className="legend-icon" viewBox="-8 -8 16 16" width="14" height="14" aria-hidden="true">
      {shape === 'circle' && <circle r="6" {...common} />}
      {shape === 'square' && <rect x="-5.5" y="-5.5" width="11" height="11" {...common} />}
      {shape === 'diamond' && <polygon points="0,-7 7,0 0,7 -7,0" {...common} />}
      {shape === 'triangle' && <polygon points="0,-7 6.5,5 -6.5,5" {...common} />}
    </svg>
  );
}

export function Legend({ statuses }: { statuses: readonly NodeStatus[] }) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of swatches, not form fields
    <div className="legend" aria-label={t('map.legend')} role="group">
      <ul>
        {statuses.map((s) => (
          <li key={s}>
            <ShapeIcon shape="circle" color={STATUS_COLOR[s]} />
            {t(`status.${s}`)}
          </li>
        ))}
        <li>
          <svg className="legend-icon" viewBox="-8 -8 16 16" width="14" height="14" aria-hidden="true">
            <circle r="6" fill="none" stroke={ISOLATED_RING} strokeWidth="1.6" strokeDasharray="2.5 2" />
          </svg>
          {t('status.isolated')}
        </li>
        <li>
          <svg className="legend-icon" viewBox="-8 -8 16 16" width="14" height="14" aria-hidden="true">
            <circle r="3.5" fill="#ffe08a" />
          </svg>
          {t('map.alertBadge')}
        </li>
      </ul>
      <ul>
        {SHAPE_LEGEND.map((s) => (
          <li key={s.shape}>
            <ShapeIcon shape={s.shape} color="#c3ceda" />
            {t(s.key)}
          </li>
        ))}
      </ul>
    </div>
  );
}
