/** Hash routing between the lobby, a seat's console and the offline replay. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../i18n/react.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { SetupPage } from '../features/auth/SetupPage.tsx';
import { Lobby } from '../features/lobby/Lobby.tsx';
import { parseRoute, type Route } from './route.ts';
import { JoinConsole } from './JoinConsole.tsx';
import { Loading } from './Loading.tsx';

const ReplayPage = lazy(() => import('../features/replay/ReplayPage.tsx'));
const StudioPage = lazy(() => import('../features/studio/StudioPage.tsx'));
const LibraryPage = lazy(() => import('../features/library/LibraryPage.tsx'));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App() {
  const route = useRoute();
  const t = useT();
  switch (route.page) {
    case 'lobby':
      return <Lobby />;
    case 'login':
      return <LoginPage />;
    case 'setup':
      return <SetupPage token={route.token} />;
    case 'join':
      return <JoinConsole key={`${route.exerciseId}/${route.token}/${route.viewAs ?? ''}`} exerciseId={route.exerciseId} token={route.token} {...(route.viewAs ? { viewAs: route.viewAs } : {})} />;
    case 'replay':
      return (
        <Suspense fallback={<Loading />}>
          <ReplayPage />
        </Suspense>
      );
    case 'studio':
      return (
        <Suspense fallback={<Loading />}>
          <StudioPage />
        </Suspense>
      );
    case 'library':
      return (
        <Suspense fallback={<Loading />}>
          <LibraryPage />
        </Suspense>
      );
    case 'not-found':
      return (
        <main className="page narrow">
          <h1>{t('app.notFound')}</h1>
          <p>
            <a href="#/">{t('app.toLobby')}</a>
          </p>
        </main>
      );
  }
}
