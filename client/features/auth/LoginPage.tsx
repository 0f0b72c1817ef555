/**
 * An operator's sign-in (issue 17): name and password, or single sign-on when the server offers it.
 * Participants never sign in: they join by their seat link.
 */
import { useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { signIn } from '../../net/operator.ts';
import { PrefsPicker } from '../shell/Prefs.tsx';
import { refusalText } from './messages.ts';
import { useOperator } from './useOperator.ts';

export function LoginPage() {
  const t = useT();
  const sso = useOperator((s) => s.sso);
  const operator = useOperator((s) => s.operator);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(() => (new URLSearchParams(window.location.search).has('sso-failed') ? t('auth.ssoFailed') : null));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const refused = await signIn(username.trim(), password);
    setBusy(false);
    if (refused) {
      setError(refusalText(t, refused));
      return;
    }
    setPassword('');
    window.location.hash = '#/';
  };

  return (
    <main className="page narrow">
      <header className="lobby-head">
        <h1>{t('auth.title')}</h1>
        <PrefsPicker />
      </header>
      {operator ? (
        <p role="status">
          {t('auth.signedInAs', { name: operator.username })} <a href="#/">{t('app.toLobby')}</a>
        </p>
      ) : null}
      <section className="panel">
        <p className="muted">{t('auth.seatsHint')}</p>
        <form onSubmit={submit} className="form" data-testid="login-form">
          <label>
            {t('auth.username')}
            <input autoComplete="username" spellCheck={false} dir="ltr" value={username} onChange={(e) => setUsername(e.target.value)} required data-testid="login-username" />
          </label>
          <label>
            {t('auth.password')}
            <input type="password" autoComplete="current-password" dir="ltr" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="login-password" />
          </label>
          <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
            {busy ? t('auth.signingIn') : t('auth.signIn')}
          </button>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
        </form>
        {sso ? (
          <p>
            <a className="button" href="/api/auth/oidc/login" data-testid="login-sso">
              {t('auth.sso', { label: sso.label })}
            </a>
          </p>
        ) : null}
      </section>
    </main>
  );
}
