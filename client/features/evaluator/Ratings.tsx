/**
 * HSEEP ratings: every capability and its critical tasks with the latest rating given (P performed
 * without challenges, S with some challenges, M with major challenges, U unable to be performed), and
 * controls to rate each with a note.
 */
import { useState } from 'react';
import type { EvaluatorView } from '../../../engine/types.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';
import { latestRating } from './ratings.ts';
import { RATINGS } from '../../../engine/constants.ts';
import type { Rating } from '../../../engine/types.ts';


function RateRow({ capability, task, label, ratings }: { capability: string; task?: string; label: React.ReactNode; ratings: EvaluatorView['ratings'] }) {
  const t = useT();
  const cmd = useCommand();
  const current = latestRating(ratings, capability, task);
  const [rating, setRating] = useState<Rating | ''>(current?.rating ?? '');
  const [note, setNote] = useState('');
  const name = `rate-${capability}-${task ?? 'cap'}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!rating) return;
    void cmd.run({ type: 'rate', capability, ...(task ? { task } : {}), rating, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <tr data-capability={capability} data-task={task ?? ''}>
      <th scope="row" className={task ? 'task' : 'capability'}>{label}</th>
      <td>
        {current ? <span className={`rating r-${current.rating}`} title={current.note ?? ''}>{current.rating}</span> : <span className="muted">—</span>}
        {current ? <span className="muted"> <SimTime t={current.t} /> {current.by}</span> : null}
      </td>
      <td>
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
          <button type="submit" className="small" disabled={!rating || cmd.pending}>{t('ratings.save')}</button>
          {cmd.error ? <span role="alert" className="error">{cmd.error}</span> : null}
        </form>
      </td>
    </tr>
  );
}

export function Ratings({ view }: { view: EvaluatorView }) {
  const t = useT();
  if (view.capabilities.length === 0) return <Empty>{t('ratings.none')}</Empty>;
  return (
    <div className="ratings">
      <p className="muted">{RATINGS.map((r) => `${r}: ${t(`ratings.meaning.${r}`)}`).join(' · ')}</p>
      <table>
        <thead><tr><th scope="col">{t('ratings.capability')}</th><th scope="col">{t('ratings.current')}</th><th scope="col">{t('ratings.rate')}</th></tr></thead>
        <tbody>
          {view.capabilities.flatMap((c) => [
            <RateRow key={c.id} capability={c.id} label={<LocalTextView text={c.name} />} ratings={view.ratings} />,
            ...c.tasks.map((task) => <RateRow key={`${c.id}/${task.id}`} capability={c.id} task={task.id} label={<LocalTextView text={task.name} />} ratings={view.ratings} />),
          ])}
        </tbody>
      </table>
    </div>
  );
}
