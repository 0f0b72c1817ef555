/** An ad-hoc inject from the white cell: to all or some blue teams, on a channel, with TLP and expected actions. */
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useMemo, useState } from 'react';
import type { ActionKindT, ChannelT, TlpLevel, WhiteView } from '../../../engine/types.ts';
import { ACTION_KINDS, CHANNELS, DURATION_PATTERN, localText, TLP_LEVELS } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useSession } from '../../store/react.ts';

type Expect = '' | 'acknowledge' | ActionKindT;

export function AdhocInject() {
  const t = useT();
  const lang = useLang();
  // Select the stable array and filter here: a selector returning a new array every call would
  // make React re-render without end.
  const allTeams = useSession((s) => (s.view as WhiteView).teams);
  const teams = useMemo(() => allTeams.filter((tm) => tm.role === 'blue'), [allTeams]);
  const cmd = useCommand();
  const why = useWhyNot('adhoc-inject', cmd.pending);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [all, setAll] = useState(true);
  const [to, setTo] = useState<string[]>([]);
  const [channel, setChannel] = useState<ChannelT>('email');
  const [from, setFrom] = useState('');
  const [role, setRole] = useState('');
  const [tlp, setTlp] = useState<TlpLevel | ''>('');
  const [expect, setExpect] = useState<Expect>('');
  const [within, setWithin] = useState('30m');
  const [sent, setSent] = useState(false);
  const withinOk = new RegExp(DURATION_PATTERN).test(within);
  const valid = title.trim() && content.trim() && from.trim() && (all || to.length > 0) && (!expect || withinOk);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSent(false);
    const ok = await cmd.run({
      type: 'adhoc-inject',
      inject: {
        title: title.trim(),
        content: content.trim(),
        channel,
        to: all ? 'all-blue' : to,
        from: { name: from.trim(), ...(role.trim() ? { role: role.trim() } : {}) },
        ...(tlp ? { tlp } : {}),
        ...(expect ? { evaluation: { expects: [{ action: expect, within }] } } : {}),
      },
    });
    if (ok) {
      setSent(true);
      setTitle('');
      setContent('');
    }
  };
  return (
    <form onSubmit={submit} className="form adhoc">
      <label>
        {t('adhoc.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" data-testid="adhoc-title" />
      </label>
      <fieldset>
        <legend>{t('adhoc.to')}</legend>
        <label className="inline">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('adhoc.allBlue')}
        </label>
        {!all
          ? teams.map((tm) => (
              <label key={tm.id} className="inline">
                <input type="checkbox" data-adhoc-team={tm.id} checked={to.includes(tm.id)} onChange={() => setTo((c) => (c.includes(tm.id) ? c.filter((x) => x !== tm.id) : [...c, tm.id]))} />
                {localText(tm.name, lang) || tm.id}
              </label>
            ))
          : null}
      </fieldset>
      <div className="row">
        <label>
          {t('adhoc.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value as ChannelT)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          TLP
          <select value={tlp} onChange={(e) => setTlp(e.target.value as TlpLevel | '')}>
            <option value="">—</option>
            {TLP_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t('adhoc.from')}
          <input value={from} onChange={(e) => setFrom(e.target.value)} dir="auto" data-testid="adhoc-from" />
        </label>
        <label>
          {t('adhoc.role')}
          <input value={role} onChange={(e) => setRole(e.target.value)} dir="auto" />
        </label>
      </div>
      <label>
        {t('adhoc.content')}
        <textarea value={content} onChange={(e) => setContent(e.target.value)} rows={5} dir="auto" data-testid="adhoc-content" />
      </label>
      <div className="row">
        <label>
          {t('adhoc.expects')}
          <select value={expect} onChange={(e) => setExpect(e.target.value as Expect)}>
            <option value="">—</option>
            <option value="acknowledge">{t('actionKind.acknowledge')}</option>
            {ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`actionKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {expect ? (
          <label>
            {t('adhoc.within')}
            <input value={within} onChange={(e) => setWithin(e.target.value)} dir="ltr" className="mono" aria-invalid={!withinOk} size={6} />
          </label>
        ) : null}
      </div>
      <button type="submit" className="primary" disabled={!valid || why !== null} data-testid="adhoc-send">
        {t('adhoc.send')}
      </button>{' '}
      <WhyNot reason={why} />
      {cmd.error ? (
        <div role="alert" className="error">
          {cmd.error}
        </div>
      ) : sent ? (
        <p role="status" className="ok">
          {t('adhoc.sent')}
        </p>
      ) : null}
    </form>
  );
}
