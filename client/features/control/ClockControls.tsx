/**
 * The controller's clock: start, pause, resume, end; the speed factor (real time); the next
 * tabletop move, a jump to the next inject, and an advance by a duration (tabletop).
 */
import { useState } from 'react';
import type { WhiteView } from '../../../engine/types.ts';
import { parseDuration } from '../../../engine/constants.ts';
import { useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useSession } from '../../store/react.ts';
import { LocalTextView } from '../../i18n/react.tsx';
import { SimTime } from '../shell/Clock.tsx';

const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1000];

export function ClockControls() {
  const t = useT();
  const clock = useSession((s) => (s.view as WhiteView).clock);
  const nextEventAt = useSession((s) => (s.view as WhiteView).nextEventAt);
  const cmd = useCommand();
  const [step, setStep] = useState('15m');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { phase } = clock;
  const live = phase === 'running' || phase === 'paused';
  const stepMs = parseDuration(step.trim());

  return (
    <div className="clock-controls" role="toolbar" aria-label={t('control.clock')}>
      {phase === 'planned' ? <button type="button" className="primary" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'start' })} data-testid="start">{t('control.start')}</button> : null}
      {phase === 'running' ? <button type="button" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'pause' })} data-testid="pause">{t('control.pause')}</button> : null}
      {phase === 'paused' ? <button type="button" className="primary" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'resume' })} data-testid="resume">{t('control.resume')}</button> : null}
      {clock.mode === 'realtime' ? (
        <label className="inline">
          {t('control.speed')}
          <select value={clock.speed} disabled={phase === 'ended' || cmd.pending} onChange={(e) => void cmd.run({ type: 'speed', speed: Number(e.target.value) })} data-testid="speed">
            {[...new Set([...SPEEDS, clock.speed])].sort((a, b) => a - b).map((s) => <option key={s} value={s}>×{s}</option>)}
          </select>
        </label>
      ) : null}
      {clock.mode === 'tabletop' && live ? (
        <>
          <button type="button" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'move' })} data-testid="next-move">{t('control.nextMove')}</button>
          <span className="inline">
            <input aria-label={t('control.step')} value={step} onChange={(e) => setStep(e.target.value)} size={5} dir="ltr" className="mono" />
            <button type="button" disabled={cmd.pending || !stepMs.ok} onClick={() => stepMs.ok && void cmd.run({ type: 'advance', to: Math.min(clock.duration, clock.t + stepMs.ms) })}>{t('control.advance')}</button>
          </span>
        </>
      ) : null}
      {live ? <button type="button" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'jump-to-next-inject' })} data-testid="jump">{t('control.jump')}</button> : null}
      {live ? (
        confirmEnd ? (
          <span className="inline confirm">
            {t('control.confirmEnd')}
            <button type="button" className="danger" onClick={() => { setConfirmEnd(false); void cmd.run({ type: 'end' }); }} data-testid="end-confirm">{t('control.end')}</button>
            <button type="button" onClick={() => setConfirmEnd(false)}>{t('control.cancel')}</button>
          </span>
        ) : <button type="button" className="danger" onClick={() => setConfirmEnd(true)} data-testid="end">{t('control.end')}</button>
      ) : null}
      {nextEventAt !== null && live ? <span className="muted">{t('control.next')} <SimTime t={nextEventAt} /></span> : null}
      {clock.move ? <span className="chip">{t('control.move')}: <LocalTextView text={clock.move.title} /></span> : null}
      {cmd.error ? <p role="alert" className="error">{cmd.error}</p> : null}
    </div>
  );
}
