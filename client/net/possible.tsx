/** React side of client/store/possible.ts: whether a command can be sent now, and a line saying why not. */
import type { CommandBody } from '../../engine/types.ts';
import { useT } from '../i18n/react.tsx';
import { whyNot } from '../store/possible.ts';
import { useSession } from '../store/react.ts';
import type { ExercisePhase } from '../../engine/constants.ts';

/** The catalogue key of why a command of `type` cannot be sent now (null: it can). */
export function useWhyNot(type: CommandBody['type'], pending = false): string | null {
  const phase = useSession((s) => (s.view && 'clock' in s.view ? (s.view.clock.phase as ExercisePhase) : null));
  const status = useSession((s) => s.status);
  return whyNot(type, phase, status, pending);
}

/** The reason a control is disabled, next to it (nothing while in flight: the button says so). */
export function WhyNot({ reason }: { reason: string | null }) {
  const t = useT();
  if (reason === null || reason === 'possible.pending') return null;
  return (
    <span className="why-not" role="note" data-testid="why-not" data-reason={reason}>
      {t(reason)}
    </span>
  );
}
