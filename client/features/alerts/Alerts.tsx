/** A blue team's alerts, newest first: what its sensors raised, with the indicators they carry. */
import type { Alert } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { useView } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';
import { visibleControls } from '../../i18n/visible.ts';

/** Long indicators (hashes) as their head and tail: the full value is in the title and is what gets blocked. */
export function shortIndicator(value: string): string {
  return value.length > 28 ? `${value.slice(0, 12)}…${value.slice(-8)}` : value;
}

export interface AlertsProps {
  /** Offer "block" and "use in report" for an indicator. */
  onBlock?: (indicator: string) => void;
  onReport?: (alert: Alert) => void;
  onSelectNode?: (node: string) => void;
}

export function Alerts({ onBlock, onReport, onSelectNode }: AlertsProps) {
  const t = useT();
  const view = useView('blue');
  if (!view) return null;
  if (view.alerts.length === 0) return <Empty>{t('alerts.empty')}</Empty>;
  const alerts = [...view.alerts].reverse();
  const blocked = new Set(view.blocked.map((b) => b.value));
  return (
    <div className="table-scroll">
      <p className="muted">{t('alerts.count', { count: view.alertCount })}</p>
      <table className="alerts">
        <thead>
          <tr>
            <th scope="col">{t('alerts.time')}</th>
            <th scope="col">{t('alerts.node')}</th>
            <th scope="col">{t('alerts.source')}</th>
            <th scope="col">{t('alerts.technique')}</th>
            <th scope="col">{t('alerts.severity')}</th>
            <th scope="col">{t('alerts.indicators')}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} className={`sev-${a.severity}`} data-alert={a.id}>
              <td>
                <SimTime t={a.t} />
              </td>
              <td className="nowrap">
                {onSelectNode ? (
                  <button type="button" className="link" onClick={() => onSelectNode(a.node)}>
                    <bdi>{a.node}</bdi>
                  </button>
                ) : (
                  <bdi>{a.node}</bdi>
                )}
              </td>
              <td>{t(`source.${a.source}`)}</td>
              <td className="mono">{a.technique}</td>
              <td>
                <span className={`sev sev-${a.severity}`}>{t(`severity.${a.severity}`)}</span>
              </td>
              <td>
                <ul className="indicators">
                  {a.indicators.map((ind) => (
                    <li key={ind}>
                      <code dir="ltr" title={visibleControls(ind)}>
                        {shortIndicator(visibleControls(ind))}
                      </code>
                      {blocked.has(ind) ? (
                        <span className="muted"> {t('alerts.blocked')}</span>
                      ) : onBlock ? (
                        <button type="button" className="small" onClick={() => onBlock(ind)}>
                          {t('alerts.block')}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {onReport && a.indicators.length > 0 ? (
                  <button type="button" className="small" onClick={() => onReport(a)}>
                    {t('alerts.toReport')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
