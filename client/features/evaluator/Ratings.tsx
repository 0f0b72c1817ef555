/**
 * HSEEP ratings per team: pick a blue team (or the exercise as a whole), then each capability and its
 * critical tasks with the team's latest rating (P performed without challenges, S with some
 * challenges, M with major challenges, U unable to be performed), the task's expected answer and rubric,
 * the injects and discussion questions that evaluate it with the team's answers, and a form to rate it
 * with a note. Below, the history of the ratings given to the team: who, when, from what to what.
 */
import { useState } from 'react';
import type { EvaluatorView, Rating } from '../../../engine/types.ts';
import { RATINGS, localText } from '../../../engine/constants.ts';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';
import { Criteria } from './Criteria.tsx';
import { latestRating, ratingHistory, taskEvidence } from './ratings.ts';

type Cap = EvaluatorView['capabilities'][number];

function RateForm({ capability, task, team, current }: { capability: string; task?: string; team?: string; current: Rating | undefined }) {
  const t = useT();
  const cmd = useCommand();
  const [rating, setRating] = useState<Rating | ''>(current ?? '');
  const [note, setNote] = useState('');
  const name = `rate-${team ?? 'all'}-${capability}-${task ?? 'cap'}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!rating) return;
    void cmd.run({ type: 'rate', capability, ...(task ? { task } : {}), ...(team ? { team } : {}), rating, ...(note.trim() ? { note: note.trim() } : {}) }).then((ok) => {
      if (ok) setNote('');
    });
  };
  return (
    <form onSubmit={submit} className="rate-form">
      <fieldset>
        <legend className="sr-only">{t('ratings.rate')}</legend>
        {RATINGS.map((r) => (
          <label key={r} className="rating-choice" title={t(`ratings.meaning.${r}`)}>
            <input type="radio" name={name} value={r} checked={rating === r} onChange={() => setRating(r)} />
            <span className={`rating r-${r}`}>{r}</span>
          </label>
        ))}
      </fieldset>
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('ratings.note')} aria-label={t('ratings.note')} dir="auto" />
      <button type="submit" className="small" disabled={!rating || cmd.pending}>
        {t('ratings.save')}
      </button>
      {cmd.error ? (
        <span role="alert" className="error">
          {cmd.error}
        </span>
      ) : null}
    </form>
  );
}

function Current({ r }: { r: EvaluatorView['ratings'][number] | undefined }) {
  if (!r) return <span className="muted">—</span>;
  return (
    <>
      <span className={`rating r-${r.rating}`} title={r.note ?? ''} data-testid="current-rating">
        {r.rating}
      </span>{' '}
      <span className="muted">
        <SimTime t={r.t} /> {r.by}
      </span>
    </>
  );
}

function TaskCard({ view, cap, task, team }: { view: EvaluatorView; cap: Cap; task: Cap['tasks'][number]; team?: string }) {
  const t = useT();
  const current = latestRating(view.ratings, cap.id, task.id, team);
  const evidence = team ? taskEvidence(view, team, cap.id, task.id) : [];
  return (
    <article className="rate-task" data-capability={cap.id} data-task={task.id}>
      <header>
        <strong>
          <LocalTextView text={task.name} />
        </strong>{' '}
        <Current r={current} />
      </header>
      <Criteria criteria={{ ...(task.answer ? { answer: task.answer } : {}), ...(task.rubric ? { rubric: task.rubric } : {}) }} />
      {evidence.length > 0 ? (
        <details className="evidence">
          <summary>{t('ratings.evidence', { count: evidence.length })}</summary>
          <ul>
            {evidence.map((e) => (
              <li key={`${e.kind}:${e.id}`} data-evidence={e.id}>
                <p>
                  <span className="chip">{t(e.kind === 'inject' ? 'ratings.inject' : 'ratings.question')}</span> <LocalTextView text={e.title} />
                  {e.grade !== null ? <span className="mono"> · {t('inbox.grade', { grade: e.grade })}</span> : null}
                </p>
                {e.answer !== null ? (
                  <blockquote dir="auto" className="prewrap">
                    {e.answer}
                  </blockquote>
                ) : (
                  <p className="muted">{t('manual.notAnswered')}</p>
                )}
                <Criteria criteria={e.criteria} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <RateForm key={`${team ?? ''}-${current?.t ?? ''}`} capability={cap.id} task={task.id} {...(team ? { team } : {})} current={current?.rating} />
    </article>
  );
}

function History({ view, team }: { view: EvaluatorView; team?: string }) {
  const t = useT();
  const lang = useLang();
  const rows = ratingHistory(view.ratings, team);
  const itemName = (capability: string, task?: string): string => {
    const cap = view.capabilities.find((c) => c.id === capability);
    return localText(task === undefined ? cap?.name : cap?.tasks.find((x) => x.id === task)?.name, lang) || (task ?? capability);
  };
  if (rows.length === 0) return <p className="muted">{t('ratings.noHistory')}</p>;
  return (
    <table className="rating-history" data-testid="rating-history">
      <thead>
        <tr>
          <th scope="col">{t('ratings.when')}</th>
          <th scope="col">{t('ratings.by')}</th>
          <th scope="col">{t('ratings.capability')}</th>
          <th scope="col">{t('ratings.change')}</th>
          <th scope="col">{t('ratings.note')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td>
              <SimTime t={r.t} />
            </td>
            <td>{r.by}</td>
            <td dir="auto">{itemName(r.capability, r.task)}</td>
            <td>
              {r.previous ? (
                <>
                  <span className={`rating r-${r.previous}`}>{r.previous}</span> →{' '}
                </>
              ) : null}
              <span className={`rating r-${r.rating}`}>{r.rating}</span>
            </td>
            <td dir="auto">{r.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Ratings({ view }: { view: EvaluatorView }) {
  const t = useT();
  const lang = useLang();
  const blue = view.teams.filter((x) => x.role === 'blue');
  const [team, setTeam] = useState<string>(blue[0]?.id ?? '');
  if (view.capabilities.length === 0) return <Empty>{t('ratings.none')}</Empty>;
  const forTeam = team === '' ? undefined : team;
  return (
    <div className="ratings">
      <label className="inline">
        {t('ratings.team')}
        <select value={team} onChange={(e) => setTeam(e.target.value)} data-testid="rating-team">
          {blue.map((x) => (
            <option key={x.id} value={x.id}>
              {localText(x.name, lang) || x.id}
            </option>
          ))}
          <option value="">{t('ratings.wholeExercise')}</option>
        </select>
      </label>
      <p className="muted">{RATINGS.map((r) => `${r}: ${t(`ratings.meaning.${r}`)}`).join(' · ')}</p>
      {view.capabilities.map((c) => (
        <section key={c.id} className="rate-capability" data-capability={c.id}>
          <h3>
            <LocalTextView text={c.name} /> <Current r={latestRating(view.ratings, c.id, undefined, forTeam)} />
          </h3>
          <RateForm key={`${team}-cap`} capability={c.id} {...(forTeam ? { team: forTeam } : {})} current={latestRating(view.ratings, c.id, undefined, forTeam)?.rating} />
          {c.tasks.map((task) => (
            <TaskCard key={`${team}-${task.id}`} view={view} cap={c} task={task} {...(forTeam ? { team: forTeam } : {})} />
          ))}
        </section>
      ))}
      <h3>{t('ratings.history')}</h3>
      <History view={view} {...(forTeam ? { team: forTeam } : {})} />
    </div>
  );
}
