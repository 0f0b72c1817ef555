/**
 * The timeline scrubber: a range over the whole exercise (keyboard: arrows step, Page keys jump),
 * play and pause at a chosen speed, and buttons to the previous and next mark.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';

const PLAY_SPEEDS = [10, 60, 300, 900];
const SECOND = 1000;
const MINUTE = 60_000;

/**
 * The range takes any millisecond (step "any"), so that a moment between two whole seconds (an
 * action completing at T+00:02:03.456 under real-time driving) can be shown exactly; the keys keep
 * their usual sizes: arrows a second, Page keys a minute, Home and End the ends.
 */
function keyStep(key: string, rtl: boolean): number | 'start' | 'end' | null {
  switch (key) {
    case 'ArrowUp':
      return SECOND;
    case 'ArrowDown':
      return -SECOND;
    case 'ArrowRight':
      return rtl ? -SECOND : SECOND;
    case 'ArrowLeft':
      return rtl ? SECOND : -SECOND;
    case 'PageUp':
      return MINUTE;
    case 'PageDown':
      return -MINUTE;
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    default:
      return null;
  }
}

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
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of controls, not a form section; a fieldset would bring a form's border and legend
    <div className="scrubber" role="group" aria-label={t('timeline.scrubber')}>
      <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
        {playing ? t('timeline.pause') : t('timeline.play')}
      </button>
      <label className="inline">
        <span className="sr-only">{t('timeline.playSpeed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={t('timeline.playSpeed')}>
          {PLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              ×{s}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={prev === undefined} onClick={() => prev !== undefined && onChange(prev)} aria-label={t('timeline.prevMark')}>
        <span className="mirror" aria-hidden="true">
          ⏮
        </span>
      </button>
      <input
        type="range"
        min={start}
        max={Math.max(end, start + 1)}
        step="any"
        value={value}
        onChange={(e) => onChange(Math.round(Number(e.target.value)))}
        onKeyDown={(e) => {
          const move = keyStep(e.key, getComputedStyle(e.currentTarget).direction === 'rtl');
          if (move === null) return;
          e.preventDefault();
          const target = move === 'start' ? start : move === 'end' ? end : value + move;
          onChange(Math.min(end, Math.max(start, target)));
        }}
        aria-label={t('timeline.time')}
        aria-valuetext={formatExerciseTime(value)}
        data-testid="scrubber"
      />
      <button type="button" disabled={next === undefined} onClick={() => next !== undefined && onChange(next)} aria-label={t('timeline.nextMark')}>
        <span className="mirror" aria-hidden="true">
          ⏭
        </span>
      </button>
      <output className="mono" dir="ltr" data-testid="scrub-time">
        {formatExerciseTime(value)}
      </output>
      <span className="muted mono" dir="ltr">
        / {formatExerciseTime(end)}
      </span>
    </div>
  );
}
