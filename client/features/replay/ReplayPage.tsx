/** `#/replay`: replay a log file without joining an exercise (after the fact, or a partner's package). */
import { useT } from '../../i18n/react.tsx';
import { PrefsPicker } from '../shell/Prefs.tsx';
import LogReplay from './LogReplay.tsx';

export default function ReplayPage() {
  const t = useT();
  return (
    <div className="page replay-page">
      <header className="lobby-head">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ▙
          </span>
          <div>
            <h1>{t('replay.title')}</h1>
            <p className="muted">{t('replay.intro')}</p>
          </div>
        </div>
        <nav aria-label={t('lobby.nav')}>
          <a href="#/">{t('app.toLobby')}</a>
        </nav>
        <PrefsPicker />
      </header>
      <main>
        <LogReplay />
      </main>
    </div>
  );
}
