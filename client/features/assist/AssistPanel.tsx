/** Assistance between partners: ask a partner for help, grant a partner's request, see who may act for whom. */
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useState } from 'react';
import type { AssistView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useView } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty, StatusChip } from '../shell/Bits.tsx';

function Request({ request, incoming, name }: { request: AssistView; incoming: boolean; name: (id: string) => string }) {
  const t = useT();
  const grant = useCommand();
  const grantWhy = useWhyNot('grant-assistance', grant.pending);
  return (
    <li className="assist" data-request={request.id} data-status={request.status}>
      <p>
        <strong>{incoming ? t('assist.fromTeam', { team: name(request.from) }) : t('assist.toTeam', { team: name(request.to) })}</strong> <StatusChip status={request.status} prefix="assistStatus" />{' '}
        <SimTime t={request.t} />
        {request.until !== null ? (
          <>
            {' '}
            · {t('assist.until')} <SimTime t={request.until} />
          </>
        ) : null}
      </p>
      <p dir="auto" className="prewrap">
        {request.text}
      </p>
      {incoming && request.status === 'requested' ? (
        <button type="button" className="primary" data-testid="assist-grant" disabled={grantWhy !== null} onClick={() => void grant.run({ type: 'grant-assistance', request: request.id })}>
          {t('assist.grant')}
        </button>
      ) : null}
      {grant.error ? (
        <div role="alert" className="error">
          {grant.error}
        </div>
      ) : null}
    </li>
  );
}

export function AssistPanel() {
  const t = useT();
  const lang = useLang();
  const view = useView('blue');
  const ask = useCommand();
  const askWhy = useWhyNot('request-assistance', ask.pending);
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  if (!view) return null;
  const name = (id: string) => localText([view.team, ...view.partners].find((p) => p.id === id)?.name, lang) || id;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await ask.run({ type: 'request-assistance', to, text: text.trim() })) setText('');
  };
  return (
    <div className="assist-panel">
      <form onSubmit={submit} className="form">
        <h3>{t('assist.ask')}</h3>
        <label>
          {t('assist.partner')}
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="assist-to">
            <option value="">—</option>
            {view.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {name(p.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('assist.what')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} dir="auto" data-testid="assist-text" />
        </label>
        <button type="submit" disabled={!to || !text.trim() || askWhy !== null} data-testid="assist-send">
          {t('assist.send')}
        </button>{' '}
        <WhyNot reason={askWhy} />
        {ask.error ? (
          <div role="alert" className="error">
            {ask.error}
          </div>
        ) : null}
      </form>
      {view.assistance.mayActFor.length > 0 ? (
        <p className="ok">
          {view.assistance.mayActFor.map((m) => (
            <span key={m.team} className="chip">
              {t('assist.mayActFor', { team: name(m.team) })} <SimTime t={m.until} />
            </span>
          ))}
        </p>
      ) : null}
      <h3>{t('assist.incoming')}</h3>
      {view.assistance.received.length === 0 ? (
        <Empty>{t('assist.none')}</Empty>
      ) : (
        <ul>
          {view.assistance.received.map((r) => (
            <Request key={r.id} request={r} incoming name={name} />
          ))}
        </ul>
      )}
      <h3>{t('assist.outgoing')}</h3>
      {view.assistance.requested.length === 0 ? (
        <Empty>{t('assist.none')}</Empty>
      ) : (
        <ul>
          {view.assistance.requested.map((r) => (
            <Request key={r.id} request={r} incoming={false} name={name} />
          ))}
        </ul>
      )}
    </div>
  );
}
