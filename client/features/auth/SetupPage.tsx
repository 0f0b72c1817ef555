/**
 * The first administrator (issue 17), from the one-time link `ramparts serve` prints when no account
 * exists: choose a name and a password; the link works once, then this account signs in.
 */
import { useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { createFirstAdministrator } from '../../net/operator.ts';
import { PrefsPicker } from '../shell/Prefs.tsx';
import { refusalText } from './messages.ts';

const NAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

export function SetupPage({ token }: { token: string }) {
  const t = useT();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const name = username.trim().toLowerCase();
    const problem = !NAME.test(name) ? t('setup.badName') : password.length < 12 ? t('setup.shortPassword') : password !== again ? t('setup.mismatch') : null;
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    const refused = await createFirstAdministrator(token, name, password);
    setBusy(false);
    if (refused) {
      setError(refused.code === 'UNAUTHENTICATED' ? t('setup.linkUsed') : refusalText(t, refused));
      return;
    }
    // The token leaves the address bar and the history entry.
    window.location.replace('#/');
  };

  return (
    <main className="page narrow">
      <header className="lobby-head">
        <h1>{t('setup.title')}</h1>
        <PrefsPicker />
      </header>
      <section className="panel">
        <p>{t('setup.intro')}</p>
        <form onSubmit={submit} className="form" data-testid="setup-form">
          <label>
            {t('auth.username')}
            <input autoComplete="username" spellCheck={false} dir="ltr" value={username} onChange={(e) => setUsername(e.target.value)} required data-testid="setup-username" />
          </label>
          <label>
            {t('auth.password')}
            <input type="password" autoComplete="new-password" dir="ltr" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="setup-password" />
          </label>
          <label>
            {t('setup.again')}
            <input type="password" autoComplete="new-password" dir="ltr" value={again} onChange={(e) => setAgain(e.target.value)} required data-testid="setup-again" />
          </label>
          <button type="submit" className="primary" disabled={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </button>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
        </form>
      </section>
    </main>
  );
}
