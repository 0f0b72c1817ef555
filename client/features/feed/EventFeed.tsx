/** The live event feed: newest first, filterable by family, events the seat may see only. */
import { useMemo, useState } from 'react';
import type { SeatEvent } from '../../../protocol/index.ts';
import { hasKey } from '../../i18n/t.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { actorName, describeEvent, eventFamily, type FeedNames, feedNames, NO_NAMES } from './describe.ts';

const SHOWN = 200;

/** The events, newest first; `names` say teams, injects, nodes and steps by name (ids without). */
export function EventList({ events, title, names = NO_NAMES }: { events: readonly SeatEvent[]; title: string; names?: FeedNames }) {
  const t = useT();
  const [family, setFamily] = useState('');
  // Score samples arrive for every team every few minutes and would drown the rest.
  const [hideScores, setHideScores] = useState(true);
  const families = useMemo(() => [...new Set(events.map((e) => eventFamily(e.type)))].sort(), [events]);
  const shown = useMemo(() => {
    const out: SeatEvent[] = [];
    for (let i = events.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const e = events[i] as SeatEvent;
      if (hideScores && e.type === 'score' && family !== 'score') continue;
      if (!family || eventFamily(e.type) === family) out.push(e);
    }
    return out;
  }, [events, family, hideScores]);
  return (
    <section className="panel feed" aria-label={title}>
      <header className="panel-head">
        <h2>{title}</h2>
        <label className="inline">
          <input type="checkbox" checked={hideScores} onChange={(e) => setHideScores(e.target.checked)} />
          {t('feed.hideScores')}
        </label>
        <label>
          <span className="sr-only">{t('feed.filter')}</span>
          <select value={family} onChange={(e) => setFamily(e.target.value)} aria-label={t('feed.filter')}>
            <option value="">{t('feed.all')}</option>
            {families.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      </header>
      <ol className="feed-list" aria-live="polite" aria-relevant="additions">
        {shown.map((e) => (
          <li key={e.seq} className={`ev ev-${eventFamily(e.type)}`} data-type={e.type}>
            <SimTime t={e.t} />
            <span className="ev-type">{hasKey(`event.${e.type}`) ? t(`event.${e.type}`) : e.type}</span>
            <span className="ev-actor muted">
              <bdi>{actorName(e.actor, names)}</bdi>
            </span>
            <span className="ev-data" dir="auto">
              {describeEvent(e, names)}
            </span>
          </li>
        ))}
      </ol>
      {shown.length === 0 ? <p className="muted empty">{t('feed.empty')}</p> : null}
    </section>
  );
}

export function EventFeed() {
  const t = useT();
  const lang = useLang();
  const feed = useSession((s) => s.feed);
  const view = useSession((s) => s.view);
  const names = useMemo(() => feedNames(view, lang), [view, lang]);
  return <EventList events={feed} title={t('feed.title')} names={names} />;
}
