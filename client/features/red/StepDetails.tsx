/** The details of a campaign step picked in the graph or the table: timing, targets, hits and attempts. */
import type { RedStepView } from '../../../engine/types.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { SimTime } from '../shell/Clock.tsx';
import { StatusChip } from '../shell/Bits.tsx';

export function StepDetails({ step, names, onClose }: { step: RedStepView /** A step's name by its id (preconditions). */; names: (id: string) => string; onClose: () => void }) {
  const t = useT();
  const list = (ids: string[], name = (id: string) => id) => (ids.length === 0 ? '—' : <bdi>{ids.map(name).join(', ')}</bdi>);
  return (
    <section className="step-details" aria-label={t('red.details')} data-testid="step-details" data-step={step.id}>
      <header className="panel-head">
        <h3>
          <LocalTextView text={step.name} />
        </h3>
        <StatusChip status={step.status} prefix="redStatus" />
        <button type="button" className="small" onClick={onClose}>
          {t('map.closeDetails')}
        </button>
      </header>
      <dl className="facts">
        <dt>{t('red.technique')}</dt>
        <dd className="mono" dir="ltr">
          {step.technique}
          {step.tactic ? ` · ${step.tactic}` : ''}
        </dd>
        <dt>{t('red.mode.manual')}</dt>
        <dd>{step.manual ? '✓' : '—'}</dd>
        <dt>{t('red.due')}</dt>
        <dd>{step.due !== null ? <SimTime t={step.due} /> : '—'}</dd>
        <dt>{t('red.started')}</dt>
        <dd>{step.startedAt !== null ? <SimTime t={step.startedAt} /> : '—'}</dd>
        <dt>{t('red.ended')}</dt>
        <dd>{step.endedAt !== null ? <SimTime t={step.endedAt} /> : '—'}</dd>
        <dt>{t('red.requires')}</dt>
        <dd>{list([...step.requires, ...step.requiresAny], names)}</dd>
        <dt>{t('red.targets')}</dt>
        <dd>{list(step.targets)}</dd>
        <dt>{t('red.hits')}</dt>
        <dd>{list(step.hits)}</dd>
      </dl>
      {step.attempts.length > 0 ? (
        <table className="attempts">
          <caption>{t('red.attempts')}</caption>
          <tbody>
            {step.attempts.map((a, i) => (
              <tr key={i}>
                <td>
                  <SimTime t={a.t} />
                </td>
                <td>
                  <bdi className="mono">{a.node}</bdi>
                </td>
                <td className={a.ok ? 'ok' : 'muted'}>{a.ok ? t('red.attemptOk') : a.unreachable ? t('red.attemptUnreachable') : t('red.attemptFailed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
