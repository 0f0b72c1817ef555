/**
 * The exercise library: every exercise kept on this server (running, paused, ended, archived) with
 * its scenario, mode, clock, seats joined and scores at a glance. From a row: open the controller
 * or evaluator console (a new link for that seat: the server keeps only hashes of tokens, so the
 * old link stops working), download the after-action products, archive, delete (confirmed first),
 * and the seats' links re-issued or revoked (SeatRow.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import type { LibraryExercise } from '../../../protocol/index.ts';
import { useStore } from 'zustand';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { prefsStore } from '../../store/prefs.ts';
import { formatExerciseTime } from '../../i18n/time.ts';
import { libraryApi } from '../../net/library-api.ts';
import { seatUrl } from '../lobby/SeatLinks.tsx';
import { ExerciseDownloads } from './ExerciseDownloads.tsx';
import { formatWhen, refusalSentence } from './operator.ts';
import { SeatRow } from './SeatRow.tsx';

function Row({ exercise: x, operator, onChanged, onError }: { exercise: LibraryExercise; operator: string; onChanged: () => void; onError: (m: string) => void }) {
  const t = useT();
  const lang = useLang();
  const timeZone = useStore(prefsStore, (p) => p.timeZone);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const joined = x.seats.filter((s) => s.connected > 0).length;
  const act = async (work: () => Promise<{ ok: boolean } & Partial<{ code: string; message: string }>>) => {
    setBusy(true);
    const reply = await work();
    setBusy(false);
    if (!reply.ok) onError(refusalSentence(t, { code: reply.code as never, message: reply.message ?? '' }));
    else onChanged();
  };
  const open = async (seat: 'controller' | 'evaluator') => {
    setBusy(true);
    const reply = await libraryApi.reissue(operator, x.id, seat);
    setBusy(false);
    if (reply.ok) window.location.assign(seatUrl(reply.seat.link));
    else onError(refusalSentence(t, reply));
  };
  return (
    <tbody data-exercise={x.id} data-status={x.status}>
      <tr>
        <th scope="row">
          <LocalTextView text={x.scenario.title} />
          {x.scenario.version !== undefined ? <span className="muted"> · {t('library.versionN', { version: x.scenario.version })}</span> : null}
          <div className="muted mono" dir="ltr">
            {x.id}
          </div>
        </th>
        <td>{t(`mode.${x.mode}`)}</td>
        <td>
          <span className={`badge status-${x.status}`} data-testid="exercise-status">
            {t(`library.status.${x.status}`)}
          </span>
        </td>
        <td className="mono" dir="ltr">
          {x.clockMs === undefined ? '—' : formatExerciseTime(x.clockMs)}
        </td>
        <td>{t('library.joined', { joined, seats: x.seats.length })}</td>
        <td>
          {x.scores.length === 0 ? (
            '—'
          ) : (
            <ul className="inline-list">
              {x.scores.map((s) => (
                <li key={s.team}>
                  <span className="mono">{s.team}</span> {Math.round(s.composite)}
                </li>
              ))}
            </ul>
          )}
        </td>
        <td className="muted">{formatWhen(x.createdAt, lang, timeZone)}</td>
      </tr>
      <tr className="row-actions-line">
        <td colSpan={7} className="row-actions">
          <button type="button" disabled={busy} onClick={() => void open('controller')} data-testid="open-controller" title={t('library.openNote')}>
            {t('library.openController')}
          </button>
          <button type="button" disabled={busy} onClick={() => void open('evaluator')} data-testid="open-evaluator" title={t('library.openNote')}>
            {t('library.openEvaluator')}
          </button>
          <ExerciseDownloads operator={operator} exerciseId={x.id} onError={onError} />
          <button type="button" disabled={busy} onClick={() => void act(() => libraryApi.collectPlan(operator, x.id))} data-testid="collect-lessons">
            {t('library.collect')}
          </button>
          <button type="button" disabled={busy} onClick={() => void act(() => libraryApi.archive(operator, x.id, x.status !== 'archived'))} data-testid="archive">
            {x.status === 'archived' ? t('library.unarchive') : t('library.archive')}
          </button>
          {confirming ? (
            <span className="confirm">
              <span className="warning">{t('library.deleteConfirm')}</span>
              <button type="button" className="danger" disabled={busy} onClick={() => void act(() => libraryApi.remove(operator, x.id))} data-testid="delete-confirm">
                {t('library.deleteYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('library.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)} data-testid="delete">
              {t('library.delete')}
            </button>
          )}
          <details className="seats">
            <summary>{t('library.seats')}</summary>
            <table className="seat-table">
              <tbody>
                {x.seats.map((s) => (
                  <SeatRow key={s.seat} exerciseId={x.id} seat={s} operator={operator} onError={onError} />
                ))}
              </tbody>
            </table>
          </details>
        </td>
      </tr>
    </tbody>
  );
}

export function ExerciseTable({ operator, onSignOut }: { operator: string; onSignOut: () => void }) {
  const t = useT();
  const [exercises, setExercises] = useState<LibraryExercise[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unauthenticated, setUnauthenticated] = useState(false);
  const [showArchived, setShowArchived] = useState(true);
  const load = useCallback(async () => {
    const reply = await libraryApi.exercises(operator);
    if (reply.ok) {
      setExercises(reply.exercises);
      setError(null);
    } else {
      setUnauthenticated(reply.code === 'UNAUTHENTICATED');
      setError(refusalSentence(t, reply));
    }
  }, [operator, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const shown = exercises?.filter((x) => showArchived || x.status !== 'archived') ?? [];
  return (
    <section className="panel" aria-labelledby="library-exercises">
      <h2 id="library-exercises">{t('library.tab.exercises')}</h2>
      <p className="muted">{t('library.openNote')}</p>
      <div className="toolbar">
        <button type="button" onClick={() => void load()} data-testid="library-refresh">
          {t('library.refresh')}
        </button>
        <label className="inline">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('library.showArchived')}
        </label>
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}{' '}
          {unauthenticated ? (
            <button type="button" onClick={onSignOut}>
              {t('library.signInAgain')}
            </button>
          ) : null}
        </p>
      ) : null}
      {exercises === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      {exercises && shown.length === 0 ? <p>{t('library.noExercises')}</p> : null}
      {shown.length > 0 ? (
        <table className="library-table" data-testid="library-exercises">
          <thead>
            <tr>
              {['scenario', 'mode', 'status', 'clock', 'seats', 'scores', 'created'].map((c) => (
                <th key={c} scope="col">
                  {t(`library.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          {shown.map((x) => (
            <Row key={x.id} exercise={x} operator={operator} onChanged={() => void load()} onError={setError} />
          ))}
        </table>
      ) : null}
    </section>
  );
}
