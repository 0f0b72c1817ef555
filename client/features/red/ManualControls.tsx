/**
 * A manual step's controls on the red cell's console: launch, hold, and abort after a confirmation.
 * Each is offered only when the step's status and the exercise's phase allow it, and says why not.
 */
import { useState } from 'react';
import type { RedStepView } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useCommand } from '../../net/react.tsx';

export function ManualControls({ step }: { step: RedStepView }) {
  const t = useT();
  const cmd = useCommand();
  const [confirmAbort, setConfirmAbort] = useState(false);
  const why = useWhyNot('red-launch', cmd.pending);
  const canLaunch = step.status === 'ready' || step.status === 'held';
  const canHold = step.status === 'ready' || step.status === 'pending';
  const canAbort = step.status === 'ready' || step.status === 'held' || step.status === 'running' || step.status === 'pending';
  return (
    <span className="row-actions">
      <button type="button" className="small primary" disabled={!canLaunch || why !== null} onClick={() => void cmd.run({ type: 'red-launch', step: step.id })} data-testid="red-launch">
        {t('red.launch')}
      </button>
      <button type="button" className="small" disabled={!canHold || why !== null} onClick={() => void cmd.run({ type: 'red-hold', step: step.id })} data-testid="red-hold">
        {t('red.hold')}
      </button>
      {confirmAbort ? (
        <fieldset className="confirm">
          <legend>{t('red.abortConfirm')}</legend>
          <button
            type="button"
            className="small danger"
            disabled={why !== null}
            onClick={() => {
              setConfirmAbort(false);
              void cmd.run({ type: 'red-abort', step: step.id });
            }}
            data-testid="red-abort-confirm"
          >
            {t('red.abortYes')}
          </button>
          <button type="button" className="small" onClick={() => setConfirmAbort(false)} data-testid="red-abort-cancel">
            {t('red.abortNo')}
          </button>
        </fieldset>
      ) : (
        <button type="button" className="small danger" disabled={!canAbort || why !== null} onClick={() => setConfirmAbort(true)} data-testid="red-abort">
          {t('red.abort')}
        </button>
      )}
      <WhyNot reason={canLaunch || canHold || canAbort ? why : null} />
      {cmd.error ? (
        <span role="alert" className="error">
          {cmd.error}
        </span>
      ) : null}
    </span>
  );
}
