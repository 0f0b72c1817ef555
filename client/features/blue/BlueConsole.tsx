/**
 * The blue team's console: its network map, and tabs for the situation manual (tabletop moves), the
 * inbox, alerts, response actions,
 * intelligence exchange, assistance, situation reports and its score over time.
 */
import { useMemo, useState } from 'react';
import type { Alert, BlueView } from '../../../engine/types.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';
import { ActionPanel } from '../actions/ActionPanel.tsx';
import { Alerts } from '../alerts/Alerts.tsx';
import { AssistPanel } from '../assist/AssistPanel.tsx';
import { Inbox, unread } from '../inbox/Inbox.tsx';
import { IntelPanel, type Draft } from '../intel/IntelPanel.tsx';
import { ScorePanel } from '../scores/ScorePanel.tsx';
import { ConsoleHeader } from '../shell/ConsoleHeader.tsx';
import { Tabs } from '../shell/Tabs.tsx';
import { SitrepPanel } from '../sitrep/SitrepPanel.tsx';
import { ManualPanel, openQuestions } from '../manual/ManualPanel.tsx';
import { BlueMap } from './BlueMap.tsx';
import { useSelection } from './useSelection.ts';

export default function BlueConsole() {
  const t = useT();
  const team = useSession((s) => (s.view as BlueView).team);
  const inboxUnread = useSession((s) => unread((s.view as BlueView).inbox));
  const alertCount = useSession((s) => (s.view as BlueView).alertCount);
  const pendingAssist = useSession((s) => (s.view as BlueView).assistance.received.filter((r) => r.status === 'requested').length);
  const intelUnapplied = useSession((s) => {
    const v = s.view as BlueView;
    return v.intel.received.filter((r) => r.appliedBy[v.team.id] === undefined).length;
  });
  const score = useSession((s) => (s.view as BlueView).score);
  const manualOpen = useSession((s) => openQuestions(s.view as BlueView));
  const hasManual = useSession((s) => (s.view as BlueView).manual.length > 0);
  const [tab, setTab] = useState(() => (hasManual ? 'manual' : 'inbox'));
  const { selected: picked, select, clear } = useSelection();
  // A partner's node leaves the view when its grant runs out: it leaves the selection too.
  const nodes = useSession((s) => (s.view as BlueView).nodes);
  const selected = useMemo<ReadonlySet<string>>(() => new Set([...picked].filter((id) => nodes.some((n) => n.id === id))), [picked, nodes]);
  const [indicator, setIndicator] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  const onBlock = (value: string) => {
    setIndicator(value);
    setTab('actions');
  };
  const onReport = (alert: Alert) => {
    setDraft({ indicators: alert.indicators, technique: alert.technique, title: `${alert.technique} · ${alert.node}` });
    setTab('intel');
  };
  const onSelectNode = (node: string) => select(node, false);

  return (
    <div className="console blue-console" data-console="blue">
      <ConsoleHeader
        seatLabel={
          <>
            {t('role.blue')} · <LocalTextView text={team.name} />
            {team.nation ? ` (${team.nation})` : ''}
          </>
        }
      >
        <div className="head-score">
          <span className="muted">{t('score.composite')}</span>{' '}
          <strong className="mono" data-testid="head-score">
            {score.current.composite === null ? t('score.withheld') : score.current.composite.toFixed(1)}
          </strong>
        </div>
      </ConsoleHeader>
      <main className="console-main">
        <BlueMap selected={selected} onSelect={select} />
        <section className="panel side" aria-label={t('blue.workspace')}>
          <Tabs
            label={t('blue.workspace')}
            active={tab}
            onChange={setTab}
            tabs={[
              ...(hasManual ? [{ id: 'manual', label: t('tab.manual'), badge: manualOpen, render: () => <ManualPanel /> }] : []),
              { id: 'inbox', label: t('tab.inbox'), badge: inboxUnread, render: () => <Inbox /> },
              { id: 'alerts', label: t('tab.alerts'), badge: alertCount, render: () => <Alerts onBlock={onBlock} onReport={onReport} onSelectNode={onSelectNode} /> },
              { id: 'actions', label: t('tab.actions'), badge: selected.size, render: () => <ActionPanel selected={selected} onClearSelection={clear} indicator={indicator} /> },
              { id: 'intel', label: t('tab.intel'), badge: intelUnapplied, render: () => <IntelPanel draft={draft} /> },
              { id: 'assist', label: t('tab.assist'), badge: pendingAssist, render: () => <AssistPanel /> },
              { id: 'sitrep', label: t('tab.sitrep'), render: () => <SitrepPanel /> },
              { id: 'score', label: t('tab.score'), render: () => <ScorePanel score={score} /> },
            ]}
          />
        </section>
      </main>
    </div>
  );
}
