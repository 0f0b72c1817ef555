/**
 * A seat's console: opens the socket with the join link's token, then shows the console of the
 * seat's role once the server's welcome says who we are. Consoles are separate chunks: a blue seat
 * never downloads the evaluator's replay code.
 */
import { RefusalMessage } from '../net/RefusalMessage.tsx';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../i18n/react.tsx';
import { connect, type Connection } from '../net/connection.ts';
import { ConnectionContext } from '../net/react.tsx';
import { SessionContext } from '../store/react.ts';
import { createSessionStore, type SessionStore } from '../store/session.ts';
import { useStore } from 'zustand';
import { Loading } from './Loading.tsx';
import { CATALOGS } from '../i18n/catalog.ts';
import { prefsStore } from '../store/prefs.ts';
import { firstOpening, seatPrefs } from '../store/seat-prefs.ts';
import { StartDateContext } from '../features/shell/Clock.tsx';

const ControlConsole = lazy(() => import('../features/control/ControlConsole.tsx'));
const BlueConsole = lazy(() => import('../features/blue/BlueConsole.tsx'));
const RedConsole = lazy(() => import('../features/red/RedConsole.tsx'));
const EvaluatorConsole = lazy(() => import('../features/evaluator/EvaluatorConsole.tsx'));
const PresentationPage = lazy(() => import('../features/presentation/PresentationPage.tsx'));
const ViewAsTeam = lazy(() => import('../features/control/ViewAs.tsx'));

function StartDate({ store, children }: { store: SessionStore; children: React.ReactNode }) {
  const start = useStore(store, (s) => s.view?.clock.startDate ?? '');
  return <StartDateContext.Provider value={start}>{children}</StartDateContext.Provider>;
}

function Refused({ store }: { store: SessionStore }) {
  const t = useT();
  const error = useStore(store, (s) => s.error);
  return (
    <main className="page narrow">
      <h1>{t('join.refused')}</h1>
      <div role="alert">{error ? <RefusalMessage reply={error} /> : ''}</div>
      <p>{t(`join.hint.${error?.code === 'PROTOCOL_VERSION' ? 'reload' : 'link'}`)}</p>
      <p>
        <a href="#/">{t('app.toLobby')}</a>
      </p>
    </main>
  );
}

export function JoinConsole({ exerciseId, token, viewAs }: { exerciseId: string; token: string; viewAs?: string }) {
  const [session] = useState(() => ({ store: createSessionStore() }));
  const [connection, setConnection] = useState<Connection | null>(null);
  useEffect(() => {
    const c = connect(session.store, exerciseId, token, window.location.origin, viewAs);
    setConnection(c);
    return () => c.close();
  }, [session, exerciseId, token, viewAs]);
  const role = useStore(session.store, (s) => (s.seat?.viewAs ? 'view-as' : s.seat?.role));
  const status = useStore(session.store, (s) => s.status);
  const hasView = useStore(session.store, (s) => s.view !== null);

  // The seat opens in its team's language and time zone (the browser's when the team has none).
  useEffect(() => {
    if (!hasView) return;
    const { view, seat } = session.store.getState();
    if (!seat || !firstOpening(exerciseId, seat.seat)) return;
    const team = view?.kind === 'blue' ? view.team : undefined;
    prefsStore.setState(seatPrefs(team, { languages: navigator.languages, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, Object.keys(CATALOGS)));
  }, [hasView, session, exerciseId]);

  if (status === 'refused' && !hasView) return <Refused store={session.store} />;
  if (!connection || !role || !hasView) return <Loading />;
  return (
    <SessionContext.Provider value={session.store}>
      <ConnectionContext.Provider value={connection}>
        <StartDate store={session.store}>
          <Suspense fallback={<Loading />}>
            {role === 'white' ? (
              <ControlConsole />
            ) : role === 'blue' ? (
              <BlueConsole />
            ) : role === 'red' ? (
              <RedConsole />
            ) : role === 'presentation' ? (
              <PresentationPage />
            ) : role === 'view-as' ? (
              <ViewAsTeam />
            ) : (
              <EvaluatorConsole />
            )}
          </Suspense>
        </StartDate>
      </ConnectionContext.Provider>
    </SessionContext.Provider>
  );
}
