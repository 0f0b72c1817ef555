/** The adjudication queue: situation reports and inject answers waiting for the white cell's grade. */
import { useState } from 'react';
import type { AdjudicationItem, WhiteView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';

export function itemKey(item: AdjudicationItem): string {
  return item.kind === 'sitrep' ? `sitrep:${item.id}` : `answer:${item.inject}:${item.team}`;
}

function GradeForm({ item }: { item: AdjudicationItem }) {
  const t = useT();
  const cmd = useCommand();
  const [grade, setGrade] = useState(70);
  const [comment, setComment] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const target = item.kind === 'sitrep' ? { kind: 'sitrep' as const, id: item.id } : { kind: 'answer' as const, inject: item.inject, team: item.team };
    void cmd.run({ type: 'adjudicate', item: target, grade, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} className="form grade-form">
      <label>
        {t('adjudicate.grade')} <output className="mono">{grade}</output>
        <input type="range" min={0} max={100} step={5} value={grade} onChange={(e) => setGrade(Number(e.target.value))} />
      </label>
      <label>{t('adjudicate.comment')}<input value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" /></label>
      <button type="submit" className="primary" disabled={cmd.pending} data-testid="grade">{t('adjudicate.submit')}</button>
      {cmd.error ? <p role="alert" className="error">{cmd.error}</p> : null}
    </form>
  );
}

export function Adjudication() {
  const t = useT();
  const lang = useLang();
  const items = useSession((s) => (s.view as WhiteView).adjudication);
  const teams = useSession((s) => (s.view as WhiteView).teams);
  const msel = useSession((s) => (s.view as WhiteView).msel);
  if (items.length === 0) return <Empty>{t('adjudicate.empty')}</Empty>;
  const teamName = (id: string) => localText(teams.find((tm) => tm.id === id)?.name, lang) || id;
  return (
    <ul className="adjudication">
      {items.map((item) => (
        <li key={itemKey(item)} data-item={itemKey(item)}>
          <p>
            <strong>{teamName(item.team)}</strong> · <SimTime t={item.t} /> ·{' '}
            {item.kind === 'sitrep' ? <>{t('adjudicate.sitrep')} <span className={`sev sev-${item.severity}`}>{t(`severity.${item.severity}`)}</span></> : <>{t('adjudicate.answer')} {localText(msel.find((m) => m.inject === item.inject)?.title, lang) || item.inject}</>}
          </p>
          <blockquote dir="auto" className="prewrap">{item.text}</blockquote>
          <GradeForm item={item} />
        </li>
      ))}
    </ul>
  );
}
