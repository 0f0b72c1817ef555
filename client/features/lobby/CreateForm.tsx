/**
 * Creating an exercise: mode and seed for the chosen bundled scenario, or an uploaded scenario file,
 * as the signed-in operator, or (no one signed in) with the server's operator token (kept for this
 * tab only, in sessionStorage).
 */
import type { ReactNode } from 'react';
import { RefusalMessage } from '../../net/RefusalMessage.tsx';
import { useState } from 'react';
import type { CreateExerciseResponse, ExerciseMode, ScenarioDiagnostic, ScenarioListing } from '../../../protocol/index.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { createExercise } from '../../net/api.ts';
import { useOperator } from '../auth/useOperator.ts';

const OPERATOR_KEY = 'ramparts.operator';

function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

/** The operator token this tab was given, if any (the lobby lists scenario descriptions with it). */
export function storedOperatorToken(): string | undefined {
  return tabStorage()?.getItem(OPERATOR_KEY) ?? undefined;
}

export function CreateForm({ scenario, onCreated }: { scenario: ScenarioListing | null; onCreated: (r: CreateExerciseResponse) => void }) {
  const t = useT();
  const [mode, setMode] = useState<ExerciseMode>('realtime');
  const [seed, setSeed] = useState('');
  const [operator, setOperator] = useState(() => tabStorage()?.getItem(OPERATOR_KEY) ?? '');
  const signedIn = useOperator((s) => s.operator !== null);
  const [upload, setUpload] = useState<{ name: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);
  const [diagnostics, setDiagnostics] = useState<ScenarioDiagnostic[]>([]);
  const modes: ExerciseMode[] = (upload ? (['realtime', 'tabletop'] as ExerciseMode[]) : scenario?.modes.filter((m): m is ExerciseMode => m === 'realtime' || m === 'tabletop')) ?? [];

  // A scenario that allows one mode only (a tabletop) is created in that mode: no disabled mode shows selected.
  const chosenMode: ExerciseMode = modes.includes(mode) ? mode : (modes[0] ?? mode);

  const onFile = async (file: File | undefined) => {
    setError(null);
    setDiagnostics([]);
    setUpload(file ? { name: file.name, text: await file.text() } : null);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setDiagnostics([]);
    const seedNumber = seed.trim() === '' ? undefined : Number(seed);
    if (seedNumber !== undefined && (!Number.isInteger(seedNumber) || seedNumber < 0)) {
      setError(t('create.badSeed'));
      return;
    }
    const source = upload ? { text: upload.text, name: upload.name } : scenario?.id;
    if (!source) return;
    if (!signedIn && operator.trim() === '') {
      setError(t('create.operatorMissing'));
      return;
    }
    setBusy(true);
    const reply = await createExercise(
      { scenario: source, mode: modes.includes(mode) ? mode : (modes[0] ?? 'realtime'), ...(seedNumber !== undefined ? { seed: seedNumber } : {}) },
      signedIn ? undefined : operator.trim(),
    );
    setBusy(false);
    if (reply.ok) {
      if (!signedIn) tabStorage()?.setItem(OPERATOR_KEY, operator.trim());
      onCreated(reply);
    } else {
      setError(
        reply.code === 'UNAUTHENTICATED' ? t(signedIn ? 'create.sessionEnded' : 'create.operatorRefused') : reply.code === 'FORBIDDEN' ? t('create.roleMissing') : <RefusalMessage reply={reply} />,
      );
      setDiagnostics(reply.diagnostics ?? []);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-title">
      <h2 id="create-title">{t('create.title')}</h2>
      <form onSubmit={submit} className="form">
        <p>{upload ? t('create.fromUpload', { name: upload.name }) : scenario ? <LocalTextView text={scenario.title} /> : t('create.pick')}</p>
        <fieldset>
          <legend>{t('create.mode')}</legend>
          {(['realtime', 'tabletop'] as const).map((m) => (
            <label key={m} className="inline">
              <input type="radio" name="mode" value={m} checked={chosenMode === m} disabled={!modes.includes(m)} onChange={() => setMode(m)} />
              {t(`mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('create.seed')}
          <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} placeholder={t('create.seedRandom')} />
        </label>
        {signedIn ? null : (
          <label>
            {t('create.operator')} <a href="#/login">{t('create.orSignIn')}</a>
            <input type="password" autoComplete="off" spellCheck={false} value={operator} onChange={(e) => setOperator(e.target.value)} data-testid="operator-token" dir="ltr" />
          </label>
        )}
        <label>
          {t('create.upload')}
          <input type="file" accept=".yaml,.yml,.json" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
        <button type="submit" className="primary" disabled={busy || (!upload && !scenario)} data-testid="create">
          {busy ? t('create.creating') : t('create.submit')}
        </button>
        {error ? (
          <div role="alert" className="error">
            {error}
          </div>
        ) : null}
        {diagnostics.length > 0 ? (
          <ul className="diagnostics">
            {diagnostics.map((d, i) => (
              <li key={i} className={d.severity}>
                <span className="mono">
                  {d.line ? `${d.line}:${d.col ?? 1} ` : ''}
                  {d.path}
                </span>{' '}
                {d.message}
              </li>
            ))}
          </ul>
        ) : null}
      </form>
    </section>
  );
}
