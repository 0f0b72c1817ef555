/**
 * Response actions: pick an action from the catalog and its target (the nodes selected on the map,
 * a segment, or an indicator), send one command per node, and follow each action's progress to
 * its result.
 */
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useEffect, useState } from 'react';
import type { ActionView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useView } from '../../store/react.ts';
import { SimTime, useClockTime } from '../shell/Clock.tsx';
import { Empty, StatusChip } from '../shell/Bits.tsx';
import { describeTarget, panelActions, progress, targetKind, targetsFor } from './targets.ts';
import { formatSpan } from '../../i18n/time.ts';

export interface ActionPanelProps {
  selected: ReadonlySet<string>;
  onClearSelection: () => void;
  /** An indicator chosen elsewhere (an alert's "block"). */
  indicator: string | null;
}

function ActionRow({ action, now }: { action: ActionView; now: number }) {
  const t = useT();
  const lang = useLang();
  const view = useView('blue');
  const cancel = useCommand();
  const cancelWhy = useWhyNot('cancel-action', cancel.pending);
  const entry = view?.catalog.find((c) => c.id === action.action);
  const p = progress(action, now);
  const live = action.status === 'requested' || action.status === 'inProgress';
  return (
    <li className={`action-row a-${action.status}`} data-action={action.id} data-status={action.status} data-target={describeTarget(action.target)}>
      <div className="action-line">
        <strong>{entry ? localText(entry.name, lang) || t(`actionKind.${entry.kind}`) : t(`actionKind.${action.kind}`)}</strong>
        <bdi className="mono">{describeTarget(action.target)}</bdi>
        <StatusChip status={action.status} prefix="actionStatus" />
        {action.onBehalfOf ? <span className="chip">{t('actions.onBehalf', { team: action.onBehalfOf })}</span> : null}
      </div>
      <progress max={1} value={p} aria-label={t('actions.progress')} />
      <div className="action-line muted">
        <SimTime t={action.requestedAt} /> → <SimTime t={action.endedAt ?? action.due} />
        {action.result ? <span dir="auto"> · {action.result}</span> : null}
        {live ? (
          <button type="button" className="small" disabled={cancelWhy !== null} onClick={() => void cancel.run({ type: 'cancel-action', id: action.id })}>
            {t('actions.cancel')}
          </button>
        ) : null}
      </div>
      {cancel.error ? (
        <div role="alert" className="error">
          {cancel.error}
        </div>
      ) : null}
    </li>
  );
}

export function ActionPanel({ selected, onClearSelection, indicator }: ActionPanelProps) {
  const t = useT();
  const lang = useLang();
  const view = useView('blue');
  const send = useCommand();
  const sendWhy = useWhyNot('action', send.pending);
  const now = useClockTime(view?.clock ?? null);
  const actions = panelActions(view?.catalog ?? []);
  const [actionId, setActionId] = useState('');
  const [segment, setSegment] = useState('');
  const [ind, setInd] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const entry = actions.find((a) => a.id === actionId) ?? actions[0];

  // Only when a new indicator is handed over (not when the catalog is re-read): deliberately not on `actions`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (indicator) {
      setInd(indicator);
      const block = actions.find((a) => a.kind === 'block-indicator');
      if (block) setActionId(block.id);
    }
  }, [indicator]);

  if (!view) return null;
  const kind = entry ? targetKind(entry.kind) : 'none';
  const targets = entry ? targetsFor(entry.kind, { nodes: [...selected], segment, indicator: ind }) : [];

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!entry) return;
    let ok = 0;
    for (const target of targets) if (await send.run({ type: 'action', action: entry.id, target })) ok++;
    setSent(ok);
    if (ok === targets.length && kind === 'node') onClearSelection();
  };

  const ordered = [...view.actions].sort((a, b) => b.requestedAt - a.requestedAt);
  return (
    <div className="actions">
      <form onSubmit={submit} className="form action-form">
        <label>
          {t('actions.action')}
          <select value={entry?.id ?? ''} onChange={(e) => setActionId(e.target.value)} data-testid="action-select">
            {actions.map((a) => (
              <option key={a.id} value={a.id}>
                {localText(a.name, lang) || t(`actionKind.${a.kind}`)} ({formatSpan(a.duration)})
              </option>
            ))}
          </select>
        </label>
        {entry?.description ? (
          <p className="muted" dir="auto">
            {localText(entry.description, lang)}
          </p>
        ) : null}
        {view.assistance.mayActFor.map((m) => (
          <p key={m.team} className="ok" data-testid="may-act-for" data-team={m.team}>
            {t('actions.mayActFor', { team: localText(view.partners.find((p) => p.id === m.team)?.name, lang) || m.team })} <SimTime t={m.until} />
          </p>
        ))}
        {kind === 'node' ? (
          <div className="target">
            <span>{t('actions.nodes')}</span>
            {selected.size === 0 ? (
              <span className="muted">{t('actions.pickOnMap')}</span>
            ) : (
              <ul className="chips">
                {[...selected].map((n) => (
                  <li key={n} className="chip">
                    <bdi>{n}</bdi>
                  </li>
                ))}
              </ul>
            )}
            {selected.size > 0 ? (
              <button type="button" className="small" onClick={onClearSelection}>
                {t('actions.clear')}
              </button>
            ) : null}
          </div>
        ) : null}
        {kind === 'segment' ? (
          <label>
            {t('actions.segment')}
            <select value={segment} onChange={(e) => setSegment(e.target.value)}>
              <option value="">—</option>
              {view.segments
                .filter((s) => s.own || s.grantedUntil !== undefined)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {localText(s.name, lang) || s.id}
                  </option>
                ))}
            </select>
          </label>
        ) : null}
        {kind === 'indicator' ? (
          <label>
            {t('actions.indicator')}
            <input value={ind} onChange={(e) => setInd(e.target.value)} dir="ltr" className="mono" list="seen-indicators" />
            <datalist id="seen-indicators">
              {[...new Set(view.alerts.flatMap((a) => a.indicators))].map((i) => (
                <option key={i} value={i} />
              ))}
            </datalist>
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={sendWhy !== null || targets.length === 0} data-testid="action-submit">
          {t('actions.send', { count: targets.length })}
        </button>
        <WhyNot reason={sendWhy} />
        {send.error ? (
          <div role="alert" className="error">
            {send.error}
          </div>
        ) : sent !== null ? (
          <p role="status" className="muted">
            {t('actions.sent', { count: sent })}
          </p>
        ) : null}
      </form>
      <h3>{t('actions.list')}</h3>
      {ordered.length === 0 ? (
        <Empty>{t('actions.none')}</Empty>
      ) : (
        <ul className="action-list">
          {ordered.map((a) => (
            <ActionRow key={a.id} action={a} now={now} />
          ))}
        </ul>
      )}
    </div>
  );
}
