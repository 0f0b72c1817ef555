/**
 * Moving the controller's clock on: the next move, a jump to any later move, an advance by a duration
 * (play: deadlines run), a jump to any later time or to the next inject (not play: deadlines wait,
 * docs/ENGINE.md "Time"). Tabletop exercises get moves and advances; real time gets jumps.
 */
import { useState } from 'react';
import type { WhiteView } from '../../../engine/types.ts';
import { parseDuration } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { localText } from '../../../engine/constants.ts';
import { formatExerciseTime } from '../../i18n/time.ts';
import type { CommandState } from '../../net/react.tsx';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';

/** Next move, and a jump to any move that has not begun. */
function MoveControls({ cmd }: { cmd: CommandState }) {
  const t = useT();
  const lang = useLang();
  const clock = useSession((s) => (s.view as WhiteView).clock);
  const moves = useSession((s) => (s.view as WhiteView).moves);
  const later = moves.filter((m) => m.start > clock.t);
  const [pick, setPick] = useState('');
  const target = later.find((m) => m.id === pick) ?? later[0];
  if (moves.length === 0) return null;
  return (
    <span className="inline">
      <button type="button" disabled={cmd.pending || later.length === 0} onClick={() => void cmd.run({ type: 'move' })} data-testid="next-move">
        {t('control.nextMove')}
      </button>
      <select aria-label={t('control.goToMove')} value={target?.id ?? ''} disabled={cmd.pending || later.length === 0} onChange={(e) => setPick(e.target.value)} data-testid="move-pick">
        {moves.map((m) => (
          <option key={m.id} value={m.id} disabled={m.start <= clock.t}>{`${formatExerciseTime(m.start)} · ${localText(m.title, lang)}`}</option>
        ))}
      </select>
      <button type="button" disabled={cmd.pending || !target} onClick={() => target && void cmd.run({ type: 'move', move: target.id })} data-testid="go-to-move">
        {t('control.goToMove')}
      </button>
    </span>
  );
}

/** Advance by a duration (tabletop): time the room plays. */
function AdvanceControl({ cmd }: { cmd: CommandState }) {
  const t = useT();
  const clock = useSession((s) => (s.view as WhiteView).clock);
  const [step, setStep] = useState('15m');
  const stepMs = parseDuration(step.trim());
  return (
    <span className="inline">
      <input aria-label={t('control.step')} value={step} onChange={(e) => setStep(e.target.value)} size={5} dir="ltr" className="mono" data-testid="advance-by" />
      <button
        type="button"
        disabled={cmd.pending || !stepMs.ok || stepMs.ms === 0}
        onClick={() => stepMs.ok && void cmd.run({ type: 'advance', to: Math.min(clock.duration, clock.t + stepMs.ms) })}
        data-testid="advance"
      >
        {t('control.advance')}
      </button>
    </span>
  );
}

/** Jump to a time given from T+0 (e.g. 1d2h): time nobody plays. */
function JumpControl({ cmd }: { cmd: CommandState }) {
  const t = useT();
  const clock = useSession((s) => (s.view as WhiteView).clock);
  const [to, setTo] = useState('');
  const at = parseDuration(to.trim());
  const valid = at.ok && at.ms > clock.t && at.ms <= clock.duration;
  return (
    <span className="inline">
      <label className="inline">
        {t('control.jumpTo')}
        <span className="mono" dir="ltr">
          T+
        </span>
        <input value={to} onChange={(e) => setTo(e.target.value)} size={6} dir="ltr" className="mono" placeholder="1d2h" data-testid="jump-to" />
      </label>
      <button type="button" disabled={cmd.pending || !valid} onClick={() => at.ok && void cmd.run({ type: 'jump', to: at.ms })} data-testid="jump-go">
        {t('control.jumpGo')}
      </button>
    </span>
  );
}

export function TimeControls({ cmd }: { cmd: CommandState }) {
  const t = useT();
  const clock = useSession((s) => (s.view as WhiteView).clock);
  const nextEventAt = useSession((s) => (s.view as WhiteView).nextEventAt);
  if (clock.phase !== 'running') return null;
  return (
    <>
      <MoveControls cmd={cmd} />
      {clock.mode === 'tabletop' ? <AdvanceControl cmd={cmd} /> : <JumpControl cmd={cmd} />}
      <button type="button" disabled={cmd.pending} onClick={() => void cmd.run({ type: 'jump-to-next-inject' })} data-testid="jump">
        {t('control.jump')}
      </button>
      {nextEventAt !== null ? (
        <span className="muted">
          {t('control.next')} <SimTime t={nextEventAt} />
        </span>
      ) : null}
    </>
  );
}
