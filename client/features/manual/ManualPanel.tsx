/**
 * A blue team's situation manual: the moves that have begun (the current one first), each with the
 * situation every team reads, what is addressed to this team, the move's injects in its inbox, and the
 * discussion questions put to it, answered here (one answer each, graded by the white cell).
 */
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useState } from 'react';
import type { BlueView, ManualMove } from '../../../engine/types.ts';
import { pickLocalText } from '../../../engine/constants.ts';
import type { LocalTextT } from '../../../engine/types.ts';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useView } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty, MarkdownText } from '../shell/Bits.tsx';

/** A scenario text read as Markdown in the seat's language. */
export function LocalMarkdown({ text }: { text: LocalTextT }) {
  const picked = pickLocalText(text, useLang());
  return <MarkdownText text={picked.text} lang={picked.lang} />;
}

function QuestionItem({ move, q, readOnly }: { move: string; q: ManualMove['questions'][number]; readOnly: boolean }) {
  const t = useT();
  const cmd = useCommand();
  const why = useWhyNot('answer-question', cmd.pending);
  const [text, setText] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (text.trim() && (await cmd.run({ type: 'answer-question', move, question: q.id, text: text.trim() }))) setText('');
  };
  return (
    <li className="question" data-question={q.id}>
      <p className="question-text">
        <LocalTextView text={q.text} />
      </p>
      {q.answer ? (
        <div className="answer">
          <p className="muted">
            {t('manual.yourAnswer')} · <SimTime t={q.answer.t} />
          </p>
          <p dir="auto" className="prewrap" data-testid="question-answer">
            {q.answer.text}
          </p>
          {q.answer.grade !== null ? (
            <p>
              {t('inbox.grade', { grade: q.answer.grade })}
              {q.answer.comment ? ` · ${q.answer.comment}` : ''}
            </p>
          ) : (
            <p className="muted">{t('inbox.awaitingGrade')}</p>
          )}
        </div>
      ) : readOnly ? (
        <p className="muted">{t('manual.notAnswered')}</p>
      ) : (
        <form onSubmit={submit} className="form">
          <label>
            {t('manual.answer')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} dir="auto" data-testid="question-text" />
          </label>
          <button type="submit" disabled={why !== null || !text.trim()} data-testid="question-submit">
            {t('inbox.send')}
          </button>{' '}
          <WhyNot reason={why} />
          {cmd.error ? (
            <div role="alert" className="error">
              {cmd.error}
            </div>
          ) : null}
        </form>
      )}
    </li>
  );
}

function MoveSection({ move, current, readOnly, inbox }: { move: ManualMove; current: boolean; readOnly: boolean; inbox: BlueView['inbox'] }) {
  const t = useT();
  const injects = move.injects.map((id) => inbox.find((i) => i.inject === id)).filter((i) => i !== undefined);
  return (
    <details className="manual-move" open={current} data-move={move.id}>
      <summary>
        <strong>
          <LocalTextView text={move.title} />
        </strong>{' '}
        · <SimTime t={move.start} />
        {current ? <span className="chip">{t('manual.current')}</span> : null}
      </summary>
      {move.description !== undefined ? <LocalMarkdown text={move.description} /> : null}
      {move.situations.map((s, i) => (
        <aside key={i} className="situation-for-team">
          <LocalMarkdown text={s} />
        </aside>
      ))}
      {injects.length > 0 ? (
        <section>
          <h4>{t('manual.injects')}</h4>
          <ul>
            {injects.map((i) => (
              <li key={i.inject}>
                <LocalTextView text={i.title} /> · <SimTime t={i.deliveredAt} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {move.questions.length > 0 ? (
        <section>
          <h4>{t('manual.questions')}</h4>
          <ol className="questions">
            {move.questions.map((q) => (
              <QuestionItem key={q.id} move={move.id} q={q} readOnly={readOnly} />
            ))}
          </ol>
        </section>
      ) : null}
    </details>
  );
}

export function ManualPanel({ readOnly = false }: { readOnly?: boolean }) {
  const t = useT();
  const view = useView('blue');
  if (!view) return null;
  if (view.manual.length === 0) return <Empty>{t('manual.empty')}</Empty>;
  const moves = [...view.manual].reverse();
  return (
    <div className="manual">
      {moves.map((m) => (
        <MoveSection key={m.id} move={m} current={m.id === view.clock.move?.id} readOnly={readOnly} inbox={view.inbox} />
      ))}
    </div>
  );
}

/** Questions put to the team in the current move that it has not answered yet (the tab's badge). */
export function openQuestions(view: BlueView): number {
  const m = view.manual.find((x) => x.id === view.clock.move?.id);
  return m ? m.questions.filter((q) => q.answer === null).length : 0;
}
