/**
 * The lobby: the bundled scenarios with their description, a form to create an exercise (bundled or
 * uploaded scenario, mode, seed), then the seat links to hand out (shown once: the server keeps
 * only hashes of the tokens).
 */
import type { ReactNode } from 'react';
import { RefusalMessage } from '../../net/RefusalMessage.tsx';
import { useEffect, useState } from 'react';
import type { CreateExerciseResponse, ScenarioListing } from '../../../protocol/index.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { listScenarios } from '../../net/api.ts';
import { OperatorBar } from '../auth/OperatorBar.tsx';
import { PrefsPicker } from '../shell/Prefs.tsx';
import { CreateForm, storedOperatorToken } from './CreateForm.tsx';
import { SeatLinks } from './SeatLinks.tsx';
import { durationText, modesText } from './labels.ts';

export function Lobby() {
  const t = useT();
  const [scenarios, setScenarios] = useState<ScenarioListing[] | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateExerciseResponse | null>(null);

  useEffect(() => {
    let live = true;
    // Descriptions tell the scenario's story: the server gives them with the operator token only.
    void listScenarios(storedOperatorToken()).then((reply) => {
      if (!live) return;
      if (reply.ok) {
        setScenarios(reply.scenarios);
        setChosen((c) => c ?? reply.scenarios[0]?.id ?? null);
      } else setError(<RefusalMessage reply={reply} />);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="page lobby">
      <header className="lobby-head">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ▙
          </span>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('lobby.tagline')}</p>
          </div>
        </div>
        <nav aria-label={t('lobby.nav')}>
          <a href="#/replay">{t('lobby.replayLink')}</a>{' '}
          <a href="#/studio" data-testid="studio-link">
            {t('lobby.studioLink')}
          </a>{' '}
          <a href="#/library" data-testid="library-link">
            {t('lobby.libraryLink')}
          </a>
        </nav>
        <OperatorBar />
        <PrefsPicker />
      </header>
      <main>
        {created ? (
          <SeatLinks created={created} onDone={() => setCreated(null)} />
        ) : (
          <div className="lobby-grid">
            <section className="panel" aria-labelledby="scenarios-title">
              <h2 id="scenarios-title">{t('lobby.scenarios')}</h2>
              {error ? (
                <div role="alert" className="error">
                  {error}
                </div>
              ) : null}
              {scenarios === null && !error ? <p role="status">{t('app.loading')}</p> : null}
              {scenarios && scenarios.length === 0 ? <p>{t('lobby.noScenarios')}</p> : null}
              <ul className="scenario-list" role="radiogroup" aria-label={t('lobby.scenarios')}>
                {scenarios?.map((s) => (
                  <li key={s.id}>
                    <label className={`scenario-card${chosen === s.id ? ' chosen' : ''}`} data-scenario={s.id}>
                      <input type="radio" name="scenario" value={s.id} checked={chosen === s.id} onChange={() => setChosen(s.id)} />
                      <span className="scenario-title">
                        <LocalTextView text={s.title} />
                      </span>
                      {s.description ? (
                        <span className="scenario-desc">
                          <LocalTextView text={s.description} />
                        </span>
                      ) : null}
                      <span className="scenario-meta muted">
                        {t('lobby.meta', { duration: durationText(t, s.duration), teams: s.teams.filter((tm) => tm.role === 'blue').length, modes: modesText(t, s.modes) })}
                      </span>
                      <span className="team-chips">
                        {s.teams
                          .filter((tm) => tm.role === 'blue')
                          .map((tm) => (
                            <span key={tm.id} className="chip">
                              <LocalTextView text={tm.name} />
                              {tm.nation ? ` (${tm.nation})` : ''}
                            </span>
                          ))}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </section>
            <CreateForm scenario={scenarios?.find((s) => s.id === chosen) ?? null} onCreated={setCreated} />
          </div>
        )}
      </main>
    </div>
  );
}
