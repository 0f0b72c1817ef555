/**
 * The intelligence exchange: write a report (indicators, technique, TLP 2.0 marking), choose the
 * partners to share it with, read the reports partners shared and apply their indicators.
 */
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useEffect, useState } from 'react';
import type { IntelView, TlpLevel } from '../../../engine/types.ts';
import { localText, TLP_LEVELS } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useView } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty, TlpChip } from '../shell/Bits.tsx';
import { visibleControls } from '../../i18n/visible.ts';

export interface Draft {
  indicators: string[];
  technique?: string;
  title?: string;
}

/** Indicators from free text: one per line or separated by commas or spaces, deduplicated. */
export function parseIndicators(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function Report({ report, received }: { report: IntelView; received: boolean }) {
  const t = useT();
  const lang = useLang();
  const view = useView('blue');
  const apply = useCommand();
  const applyWhy = useWhyNot('apply-intel', apply.pending);
  const name = (id: string) => localText([view?.team, ...(view?.partners ?? [])].find((p) => p?.id === id)?.name, lang) || id;
  const appliedAt = view ? report.appliedBy[view.team.id] : undefined;
  return (
    <li className="report" data-report={report.id}>
      <header>
        <strong dir="auto">{visibleControls(report.title)}</strong> <TlpChip tlp={report.tlp} />
        {report.technique ? <code>{report.technique}</code> : null}
      </header>
      <p className="muted">
        {received ? t('intel.fromTeam', { team: name(report.from) }) : t('intel.toTeams', { teams: report.to.map(name).join(', ') })} · <SimTime t={report.t} />
      </p>
      {report.text ? (
        <p dir="auto" className="prewrap">
          {report.text}
        </p>
      ) : null}
      <ul className="indicators">
        {report.indicators.map((i) => (
          <li key={i}>
            <code dir="ltr">{visibleControls(i)}</code>
          </li>
        ))}
      </ul>
      {received ? (
        appliedAt !== undefined ? (
          <p className="ok">
            {t('intel.appliedAt')} <SimTime t={appliedAt} />
          </p>
        ) : (
          <button type="button" className="primary" disabled={applyWhy !== null} onClick={() => void apply.run({ type: 'apply-intel', report: report.id })} data-testid="apply-intel">
            {t('intel.apply', { count: report.indicators.length })}
          </button>
        )
      ) : (
        <p className="muted">
          {Object.keys(report.appliedBy).length === 0
            ? t('intel.notApplied')
            : Object.entries(report.appliedBy).map(([team, at]) => (
                <span key={team} className="chip">
                  {t('intel.appliedBy', { team: name(team) })} <SimTime t={at} />
                </span>
              ))}
        </p>
      )}
      {apply.error ? (
        <div role="alert" className="error">
          {apply.error}
        </div>
      ) : null}
    </li>
  );
}

export function IntelPanel({ draft }: { draft: Draft | null }) {
  const t = useT();
  const lang = useLang();
  const view = useView('blue');
  const share = useCommand();
  const shareWhy = useWhyNot('share-intel', share.pending);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [indicators, setIndicators] = useState('');
  const [technique, setTechnique] = useState('');
  const [tlp, setTlp] = useState<TlpLevel>('AMBER');
  const [partners, setPartners] = useState<string[]>([]);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!draft) return;
    setIndicators((current) => parseIndicators(`${current}\n${draft.indicators.join('\n')}`).join('\n'));
    if (draft.technique) setTechnique(draft.technique);
    if (draft.title) setTitle((c) => c || (draft.title ?? ''));
  }, [draft]);

  if (!view) return null;
  const list = parseIndicators(indicators);
  const techniqueOk = technique === '' || /^T\d{4}(\.\d{3})?$/.test(technique);
  const canShare = title.trim() !== '' && partners.length > 0 && techniqueOk && !share.pending;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setDone(false);
    const ok = await share.run({
      type: 'share-intel',
      partners,
      report: { title: title.trim(), text, indicators: list, tlp, ...(technique ? { technique } : {}) },
    });
    if (ok) {
      setDone(true);
      setTitle('');
      setText('');
      setIndicators('');
      setTechnique('');
    }
  };
  const toggle = (id: string) => setPartners((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <div className="intel">
      <form onSubmit={submit} className="form intel-form" aria-labelledby="intel-write">
        <h3 id="intel-write">{t('intel.write')}</h3>
        <label>
          {t('intel.reportTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" maxLength={300} data-testid="intel-title" />
        </label>
        <label>
          {t('intel.text')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} dir="auto" />
        </label>
        <label>
          {t('intel.indicators')}
          <textarea value={indicators} onChange={(e) => setIndicators(e.target.value)} rows={3} dir="ltr" className="mono" data-testid="intel-indicators" />
        </label>
        <p className="muted">{t('intel.indicatorCount', { count: list.length })}</p>
        <label>
          {t('intel.technique')}
          <input value={technique} onChange={(e) => setTechnique(e.target.value.trim())} dir="ltr" className="mono" placeholder="T1566.001" aria-invalid={!techniqueOk} />
        </label>
        <fieldset>
          <legend>{t('intel.tlp')}</legend>
          {TLP_LEVELS.map((level) => (
            <label key={level} className="inline">
              <input type="radio" name="tlp" value={level} checked={tlp === level} onChange={() => setTlp(level)} />
              <TlpChip tlp={level} />
            </label>
          ))}
          <p className="muted">{t(`tlp.rule.${tlp}`)}</p>
        </fieldset>
        <fieldset>
          <legend>{t('intel.partners')}</legend>
          {view.partners.length === 0 ? (
            <p className="muted">{t('intel.noPartners')}</p>
          ) : (
            view.partners.map((p) => (
              <label key={p.id} className="inline">
                <input type="checkbox" checked={partners.includes(p.id)} onChange={() => toggle(p.id)} data-partner={p.id} />
                {localText(p.name, lang) || p.id}
                {p.nation ? ` (${p.nation})` : ''}
              </label>
            ))
          )}
        </fieldset>
        <button type="submit" className="primary" disabled={!canShare || shareWhy !== null} data-testid="intel-share">
          {t('intel.share')}
        </button>{' '}
        <WhyNot reason={shareWhy} />
        {share.error ? (
          <div role="alert" className="error">
            {share.error}
          </div>
        ) : done ? (
          <p role="status" className="ok">
            {t('intel.shared')}
          </p>
        ) : null}
      </form>
      <section aria-labelledby="intel-received">
        <h3 id="intel-received">{t('intel.received')}</h3>
        {view.intel.received.length === 0 ? (
          <Empty>{t('intel.noneReceived')}</Empty>
        ) : (
          <ul className="reports">
            {[...view.intel.received].reverse().map((r) => (
              <Report key={r.id} report={r} received />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="intel-sent">
        <h3 id="intel-sent">{t('intel.sent')}</h3>
        {view.intel.sent.length === 0 ? (
          <Empty>{t('intel.noneSent')}</Empty>
        ) : (
          <ul className="reports">
            {[...view.intel.sent].reverse().map((r) => (
              <Report key={r.id} report={r} received={false} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
