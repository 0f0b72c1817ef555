/**
 * The scenario library: every scenario with its versions (who saved what, when, why, the
 * validator's warnings), a new version from a file (the validator is the gate: located errors,
 * nothing saved), and an exercise created from any version (its seat links shown once).
 */
import { useCallback, useEffect, useState } from 'react';
import type { CreateExerciseResponse, ExerciseMode, LibraryScenario, ScenarioDiagnostic, ScenarioVersionInfo } from '../../../protocol/index.ts';
import { useStore } from 'zustand';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { prefsStore } from '../../store/prefs.ts';
import { libraryApi } from '../../net/library-api.ts';
import { SeatLinks } from '../lobby/SeatLinks.tsx';
import { formatWhen, refusalSentence } from './operator.ts';

function Diagnostics({ list }: { list: ScenarioDiagnostic[] }) {
  if (list.length === 0) return null;
  return (
    <ul className="diagnostics" data-testid="library-diagnostics">
      {list.map((d, i) => (
        <li key={i} className={d.severity}>
          <span className="mono">
            {d.line ? `${d.line}:${d.col ?? 1} ` : ''}
            {d.path}
          </span>{' '}
          {d.message}
        </li>
      ))}
    </ul>
  );
}

function VersionRow({ v, operator, onCreated, onError }: { v: ScenarioVersionInfo; operator: string; onCreated: (c: CreateExerciseResponse) => void; onError: (m: string) => void }) {
  const t = useT();
  const lang = useLang();
  const timeZone = useStore(prefsStore, (p) => p.timeZone);
  const modes = v.modes.filter((m): m is ExerciseMode => m === 'realtime' || m === 'tabletop');
  const [mode, setMode] = useState<ExerciseMode>(modes[0] ?? 'realtime');
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    const reply = await libraryApi.createFrom(operator, v.scenarioId, v.version, { mode });
    setBusy(false);
    if (reply.ok) onCreated(reply);
    else onError(refusalSentence(t, reply));
  };
  return (
    <tr data-version={v.version}>
      <th scope="row">{t('library.versionN', { version: v.version })}</th>
      <td>{v.source === 'bundled' ? t('library.bundled') : v.author}</td>
      <td className="muted">{formatWhen(v.savedAt, lang, timeZone)}</td>
      <td>{v.message}</td>
      <td>{v.validation.warnings.length === 0 ? t('library.valid') : t('library.validWarnings', { count: v.validation.warnings.length })}</td>
      <td className="row-actions">
        <select value={mode} onChange={(e) => setMode(e.target.value as ExerciseMode)} aria-label={t('create.mode')} data-testid="version-mode">
          {modes.map((m) => (
            <option key={m} value={m}>
              {t(`mode.${m}`)}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={busy || modes.length === 0} onClick={() => void create()} data-testid="create-from-version">
          {t('library.createFrom')}
        </button>
      </td>
    </tr>
  );
}

export function ScenarioVersions({ operator }: { operator: string }) {
  const t = useT();
  const [scenarios, setScenarios] = useState<LibraryScenario[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [versions, setVersions] = useState<ScenarioVersionInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [diagnostics, setDiagnostics] = useState<ScenarioDiagnostic[]>([]);
  const [message, setMessage] = useState('');
  const [created, setCreated] = useState<CreateExerciseResponse | null>(null);
  const load = useCallback(async () => {
    const reply = await libraryApi.scenarios(operator);
    if (reply.ok) setScenarios(reply.scenarios);
    else setError(refusalSentence(t, reply));
  }, [operator, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const loadVersions = useCallback(
    async (id: string) => {
      const reply = await libraryApi.versions(operator, id);
      if (reply.ok) setVersions(reply.versions);
      else setError(refusalSentence(t, reply));
    },
    [operator, t],
  );
  useEffect(() => {
    if (chosen !== null) void loadVersions(chosen);
  }, [chosen, loadVersions]);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setDiagnostics([]);
    const reply = await libraryApi.upload(operator, { text: await file.text(), message });
    if (reply.ok) {
      setMessage('');
      setChosen(reply.version.scenarioId);
      await Promise.all([load(), loadVersions(reply.version.scenarioId)]);
    } else {
      setError(refusalSentence(t, reply));
      setDiagnostics(reply.diagnostics ?? []);
    }
  };
  if (created) return <SeatLinks created={created} onDone={() => setCreated(null)} />;
  return (
    <section className="panel" aria-labelledby="library-scenarios">
      <h2 id="library-scenarios">{t('library.tab.scenarios')}</h2>
      <form className="form toolbar" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('library.saveMessage')}
          <input value={message} onChange={(e) => setMessage(e.target.value)} maxLength={2000} />
        </label>
        <label>
          {t('library.saveFile')}
          <input type="file" accept=".yaml,.yml,.json" onChange={(e) => void upload(e.target.files?.[0])} data-testid="library-upload" />
        </label>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <Diagnostics list={diagnostics} />
      {scenarios === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      <ul className="scenario-list" data-testid="library-scenarios">
        {scenarios?.map((s) => (
          <li key={s.id}>
            <button type="button" className={`scenario-card${chosen === s.id ? ' chosen' : ''}`} aria-pressed={chosen === s.id} onClick={() => setChosen(s.id)} data-scenario={s.id}>
              <span className="scenario-title">
                <LocalTextView text={s.latest.title} />
              </span>
              <span className="scenario-meta muted">{t('library.scenarioMeta', { id: s.id, count: s.versions })}</span>
            </button>
          </li>
        ))}
      </ul>
      {chosen !== null && versions.length > 0 ? (
        <table className="library-table" data-testid="library-versions">
          <thead>
            <tr>
              {['version', 'author', 'saved', 'message', 'validation', 'actions'].map((c) => (
                <th key={c} scope="col">
                  {t(`library.vcol.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <VersionRow key={v.version} v={v} operator={operator} onCreated={setCreated} onError={setError} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
