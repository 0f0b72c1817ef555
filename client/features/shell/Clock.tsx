/**
 * The exercise clock: T+hh:mm:ss and the wall-clock time in the seat's time zone. While a real-time
 * exercise runs, it moves on between the server's advances (at most every 500 ms) by extrapolating
 * with the speed factor, never beyond one second of simulated time past the last known value.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { ClockView } from '../../../engine/types.ts';
import { formatExerciseTime, formatWallTime } from '../../i18n/time.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { usePrefs, useSession } from '../../store/react.ts';

export function extrapolate(clock: ClockView, viewAt: number, now: number): number {
  if (clock.phase !== 'running' || clock.mode !== 'realtime') return clock.t;
  const ahead = Math.max(0, now - viewAt) * clock.speed;
  return Math.min(clock.duration, clock.t + Math.min(ahead, 1000 * Math.max(1, clock.speed)));
}

export function useClockTime(clock: ClockView | null): number {
  const viewAt = useSession((s) => s.viewAt);
  const [now, setNow] = useState(() => performance.now());
  const running = clock?.phase === 'running' && clock.mode === 'realtime';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return clock ? extrapolate(clock, viewAt, Math.max(now, viewAt)) : 0;
}

export function Clock({ clock }: { clock: ClockView }) {
  const t = useT();
  const lang = useLang();
  const timeZone = usePrefs((p) => p.timeZone);
  const time = useClockTime(clock);
  return (
    <div className="clock" role="timer" aria-live="off">
      <span className="clock-t mono" data-testid="clock" dir="ltr">
        {formatExerciseTime(time)}
      </span>
      <span className="clock-wall mono" dir="ltr">
        {formatWallTime(clock.startDate, time, lang, timeZone)}
      </span>
      <span className={`phase phase-${clock.phase}`}>{t(`phase.${clock.phase}`)}</span>
      {clock.mode === 'realtime' ? <span className="muted">×{clock.speed}</span> : <span className="muted">{t('mode.tabletop')}</span>}
    </div>
  );
}

/** The scenario's date for T+0, for wall-clock tooltips (set by each console and by the replay). */
export const StartDateContext = createContext('');

/** A simulated time as "T+hh:mm:ss" with the wall time in the seat's zone as its tooltip. */
export function SimTime({ t: ms }: { t: number }) {
  const lang = useLang();
  const timeZone = usePrefs((p) => p.timeZone);
  const start = useContext(StartDateContext);
  const wall = formatWallTime(start, ms, lang, timeZone, true);
  return (
    <time className="mono" dir="ltr" title={wall} data-t={ms}>
      {formatExerciseTime(ms)}
    </time>
  );
}
