/**
 * The timeline scrubber: a range over the whole exercise (keyboard: arrows step, Page keys jump),
 * play and pause at a chosen speed, and buttons to the previous and next mark.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';

const PLAY_SPEEDS = [10, 60, 300, 900];

export function Scrubber({ start, end, value, onChange, marks }: { start: number; end: number; value: number; onChange: (t: number) => void; marks: readonly number[] }) {
  const t = useT();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(60);
  const latest = useRef({ value, end, onChange });
  latest.current = { value, end, onChange };
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const L = latest.current;
      const next = Math.min(L.end, L.value + (now - last) * speed);
      last = now;
      L.onChange(Math.round(next));
      if (next >= L.end) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed]);
  const prev = [...marks].reverse().find((m) => m < value);
  const next = marks.find((m) => m > value);
  return (
    <div className="scrubber" role="group" aria-label={t('timeline.scrubber')}>
      <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>{playing ? t('timeline.pause') : t('timeline.play')}</button>
      <label className="inline">
        <span className="sr-only">{t('timeline.playSpeed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={t('timeline.playSpeed')}>
          {PLAY_SPEEDS.map((s) => <option key={s} value={s}>×{s}</option>)}
        </select>
      </label>
      <button type="button" disabled={prev === undefined} onClick={() => prev !== undefined && onChange(prev)} aria-label={t('timeline.prevMark')}><span className="mirror" aria-hidden="true">⏮</span></button>
      <input
        type="range" min={start} max={Math.max(end, start + 1)} step={1000} value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-label={t('timeline.time')} aria-valuetext={formatExerciseTime(value)} data-testid="scrubber"
      />
      <button type="button" disabled={next === undefined} onClick={() => next !== undefined && onChange(next)} aria-label={t('timeline.nextMark')}><span className="mirror" aria-hidden="true">⏭</span></button>
      <output className="mono" dir="ltr" data-testid="scrub-time">{formatExerciseTime(value)}</output>
      <span className="muted mono" dir="ltr">/ {formatExerciseTime(end)}</span>
    </div>
  );
}
