/** The adjudication queue: situation reports, inject answers and answers to discussion questions waiting for the white cell's grade. */
import { useState } from 'react';
import type { AdjudicationItem, GradedItem, WhiteView } from '../../../engine/types.ts';
import { Criteria } from '../evaluator/Criteria.tsx';
import { localText } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';

export function itemKey(item: AdjudicationItem): string {
  switch (item.kind) {
    case 'sitrep':
      return `sitrep:${item.id}`;
    case 'answer':
      return `answer:${item.inject}:${item.team}`;
    case 'question':
      return `question:${item.move}:${item.question}:${item.team}`;
  }
}

/** What the adjudicate command names for an item of the queue. */
function itemTarget(item: AdjudicationItem) {
  switch (item.kind) {
    case 'sitrep':
      return { kind: 'sitrep' as const, id: item.id };
    case 'answer':
      return { kind: 'answer' as const, inject: item.inject, team: item.team };
    case 'question':
      return { kind: 'question' as const, move: item.move, question: item.question, team: item.team };
  }
}

/** The item's kind and what it answers, in the seat's language. */
function ItemLabel({ item }: { item: AdjudicationItem }) {
  const t = useT();
  const lang = useLang();
  const msel = useSession((s) => (s.view as WhiteView).msel);
  const moves = useSession((s) => (s.view as WhiteView).moves);
  switch (item.kind) {
    case 'sitrep':
      return (
        <>
          {t('adjudicate.sitrep')} <span className={`sev sev-${item.severity}`}>{t(`severity.${item.severity}`)}</span>
        </>
      );
    case 'answer':
      return (
        <>
          {t('adjudicate.answer')} {localText(msel.find((m) => m.inject === item.inject)?.title, lang) || item.inject}
        </>
      );
    case 'question': {
      const move = moves.find((m) => m.id === item.move);
      const q = move?.questions.find((x) => x.id === item.question);
      return (
        <>
          {t('adjudicate.question')} {localText(move?.title, lang)}: <q dir="auto">{localText(q?.text, lang) || item.question}</q>
        </>
      );
    }
  }
}

function GradeForm({ item, initial }: { item: AdjudicationItem; initial?: number }) {
  const t = useT();
  const cmd = useCommand();
  const [grade, setGrade] = useState(initial ?? 70);
  const [comment, setComment] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void cmd.run({ type: 'adjudicate', item: itemTarget(item), grade, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} className="form grade-form">
      <label>
        {t('adjudicate.grade')} <output className="mono">{grade}</output>
        <input type="range" min={0} max={100} step={5} value={grade} onChange={(e) => setGrade(Number(e.target.value))} />
      </label>
      <label>
        {t('adjudicate.comment')}
        <input value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" />
      </label>
      <button type="submit" className="primary" disabled={cmd.pending} data-testid="grade">
        {t(initial === undefined ? 'adjudicate.submit' : 'adjudicate.regrade')}
      </button>
      {cmd.error ? (
        <div role="alert" className="error">
          {cmd.error}
        </div>
      ) : null}
    </form>
  );
}

/** One item to grade: who, when, what it answers, the text, the evaluators' criteria beside it, and the grade form. */
function ItemCard({ item, teamName }: { item: AdjudicationItem | GradedItem; teamName: (id: string) => string }) {
  const t = useT();
  const graded = 'grade' in item ? item : null;
  return (
    <li {...(graded ? { 'data-graded': itemKey(item), className: 'graded' } : { 'data-item': itemKey(item) })}>
      <p>
        <strong>{teamName(item.team)}</strong> · <SimTime t={item.t} /> · <ItemLabel item={item} />
      </p>
      <div className="adjudicate-pair">
        <blockquote dir="auto" className="prewrap">
          {item.text}
        </blockquote>
        {item.kind !== 'sitrep' ? <Criteria criteria={item.criteria} /> : null}
      </div>
      {graded ? (
        <p className="mono">
          {t('adjudicate.current', { grade: graded.grade })}
          {graded.comment ? ` · ${graded.comment}` : ''}
        </p>
      ) : null}
      <GradeForm item={item} {...(graded ? { initial: graded.grade } : {})} />
    </li>
  );
}

export function Adjudication() {
  const t = useT();
  const lang = useLang();
  const items = useSession((s) => (s.view as WhiteView).adjudication);
  const graded = useSession((s) => (s.view as WhiteView).graded);
  const teams = useSession((s) => (s.view as WhiteView).teams);
  const teamName = (id: string) => localText(teams.find((tm) => tm.id === id)?.name, lang) || id;
  return (
    <>
      {items.length === 0 ? (
        <Empty>{t('adjudicate.empty')}</Empty>
      ) : (
        <ul className="adjudication">
          {items.map((item) => (
            <ItemCard key={itemKey(item)} item={item} teamName={teamName} />
          ))}
        </ul>
      )}
      {graded.length > 0 ? (
        <details className="adjudication-graded">
          <summary>
            {t('adjudicate.graded')} ({graded.length})
          </summary>
          <ul className="adjudication">
            {graded.map((item) => (
              <ItemCard key={itemKey(item)} item={item} teamName={teamName} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
