/**
 * Save the draft as a new version of its scenario (planner role; the validator is the gate, here
 * and again on the server). Signed in with a session, the page sends its CSRF token; without one,
 * the operator token can be given. The balance figures of the draft, when run, are kept with the
 * version so that the next balance compares with them.
 */
import { useEffect, useState } from 'react';
import type { OperatorInfo } from '../../../protocol/index.ts';
import { type BalanceSummary, rememberSaved } from './balance.ts';
import { useStudioT } from './i18n/texts.ts';
import { currentSession, newestVersion, type SaveOutcome, saveVersion } from './save.ts';

export interface SavePanelProps {
  scenarioId: string | null;
  errors: number | null;
  text: () => string;
  summary: () => BalanceSummary | null;
}

export function SavePanel({ scenarioId, errors, text, summary }: SavePanelProps) {
  const t = useStudioT();
  const [session, setSession] = useState<{ operator: OperatorInfo | null; csrf: string | null } | null>(null);
  const [token, setToken] = useState('');
  const [message, setMessage] = useState('');
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void currentSession().then(setSession);
  }, []);
  const operator = session?.operator ?? null;
  const mayPlan = operator ? operator.roles.some((r) => r === 'planner' || r === 'administrator') : token !== '';
  const blocked = !scenarioId ? t('studio.save.noId') : errors === null ? t('studio.checking') : errors > 0 ? t('studio.save.invalid', { errors }) : !mayPlan ? t('studio.save.notPlanner') : null;
  const save = async () => {
    if (!scenarioId) return;
    setBusy(true);
    const auth = { ...(session?.csrf ? { csrf: session.csrf } : {}), ...(token ? { token } : {}) };
    const basedOn = await newestVersion(scenarioId, auth);
    const r = await saveVersion(scenarioId, text(), message, auth, basedOn);
    const figures = summary();
    if (r.ok && 'saved' in r && figures) rememberSaved(scenarioId, String(r.saved.version), figures);
    setOutcome(r);
    setBusy(false);
  };
  return (
    <section className="panel" aria-label={t('studio.save.title')} data-testid="studio-save">
      <header className="panel-head">
        <h2>{t('studio.save.title')}</h2>
      </header>
      <p className="muted">{operator ? t('studio.save.signedIn', { user: operator.username, roles: operator.roles.join(', ') }) : t('studio.save.notSignedIn')}</p>
      {operator ? null : (
        <label>
          {t('studio.save.token')} <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="studio-token" />
        </label>
      )}
      <label>
        {t('studio.save.message')} <input value={message} onChange={(e) => setMessage(e.target.value)} data-testid="studio-save-message" />
      </label>
      <button type="button" disabled={busy || blocked !== null} onClick={() => void save()} data-testid="studio-save-button">
        {t('studio.save.button', { id: scenarioId ?? '—' })}
      </button>
      {blocked ? <p className="muted">{blocked}</p> : null}
      {outcome ? (
        <p role="status" data-testid="studio-save-outcome" data-ok={outcome.ok} data-version={outcome.ok && 'saved' in outcome ? outcome.saved.version : ''}>
          {outcome.ok
            ? 'saved' in outcome
              ? t('studio.save.saved', { id: outcome.saved.scenarioId, version: outcome.saved.version })
              : t('studio.save.checkedOnly')
            : t('studio.save.refused', { message: outcome.message, code: outcome.code })}
        </p>
      ) : null}
      {outcome && !outcome.ok && outcome.diagnostics ? (
        <ul>
          {outcome.diagnostics.slice(0, 20).map((d) => (
            <li key={`${d.line}:${d.col}:${d.message}`}>{`${d.line}:${d.col} ${d.path}: ${d.message}`}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
