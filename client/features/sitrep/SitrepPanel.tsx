/** Situation reports: file one (severity and text) and see the white cell's grades of earlier ones. */
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useState } from 'react';
import { SEVERITIES } from '../../../engine/constants.ts';
import type { Severity } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useView } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';

export function SitrepPanel() {
  const t = useT();
  const view = useView('blue');
  const file = useCommand();
  const why = useWhyNot('sitrep', file.pending);
  const [severity, setSeverity] = useState<Severity>('medium');
  const [text, setText] = useState('');
  if (!view) return null;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await file.run({ type: 'sitrep', severity, text: text.trim() })) setText('');
  };
  return (
    <div className="sitreps">
      <form onSubmit={submit} className="form">
        <h3>{t('sitrep.new')}</h3>
        <label>
          {t('sitrep.severity')}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sitrep.text')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={5} dir="auto" />
        </label>
        <button type="submit" className="primary" disabled={!text.trim() || why !== null}>
          {t('sitrep.file')}
        </button>{' '}
        <WhyNot reason={why} />
        {file.error ? (
          <div role="alert" className="error">
            {file.error}
          </div>
        ) : null}
      </form>
      <h3>{t('sitrep.filed')}</h3>
      {view.sitreps.length === 0 ? (
        <Empty>{t('sitrep.none')}</Empty>
      ) : (
        <ul className="sitrep-list">
          {[...view.sitreps].reverse().map((s) => (
            <li key={s.id}>
              <p>
                <SimTime t={s.t} /> <span className={`sev sev-${s.severity}`}>{t(`severity.${s.severity}`)}</span>{' '}
                {s.grade !== null ? t('inbox.grade', { grade: s.grade }) : <span className="muted">{t('inbox.awaitingGrade')}</span>}
              </p>
              <p dir="auto" className="prewrap">
                {s.text}
              </p>
              {s.comment ? (
                <p className="muted" dir="auto">
                  {s.comment}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
