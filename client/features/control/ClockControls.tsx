/**
 * The controller's clock: start, pause, resume, end with confirmation; the speed factor (real time);
 * moving the clock on (TimeControls); releasing the scores to the teams; the current move.
 */
import { useState } from 'react';
import type { WhiteView } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useSession } from '../../store/react.ts';
import { LocalTextView } from '../../i18n/react.tsx';
import { TimeControls } from './TimeControls.tsx';

const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1000];

export function ClockControls() {
  const t = useT();
  const clock = useSession((s) => (s.view as WhiteView).clock);
  const cmd = useCommand();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { phase } = clock;
  const live = phase === 'running' || phase === 'paused';

  return (
    <div className="clock-controls" role="toolbar" aria-label={t('control.clock')}>
      {phase === 'planned' ? (
        <button type="button" className="primary" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'start' })} data-testid="start">
          {t('control.start')}
        </button>
      ) : null}
      {phase === 'running' ? (
        <button type="button" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'pause' })} data-testid="pause">
          {t('control.pause')}
        </button>
      ) : null}
      {phase === 'paused' ? (
        <button type="button" className="primary" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'resume' })} data-testid="resume">
          {t('control.resume')}
        </button>
      ) : null}
      {clock.mode === 'realtime' ? (
        <label className="inline">
          {t('control.speed')}
          <select value={clock.speed} disabled={phase === 'ended' || cmd.pending} onChange={(e) => void cmd.run({ type: 'speed', speed: Number(e.target.value) })} data-testid="speed">
            {[...new Set([...SPEEDS, clock.speed])]
              .sort((a, b) => a - b)
              .map((s) => (
                <option key={s} value={s}>
                  ×{s}
                </option>
              ))}
          </select>
        </label>
      ) : null}
      <TimeControls cmd={cmd} />
      {live ? (
        confirmEnd ? (
          <span className="inline confirm">
            {t('control.confirmEnd')}
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmEnd(false);
                void cmd.run({ type: 'end' });
              }}
              data-testid="end-confirm"
            >
              {t('control.end')}
            </button>
            <button type="button" onClick={() => setConfirmEnd(false)}>
              {t('control.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmEnd(true)} data-testid="end">
            {t('control.end')}
          </button>
        )
      ) : null}
      {phase !== 'planned' ? (
        <button type="button" disabled={cmd.pending} title={t('control.releaseScoresHint')} onClick={() => void cmd.run({ type: 'release-scores' })} data-testid="release-scores">
          {t('control.releaseScores')}
        </button>
      ) : null}
      {clock.move ? (
        <span className="chip" data-testid="current-move">
          {t('control.move')}: <LocalTextView text={clock.move.title} />
        </span>
      ) : null}
      {cmd.error ? (
        <div role="alert" className="error">
          {cmd.error}
        </div>
      ) : null}
    </div>
  );
}
