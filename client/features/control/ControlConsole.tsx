/**
 * The controller's (white cell's) console: clock controls, the ground-truth map, and tabs for the
 * situation manual with every team's answers (when the scenario has moves), the MSEL board, team status, adjudication queue, ad-hoc injects, scores, the red campaign and seats;
 * the live event feed below.
 */
import { useState } from 'react';
import type { WhiteView } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';
import { EventFeed } from '../feed/EventFeed.tsx';
import { CampaignView } from '../red/RedConsole.tsx';
import { TeamsScoreChart } from '../scores/ScorePanel.tsx';
import { ConsoleHeader } from '../shell/ConsoleHeader.tsx';
import { Exports } from '../exports/Exports.tsx';
import { Tabs } from '../shell/Tabs.tsx';
import { TruthMap } from '../truth/TruthMap.tsx';
import { Adjudication } from './Adjudication.tsx';
import { AdhocInject } from './AdhocInject.tsx';
import { ClockControls } from './ClockControls.tsx';
import { MselBoard } from './MselBoard.tsx';
import { SeatsPanel } from './SeatsPanel.tsx';
import { ViewAsPicker } from './ViewAs.tsx';
import { TeamStatus } from './TeamStatus.tsx';
import { ManualBoard } from '../manual/AnswersBoard.tsx';

function Scores() {
  const blue = useSession((s) => (s.view as WhiteView).blue);
  return <TeamsScoreChart teams={blue} />;
}

function Red() {
  const red = useSession((s) => (s.view as WhiteView).red);
  return (
    <>
      {red.map((c) => (
        <CampaignView key={c.id} campaign={c} controls={false} />
      ))}
    </>
  );
}

export default function ControlConsole() {
  const t = useT();
  const queue = useSession((s) => (s.view as WhiteView).adjudication.length);
  const hasMoves = useSession((s) => (s.view as WhiteView).moves.length > 0);
  const [tab, setTab] = useState(() => (hasMoves ? 'answers' : 'msel'));
  return (
    <div className="console control-console" data-console="control">
      <ConsoleHeader seatLabel={t('role.white')}>
        <ClockControls />
        <Exports />
      </ConsoleHeader>
      <main className={`console-main${tab === 'msel' ? ' workspace-wide' : ''}`}>
        <TruthMap />
        <section className="panel side" aria-label={t('control.workspace')}>
          <Tabs
            label={t('control.workspace')}
            active={tab}
            onChange={setTab}
            tabs={[
              ...(hasMoves ? [{ id: 'answers', label: t('tab.answers'), render: () => <ManualBoard /> }] : []),
              { id: 'msel', label: t('tab.msel'), render: () => <MselBoard /> },
              { id: 'teams', label: t('tab.teams'), render: () => <TeamStatus /> },
              { id: 'adjudicate', label: t('tab.adjudicate'), badge: queue, render: () => <Adjudication /> },
              { id: 'adhoc', label: t('tab.adhoc'), render: () => <AdhocInject /> },
              { id: 'scores', label: t('tab.scores'), render: () => <Scores /> },
              { id: 'red', label: t('tab.red'), render: () => <Red /> },
              {
                id: 'seats',
                label: t('tab.seats'),
                render: () => (
                  <>
                    <ViewAsPicker />
                    <SeatsPanel />
                  </>
                ),
              },
            ]}
          />
        </section>
        <EventFeed />
      </main>
    </div>
  );
}
