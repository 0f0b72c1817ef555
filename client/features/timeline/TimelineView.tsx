/**
 * Replay of a timeline source: the scrubber over the whole exercise, the ground-truth map at the
 * chosen moment, the swimlanes of red steps, detections and responses per team, the team table
 * and the events up to that moment.
 */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { EventList } from '../feed/EventFeed.tsx';
import { TeamStatusOf } from '../control/TeamStatus.tsx';
import { TruthMapOf } from '../truth/TruthMap.tsx';
import { markTimes, swimlanes } from './lanes.ts';
import { Scrubber } from './Scrubber.tsx';
import type { TimelineSource, TruthView } from './source.ts';
import { Swimlanes } from './Swimlanes.tsx';
import { Empty } from '../shell/Bits.tsx';

/** Views are rebuilt at most once per animation frame while scrubbing (an engine seek can take ms). */
function useViewAt(source: TimelineSource, t: number): TruthView | null {
  const [view, setView] = useState<TruthView | null>(() => source.viewAt(t));
  useEffect(() => {
    const frame = requestAnimationFrame(() => setView(source.viewAt(t)));
    return () => cancelAnimationFrame(frame);
  }, [source, t]);
  return view;
}

/**
 * `below`: what the page adds under the scrubber for the chosen moment and the node last picked on
 * the map (the replay page's what-if panel).
 */
export function TimelineView({ source, below }: { source: TimelineSource; below?: (cursor: number, node: string | null) => ReactNode }) {
  const t = useT();
  const [cursor, setCursor] = useState(source.end);
  const [follow, setFollow] = useState(true);
  const [picked, setPicked] = useState<string | null>(null);
  // Following the live end until the user scrubs away from it.
  useEffect(() => {
    if (follow) setCursor(source.end);
  }, [follow, source.end]);
  const view = useViewAt(source, cursor);
  const lanes = useMemo(() => (source.final ? swimlanes(source.final, source.end) : []), [source.final, source.end]);
  const marks = useMemo(() => markTimes(lanes), [lanes]);
  const events = useMemo(() => source.events.filter((e) => e.t <= cursor), [source.events, cursor]);
  const seek = (value: number) => {
    setFollow(value >= source.end);
    setCursor(Math.max(source.start, Math.min(source.end, value)));
  };
  if (!source.final) return <Empty>{t('timeline.empty')}</Empty>;
  return (
    <div className="timeline">
      <Scrubber start={source.start} end={source.end} value={cursor} onChange={seek} marks={marks} />
      {below ? below(cursor, picked) : null}
      <section className="panel">
        <Swimlanes lanes={lanes} teams={source.final.teams} start={source.start} end={source.end} cursor={cursor} onSeek={seek} />
      </section>
      <div className="timeline-grid">
        {view ? (
          <TruthMapOf
            nodes={view.nodes}
            segments={view.segments}
            teams={view.teams}
            title={t('timeline.mapAt')}
            {...(below ? { selected: new Set(picked ? [picked] : []), onSelect: (id: string) => setPicked(id) } : {})}
          />
        ) : null}
        <section className="panel">
          <h2>{t('timeline.teamsAt')}</h2>
          {view ? <TeamStatusOf blue={view.blue} nodes={view.nodes} /> : null}
        </section>
      </div>
      <EventList events={events} title={t('timeline.eventsUntil')} />
    </div>
  );
}
