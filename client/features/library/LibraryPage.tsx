/**
 * The operators' library (`#/library`): the exercises kept on this server, the scenario library
 * with its versions, and the improvement plan across exercises. Operators only: the page asks for
 * the operator's credential and every call carries it; no seat link opens it.
 */
import { useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { PrefsPicker } from '../shell/Prefs.tsx';
import { ExerciseTable } from './ExerciseTable.tsx';
import { useOperator } from '../auth/useOperator.ts';
import { useOperatorToken } from './operator.ts';
import { PlanTable } from './PlanTable.tsx';
import { ScenarioVersions } from './ScenarioVersions.tsx';

const TABS = ['exercises', 'scenarios', 'plan'] as const;
type Tab = (typeof TABS)[number];

function SignIn({ onSignIn }: { onSignIn: (token: string) => void }) {
  const t = useT();
  const [value, setValue] = useState('');
  return (
    <form
      className="panel form narrow"
      onSubmit={(e) => {
        e.preventDefault();
        onSignIn(value);
      }}
      data-testid="library-signin"
    >
      <h2>{t('library.signIn')}</h2>
      <p>
        <a href="#/login">{t('auth.signIn')}</a>
      </p>
      <p className="muted">{t('library.signInHelp')}</p>
      <label>
        {t('create.operator')}
        <input type="password" autoComplete="off" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} data-testid="library-operator" dir="ltr" />
      </label>
      <button type="submit" className="primary" disabled={value.trim() === ''}>
        {t('library.signInButton')}
      </button>
    </form>
  );
}

export default function LibraryPage() {
  const t = useT();
  const [operator, setOperator] = useOperatorToken();
  // A signed-in operator's session (cookie and CSRF token) needs no token: an empty one means the session.
  const session = useOperator((s) => s.operator);
  const open = operator !== '' || session !== null;
  const [tab, setTab] = useState<Tab>('exercises');
  return (
    <div className="page library">
      <header className="lobby-head">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ▙
          </span>
          <div>
            <h1>{t('library.title')}</h1>
            <p className="muted">{t('library.tagline')}</p>
          </div>
        </div>
        <nav aria-label={t('lobby.nav')}>
          <a href="#/">{t('app.toLobby')}</a>
          {session ? <span className="muted">{t('auth.signedInAs', { name: session.username })}</span> : null}
          {operator ? (
            <button type="button" onClick={() => setOperator('')} data-testid="library-signout">
              {t('library.signOut')}
            </button>
          ) : null}
        </nav>
        <PrefsPicker />
      </header>
      <main>
        {!open ? (
          <SignIn onSignIn={setOperator} />
        ) : (
          <>
            <div role="tablist" aria-label={t('library.title')} className="tabs">
              {TABS.map((name) => (
                <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} data-testid={`library-tab-${name}`}>
                  {t(`library.tab.${name}`)}
                </button>
              ))}
            </div>
            {tab === 'exercises' ? <ExerciseTable operator={operator} onSignOut={() => setOperator('')} /> : null}
            {tab === 'scenarios' ? <ScenarioVersions operator={operator} /> : null}
            {tab === 'plan' ? <PlanTable operator={operator} /> : null}
          </>
        )}
      </main>
    </div>
  );
}
