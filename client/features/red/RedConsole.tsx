/**
 * The red cell's console: each campaign as a graph of steps with their status, the step table
 * (timing, targets, hits) and, for the steps the scenario marks manual (a manual campaign's, or a step's own
 * `manual`) and those only, the launch, hold and abort controls: the engine refuses them on scripted steps.
 */
import { useState } from 'react';
import type { RedStepView, RedView } from '../../../engine/types.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { ConsoleHeader } from '../shell/ConsoleHeader.tsx';
import { StatusChip } from '../shell/Bits.tsx';
import { EventFeed } from '../feed/EventFeed.tsx';
import { CampaignGraph } from './CampaignGraph.tsx';

function ManualControls({ step }: { step: RedStepView }) {
  const t = useT();
  const cmd = useCommand();
  const canLaunch = step.status === 'ready' || step.status === 'held';
  const canHold = step.status === 'ready' || step.status === 'pending';
  const canAbort = step.status === 'ready' || step.status === 'held' || step.status === 'running' || step.status === 'pending';
  return (
    <span className="row-actions">
      <button type="button" className="small primary" disabled={!canLaunch || cmd.pending} onClick={() => void cmd.run({ type: 'red-launch', step: step.id })}>{t('red.launch')}</button>
      <button type="button" className="small" disabled={!canHold || cmd.pending} onClick={() => void cmd.run({ type: 'red-hold', step: step.id })}>{t('red.hold')}</button>
      <button type="button" className="small danger" disabled={!canAbort || cmd.pending} onClick={() => void cmd.run({ type: 'red-abort', step: step.id })}>{t('red.abort')}</button>
      {cmd.error ? <span role="alert" className="error">{cmd.error}</span> : null}
    </span>
  );
}

export function CampaignView({ campaign, controls }: { campaign: RedView['campaigns'][number]; controls: boolean }) {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <section className="panel campaign" aria-labelledby={`c-${campaign.id}`}>
      <header className="panel-head">
        <h2 id={`c-${campaign.id}`}><LocalTextView text={campaign.name} /></h2>
        {campaign.actor ? <span className="muted">{campaign.actor}</span> : null}
        <span className="chip">{t(`red.mode.${campaign.mode}`)}</span>
      </header>
      <CampaignGraph steps={campaign.steps} selected={selected} onSelect={setSelected} />
      {campaign.objectives.length > 0 ? (
        <ul className="objectives">
          {campaign.objectives.map((o) => (
            <li key={o.id} className={o.achievedAt !== null ? 'achieved' : ''}>
              <LocalTextView text={o.name} /> {o.achievedAt !== null ? <>✓ <SimTime t={o.achievedAt} /></> : <span className="muted">{t('red.open')}</span>}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="table-scroll">
        <table className="steps">
          <thead>
            <tr>
              <th scope="col">{t('red.step')}</th><th scope="col">{t('red.technique')}</th><th scope="col">{t('red.status')}</th>
              <th scope="col">{t('red.due')}</th><th scope="col">{t('red.targets')}</th><th scope="col">{t('red.hits')}</th>
              {controls && campaign.steps.some((s) => s.manual) ? <th scope="col">{t('red.controls')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {campaign.steps.map((s) => (
              <tr key={s.id} className={selected === s.id ? 'selected' : undefined} data-step={s.id} onClick={() => setSelected(s.id)}>
                <th scope="row"><LocalTextView text={s.name} /></th>
                <td className="mono">{s.technique}{s.tactic ? <span className="muted"> {s.tactic}</span> : null}</td>
                <td><StatusChip status={s.status} prefix="redStatus" /></td>
                <td>{s.due !== null ? <SimTime t={s.due} /> : '—'}</td>
                <td><bdi>{s.targets.join(', ')}</bdi></td>
                <td><bdi>{s.hits.join(', ')}</bdi></td>
                {controls && campaign.steps.some((x) => x.manual) ? <td>{s.manual ? <ManualControls step={s} /> : <span className="muted">{t('red.mode.scripted')}</span>}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function RedConsole() {
  const t = useT();
  const campaigns = useSession((s) => (s.view as RedView).campaigns);
  const footholds = useSession((s) => (s.view as RedView).footholds);
  return (
    <div className="console red-console" data-console="red">
      <ConsoleHeader seatLabel={t('role.red')} />
      <main className="console-main single">
        {campaigns.map((c) => <CampaignView key={c.id} campaign={c} controls />)}
        <section className="panel">
          <h2>{t('red.footholds')}</h2>
          <p><bdi>{footholds.join(', ') || '—'}</bdi></p>
        </section>
        <EventFeed />
      </main>
    </div>
  );
}
