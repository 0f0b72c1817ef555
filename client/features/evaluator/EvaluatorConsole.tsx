/**
 * The evaluator's console: the live read-only picture (ground truth, teams, MSEL, scores, feed),
 * the timeline replay of everything seen since joining (or of a log file), HSEEP ratings and the
 * after-action exports (downloaded from the server, which writes them with the command line's code).
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { EvaluatorView } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { useSession, useSessionStore } from '../../store/react.ts';
import { EventFeed } from '../feed/EventFeed.tsx';
import { MselBoard } from '../control/MselBoard.tsx';
import { TeamStatus } from '../control/TeamStatus.tsx';
import { TeamsScoreChart } from '../scores/ScorePanel.tsx';
import { ConsoleHeader } from '../shell/ConsoleHeader.tsx';
import { Tabs } from '../shell/Tabs.tsx';
import { TruthMap } from '../truth/TruthMap.tsx';
import { TimelineView } from '../timeline/TimelineView.tsx';
import { createRecorder } from '../timeline/recorder.ts';
import { recordingSource } from '../timeline/source.ts';
import { Exports } from '../exports/Exports.tsx';
import { Ratings } from './Ratings.tsx';
import { Loading } from '../../app/Loading.tsx';

const LogReplay = lazy(() => import('../replay/LogReplay.tsx'));
const ServerLogReplay = lazy(() => import('../replay/LogReplay.tsx').then((m) => ({ default: m.ServerLogReplay })));

function Recorded({ frames }: { frames: ReturnType<typeof createRecorder>['frames'] }) {
  const list = useStore(frames, (s) => s.frames);
  const feed = useSession((s) => s.feed);
  const source = useMemo(() => recordingSource(list, feed), [list, feed]);
  return <TimelineView source={source} />;
}

function Timeline({ frames }: { frames: ReturnType<typeof createRecorder>['frames'] }) {
  const t = useT();
  const [mode, setMode] = useState<'recorded' | 'server' | 'log'>('recorded');
  const exerciseId = useSession((s) => s.exerciseId);
  const token = useSession((s) => s.token);
  return (
    <div>
      <div className="segmented" role="radiogroup" aria-label={t('timeline.source')}>
        <label className="inline">
          <input type="radio" name="tl-source" checked={mode === 'recorded'} onChange={() => setMode('recorded')} />
          {t('timeline.recorded')}
        </label>
        <label className="inline">
          <input type="radio" name="tl-source" checked={mode === 'server'} onChange={() => setMode('server')} data-testid="source-server" />
          {t('timeline.fromServer')}
        </label>
        <label className="inline">
          <input type="radio" name="tl-source" checked={mode === 'log'} onChange={() => setMode('log')} />
          {t('timeline.fromLog')}
        </label>
      </div>
      {mode === 'recorded' ? (
        <Recorded frames={frames} />
      ) : (
        <Suspense fallback={<Loading />}>{mode === 'server' && exerciseId && token ? <ServerLogReplay exerciseId={exerciseId} token={token} /> : <LogReplay />}</Suspense>
      )}
    </div>
  );
}

export default function EvaluatorConsole() {
  const t = useT();
  const store = useSessionStore();
  const [recorder] = useState(() => createRecorder(store));
  useEffect(() => () => recorder.stop(), [recorder]);
  const view = useSession((s) => s.view as EvaluatorView);
  const blue = view.blue;
  const [tab, setTab] = useState('live');
  return (
    <div className="console evaluator-console" data-console="evaluator">
      <ConsoleHeader seatLabel={t('role.evaluator')}>
        <Exports />
      </ConsoleHeader>
      <main className="console-main single">
        <Tabs
          label={t('evaluator.workspace')}
          active={tab}
          onChange={setTab}
          tabs={[
            {
              id: 'live',
              label: t('tab.live'),
              render: () => (
                <div className="live-grid">
                  <TruthMap />
                  <section className="panel">
                    <h2>{t('tab.teams')}</h2>
                    <TeamStatus />
                  </section>
                  <EventFeed />
                </div>
              ),
            },
            { id: 'timeline', label: t('tab.timeline'), render: () => <Timeline frames={recorder.frames} /> },
            { id: 'ratings', label: t('tab.ratings'), render: () => <Ratings view={view} /> },
            { id: 'msel', label: t('tab.msel'), render: () => <MselBoard /> },
            { id: 'scores', label: t('tab.scores'), render: () => <TeamsScoreChart teams={blue} /> },
          ]}
        />
      </main>
    </div>
  );
}
